public import SynthKitTable

/// How generated numbers are written back: rounded to the data's precision and kept in bounds.
///
/// The reversible encoder for numerical and datetime columns. ``encode(_:)`` is the identity
/// (the model works on the raw numbers; datetimes are seconds since 1970 UTC); ``decode(_:)``
/// maps any real back into the column's domain: clamp to [minimum, maximum], then round to the
/// rounding step (1 for integers, 10^-d for d decimal places, a whole day for date-only
/// datetime formats, a second otherwise). Missing values (NaN) pass through both ways.
public struct NumericalFormat: Codable, Hashable, Sendable {
    /// The smallest value written, if bounded below.
    public var minimum: Double?
    /// The largest value written, if bounded above.
    public var maximum: Double?
    /// Values are rounded to multiples of this step; `nil` keeps full precision.
    public var roundingStep: Double?

    /// Creates a format.
    public init(minimum: Double?, maximum: Double?, roundingStep: Double?) {
        self.minimum = minimum
        self.maximum = maximum
        self.roundingStep = roundingStep
    }

    /// Learns the format of a numeric column from its schema facts, completing missing
    /// facts from the observed values (bounds = observed range, decimal places = observed).
    public static func fit(values: [Double], schema: ColumnSchema) -> NumericalFormat {
        var observedMinimum = Double.infinity
        var observedMaximum = -Double.infinity
        var allIntegers = true
        var places = 0
        for value in values where value.isFinite {
            observedMinimum = min(observedMinimum, value)
            observedMaximum = max(observedMaximum, value)
            if value != value.rounded() {
                allIntegers = false
                places = max(places, decimalPlaces(of: value))
            }
        }
        let hasValues = observedMinimum <= observedMaximum
        switch schema.kind {
        case .datetime:
            let facts = schema.datetime
            let dateOnly = facts.map { !$0.format.contains("H") && !$0.format.contains("h") } ?? allIntegers
            let step = dateOnly && allIntegers && values.allSatisfy({ !$0.isFinite || $0.truncatingRemainder(dividingBy: 86_400) == 0 })
                ? 86_400.0 : 1.0
            return NumericalFormat(
                minimum: facts?.minimum ?? (hasValues ? observedMinimum : nil),
                maximum: facts?.maximum ?? (hasValues ? observedMaximum : nil),
                roundingStep: allIntegers ? step : nil)
        default:
            let facts = schema.numerical
            let isInteger = facts?.isInteger ?? allIntegers
            let decimalPlaces = facts?.decimalPlaces ?? places
            var step: Double?
            if isInteger {
                step = 1
            } else if decimalPlaces > 0 && decimalPlaces <= Self.maximumRoundedPlaces {
                step = pow10(-decimalPlaces)
            }
            return NumericalFormat(
                minimum: facts?.minimum ?? (hasValues ? observedMinimum : nil),
                maximum: facts?.maximum ?? (hasValues ? observedMaximum : nil),
                roundingStep: step)
        }
    }

    /// The model-space value of a data value (the identity).
    public func encode(_ value: Double) -> Double { value }

    /// The data value of a model-space value: clamped, then rounded to the step and clamped
    /// again so rounding never leaves the bounds.
    public func decode(_ value: Double) -> Double {
        if value.isNaN { return value }
        var result = value
        if let minimum { result = max(result, minimum) }
        if let maximum { result = min(result, maximum) }
        if let roundingStep {
            if roundingStep >= 1 {
                result = (result / roundingStep).rounded() * roundingStep
            } else {
                let scale = (1 / roundingStep).rounded()
                result = (result * scale).rounded() / scale
            }
            if let minimum, result < minimum { result += roundingStep }
            if let maximum, result > maximum { result -= roundingStep }
        }
        return result
    }

    static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    /// Columns with more decimal places than this keep full precision (no rounding).
    static let maximumRoundedPlaces = 10

    /// The number of decimal places in the shortest text of `value` (17 for exponent notation).
    static func decimalPlaces(of value: Double) -> Int {
        let text = "\(value)"
        if text.contains("e") { return 17 }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }
}
