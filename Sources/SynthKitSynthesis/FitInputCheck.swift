package import SynthKitCore
package import SynthKitTable

/// The input checks every synthesizer's `fit` shares: the table's columns match the schema,
/// numerical and datetime columns hold numbers, and no number is infinite. Every problem is
/// collected and reported at once.
package enum FitInputCheck {
    /// Checks that `table` and `schema` describe the same columns with usable storage.
    /// - Throws: `.invalidSchema` for missing, extra or wrongly stored columns, `.invalidInput`
    ///   for infinite values (with their CSV line, assuming a header row).
    package static func checkColumns(of table: Table, against schema: Schema) throws(SynthKitError) {
        var problems: [SynthKitError] = []
        for columnSchema in schema.columns {
            guard let column = table[columnSchema.name] else {
                problems.append(SynthKitError(
                    .invalidSchema, "the schema describes column '\(columnSchema.name)', which the table does not have",
                    location: .init(column: columnSchema.name)))
                continue
            }
            if (columnSchema.kind == .numerical || columnSchema.kind == .datetime) && column.numbers == nil {
                problems.append(SynthKitError(
                    .invalidSchema,
                    "column '\(column.name)' is \(columnSchema.kind.rawValue) in the schema but holds text; "
                        + "change its kind to categorical or fix the data",
                    location: .init(column: column.name)))
            }
            if let numbers = column.numbers, let row = numbers.firstIndex(where: { $0.isInfinite }) {
                problems.append(SynthKitError(
                    .invalidInput,
                    "column '\(column.name)' holds an infinite value at row \(row + 1); use a finite number or leave it empty",
                    location: .init(line: row + 2, column: column.name)))
            }
        }
        for name in table.columnNames where schema[name] == nil {
            problems.append(SynthKitError(
                .invalidSchema, "the table has column '\(name)', which the schema does not describe; add it to the schema",
                location: .init(column: name)))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }
}
