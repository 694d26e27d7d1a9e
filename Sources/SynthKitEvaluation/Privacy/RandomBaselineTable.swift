import SynthKitCore
import SynthKitTable

/// The random baseline of SDMetrics' `DCRBaselineProtection`
/// (`sdmetrics/single_table/privacy/dcr_baseline_protection.py`): each column drawn
/// independently, numbers uniform in [min, max] of the real column (integers when the real
/// values are all integers), categories uniformly among the real column's distinct values, and
/// the real share of missing values reinjected. Unlike SDMetrics, the missing mask is drawn from
/// the same seed, so the baseline is reproducible.
enum RandomBaselineTable {
    /// `rowCount` random rows shaped like `real` (columns of `roles` only).
    static func make(like real: Table, roles: ColumnRoles, rowCount: Int, seed: Seed) -> Table {
        var columns: [Column] = []
        for (index, name) in roles.all.enumerated() {
            guard let column = real[name] else { continue }
            var stream = seed.derived("baseline.column", index: index).stream()
            let missingShare = Double(column.missingCount) / Double(max(1, column.count))
            if let numbers = column.numbers, roles.numeric.contains(name) {
                let present = numbers.filter { !$0.isNaN }
                let minimum = present.min() ?? 0
                let maximum = present.max() ?? 0
                let integral = present.allSatisfy { $0 == $0.rounded() }
                let values: [Double?] = (0..<rowCount).map { _ in
                    let draw = integral
                        ? minimum + Double(stream.nextIndex(below: Int(maximum - minimum) + 1))
                        : minimum + (maximum - minimum) * stream.nextUniform()
                    return stream.nextUniform() < missingShare ? nil : draw
                }
                columns.append(Column(name: name, numbers: values))
            } else {
                let levels = Set((0..<column.count).compactMap { column.text(at: $0) }).sorted()
                let values: [String?] = (0..<rowCount).map { _ in
                    let draw = levels.isEmpty ? nil : levels[stream.nextIndex(below: levels.count)]
                    return stream.nextUniform() < missingShare ? nil : draw
                }
                if column.numbers != nil {
                    columns.append(Column(name: name, numbers: values.map { $0.flatMap(Double.init) }))
                } else {
                    columns.append(Column(name: name, strings: values))
                }
            }
        }
        return Table(unchecked: columns, rowCount: rowCount)
    }
}
