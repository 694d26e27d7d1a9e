public import SynthKitCore
import Foundation
import SynthKitMath

/// How generated numbers are rounded, for a DP fit: declared in the schema (with the bounds, or
/// by a declared datetime format), or paid for with a small private histogram.
///
/// Integer-ness, decimal places and the rounding step of a datetime are facts about the data:
/// one row with a third decimal changes them. When they are not declared, a histogram of rows
/// by the precision they need (numbers: 0, 1, …, 10 decimal places or more; datetimes: whole
/// days, whole seconds, finer) is released with the discrete Gaussian mechanism (each row in
/// one class, L2 sensitivity 1 for add/remove neighbours, √2 for replace-one), and the step is
/// chosen from the noisy counts by post-processing: the finest class whose noisy count is
/// clearly more than noise (above σ·Φ⁻¹(1 − 0.01/classes), a Bonferroni bound, and above 0.5%
/// of the noisy total); full precision when no class is. Erring fine is harmless (extra digits),
/// erring coarse would round real precision away, so the rule leans fine. Rows finer than the
/// chosen step are rounded on output. O(rows).
public enum PrivateNumberFormat {
    /// Classes for numbers: 0…10 decimal places, then "more" (full precision).
    static let numberClasses = 12
    /// Classes for datetimes: whole days, whole seconds, finer.
    static let datetimeClasses = 3

    /// The rounding step for classes of numbers: 1 for integers, 10⁻ᵈ, `nil` beyond 10 places.
    public static func numberStep(decimalPlaces: Int) -> Double? {
        if decimalPlaces <= 0 { return 1 }
        guard decimalPlaces <= 10 else { return nil }
        var step = 1.0
        for _ in 0..<decimalPlaces { step /= 10 }
        return step
    }

    /// The rounding step of a datetime class: a day, a second, or full precision.
    static func datetimeStep(classIndex: Int) -> Double? {
        [86_400, 1, nil][min(max(classIndex, 0), 2)]
    }

    /// The rounding step a declared datetime format implies: a day for date-only formats, `nil`
    /// (a second, by declaration) otherwise.
    public static func datetimeStep(format: String) -> Double? {
        format.contains("H") || format.contains("h") ? nil : 86_400
    }

    /// The ISO text format for a privately chosen datetime step: a date for whole days,
    /// seconds, or milliseconds for finer values.
    public static func isoFormat(datetimeStep step: Double?) -> String {
        switch step {
        case 86_400?: return "yyyy-MM-dd"
        case 1?: return "yyyy-MM-dd'T'HH:mm:ss"
        default: return "yyyy-MM-dd'T'HH:mm:ss.SSS"
        }
    }

    /// The number of decimal places `value` needs (shortest text; 11 for "more than 10").
    static func decimalPlacesClass(of value: Double) -> Int {
        let text = "\(value)"
        if text.contains("e") { return value == value.rounded() && abs(value) >= 1 ? 0 : numberClasses - 1 }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let digits = text[text.index(after: dot)...]
        if digits == "0" { return 0 }
        return min(digits.count, numberClasses - 1)
    }

    /// The precision class of a datetime in seconds since 1970.
    static func datetimeClass(of value: Double) -> Int {
        if value.truncatingRemainder(dividingBy: 86_400) == 0 { return 0 }
        return value == value.rounded() ? 1 : 2
    }

    /// The private decimal places of `values` (NaN ignored), charging `rho`.
    /// - Throws: the budget's refusal.
    public static func decimalPlaces(
        of values: [Double], rho: Double, countSensitivity: Double = 1, noise: inout NoiseSource,
        budget: inout PrivacyBudget, purpose: String
    ) throws(SynthKitError) -> Int {
        var counts = [Int](repeating: 0, count: numberClasses)
        for value in values where value.isFinite { counts[decimalPlacesClass(of: value)] += 1 }
        return try choose(counts: counts, rho: rho, countSensitivity: countSensitivity, noise: &noise, budget: &budget, purpose: purpose)
    }

    /// The private rounding step of datetimes `values` (seconds; NaN ignored), charging `rho`.
    /// - Throws: the budget's refusal.
    public static func datetimeStep(
        of values: [Double], rho: Double, countSensitivity: Double = 1, noise: inout NoiseSource,
        budget: inout PrivacyBudget, purpose: String
    ) throws(SynthKitError) -> Double? {
        var counts = [Int](repeating: 0, count: datetimeClasses)
        for value in values where value.isFinite { counts[datetimeClass(of: value)] += 1 }
        let chosen = try choose(counts: counts, rho: rho, countSensitivity: countSensitivity, noise: &noise, budget: &budget, purpose: purpose)
        return datetimeStep(classIndex: chosen)
    }

    /// The coarsest class whose finer classes are negligible in the noisy histogram.
    static func choose(
        counts: [Int], rho: Double, countSensitivity: Double, noise: inout NoiseSource, budget: inout PrivacyBudget, purpose: String
    ) throws(SynthKitError) -> Int {
        let mechanism = GaussianMechanism(sensitivity: countSensitivity, rho: rho)
        let noisy = try mechanism.release(counts: counts, purpose: purpose, budget: &budget, noise: &noise).map(Double.init)
        return choose(noisyCounts: noisy, standardDeviation: mechanism.standardDeviation)
    }

    /// The post-processing rule on released counts.
    static func choose(noisyCounts: [Double], standardDeviation: Double) -> Int {
        let total = noisyCounts.reduce(0) { $0 + max($1, 0) }
        let noiseLevel = standardDeviation * NormalDistribution.quantile(1 - 0.01 / Double(noisyCounts.count))
        let threshold = max(noiseLevel, 0.005 * total)
        return noisyCounts.indices.last { noisyCounts[$0] > threshold } ?? noisyCounts.count - 1
    }
}
