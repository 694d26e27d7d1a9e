import SynthKitCore
import SynthKitSynthesis
import SynthKitTable

/// The input checks shared by the deep synthesizers: a non-empty table whose columns match
/// the schema, numeric where the schema says so, without infinities (all problems at once).
enum DeepInputCheck {
    static func check(table: Table, schema: Schema) throws(SynthKitError) {
        guard table.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "cannot fit on a table with no rows; give at least one row of data")
        }
        try FitInputCheck.checkColumns(of: table, against: schema)
    }
}
