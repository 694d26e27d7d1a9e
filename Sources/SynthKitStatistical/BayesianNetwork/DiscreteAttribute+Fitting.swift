import SynthKitCore
import SynthKitSynthesis
package import SynthKitTable
import SynthKitTransforms

extension DiscreteAttribute {
    /// The attribute of one column, given the public (or already privately estimated) facts.
    ///
    /// - Parameters:
    ///   - bounds: for numerical and datetime columns, the range to bin (values outside are
    ///     clamped); integer columns with at most `maximumBins` values in range get one bin per
    ///     integer.
    ///   - domain: for categorical and boolean columns, the categories; `nil` learns them from
    ///     the column (non-private use only).
    ///   - alwaysMissingCode: give every learned attribute a missing code (DP fits, where
    ///     whether a column has missing values is itself private); otherwise only when the
    ///     column has missing values.
    package static func fitted(
        column: Column, schema: ColumnSchema, maximumBins: Int, bounds: (lower: Double, upper: Double)?,
        domain: [String]?, alwaysMissingCode: Bool
    ) -> DiscreteAttribute {
        let hasMissing = alwaysMissingCode || column.missingCount > 0
        switch schema.kind {
        case .id:
            return DiscreteAttribute(name: schema.name, coding: .identifier(IdentifierFormat.learned(from: column)), hasMissingCode: false)
        case .pii, .text:
            return DiscreteAttribute(name: schema.name, coding: .blank, hasMissingCode: false)
        case .categorical, .boolean:
            if let domain {
                let numeric: [Double]? = column.numbers == nil ? nil : domain.map { Double($0) ?? .nan }
                return DiscreteAttribute(
                    name: schema.name, coding: .categorical(CategoryEncoding(levels: domain, numericLevels: numeric, hasMissing: false)),
                    hasMissingCode: hasMissing || domain.isEmpty)
            }
            var encoding = CategoryEncoding.fit(column, schema: schema).encoding
            encoding.hasMissing = false
            return DiscreteAttribute(name: schema.name, coding: .categorical(encoding), hasMissingCode: hasMissing || encoding.levels.isEmpty)
        case .numerical, .datetime:
            let values = column.numbers ?? []
            let format = NumericalFormat.fit(values: values, schema: schema)
            let range = bounds ?? (format.minimum ?? 0, format.maximum ?? 0)
            var clampedFormat = format
            clampedFormat.minimum = range.lower
            clampedFormat.maximum = range.upper
            let isInteger = schema.kind == .numerical && (schema.numerical?.isInteger ?? (format.roundingStep == 1))
            let span = range.upper - range.lower
            let edges: [Double]
            if isInteger && span >= 0 && span + 1 <= Double(maximumBins) {
                let bins = Int(span) + 1
                edges = (0...bins).map { range.lower - 0.5 + Double($0) }
            } else {
                edges = equalWidthEdges(lower: range.lower, upper: range.upper, bins: maximumBins)
            }
            return DiscreteAttribute(name: schema.name, coding: .binned(edges: edges, format: clampedFormat), hasMissingCode: hasMissing)
        }
    }
}
