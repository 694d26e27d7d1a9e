import SynthKitCore
import SynthKitTable

/// The input checks shared by the deep synthesizers: a non-empty table whose columns match
/// the schema, numeric where the schema says so, without infinities (all problems at once).
enum DeepInputCheck {
    static func check(table: Table, schema: Schema) throws(SynthKitError) {
        guard table.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "cannot fit on a table with no rows; give at least one row of data")
        }
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
                    "column '\(column.name)' is \(columnSchema.kind.rawValue) in the schema but holds text; change its kind to categorical or fix the data",
                    location: .init(column: column.name)))
            }
            if let numbers = column.numbers, let row = numbers.firstIndex(where: { $0.isInfinite }) {
                problems.append(SynthKitError(
                    .invalidInput, "column '\(column.name)' holds an infinite value at row \(row + 1); use a finite number or leave it empty",
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
