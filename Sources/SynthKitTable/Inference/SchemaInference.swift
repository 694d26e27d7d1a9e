/// Guesses a ``Schema`` from a table: what `synthkit inspect` writes.
///
/// Every fact is marked ``FactSource/observed``. Rules, in the order they are tried:
///
/// Numeric storage (every value parsed as a number):
/// - **boolean** only when the values are exactly {0, 1} *and* the name reads like a flag
///   (`is_…`, `has_…`, `…_flag`): a 0/1 column is otherwise numerical, which models it just
///   as well and keeps counts such as "number of children" numeric;
/// - **id** when the values are distinct integers and either the name says so (`id`, `…_id`,
///   `key`, `uuid`) or they form a consecutive run (a row number); floats are never ids;
/// - otherwise **numerical**, integer or float with decimal places and observed bounds, even
///   with few distinct values (Adult's `education_num` is numerical).
///
/// Text storage: **boolean** for two values that pair as true/false, yes/no, t/f, y/n
/// (any case); **datetime** when every distinct value parses with one candidate format
/// (ISO 8601 dates and date-times with `T` or a space, optional seconds, fraction and zone;
/// `yyyy/MM/dd`; `MM/dd/yyyy` or `dd/MM/yyyy` decided by a component above 12, `MM/dd`
/// when ambiguous, with a note); **pii** for e-mail addresses, phone numbers, person names
/// (name hint plus name-like values) and street addresses (≥ ``Options/patternShare`` of
/// distinct values); **id** for UUIDs or distinct key-like codes; **text** for long, mostly
/// distinct free text; otherwise **categorical** with counts.
public enum SchemaInference {
    /// Thresholds for inference.
    public struct Options: Sendable, Hashable {
        /// Share of distinct values that must match a PII pattern.
        public var patternShare: Double
        /// Fewest non-missing rows for a column to be called an id.
        public var minimumIdRows: Int
        /// Average length in characters from which distinct text counts as free text.
        public var minimumTextLength: Double

        /// Creates options.
        public init(patternShare: Double = 0.9, minimumIdRows: Int = 20, minimumTextLength: Double = 30) {
            self.patternShare = patternShare
            self.minimumIdRows = minimumIdRows
            self.minimumTextLength = minimumTextLength
        }
    }

    /// The inferred schema of `table`, one ``ColumnSchema`` per column in table order.
    ///
    /// Complexity: O(n log n) per numeric column (distinct counting), O(n + distinct values ×
    /// candidate formats) per text column.
    public static func infer(table: Table, options: Options = Options()) -> Schema {
        Schema(columns: table.columns.map { infer(column: $0, rowCount: table.rowCount, options: options) })
    }

    /// The inferred description of one column.
    public static func infer(column: Column, rowCount: Int, options: Options = Options()) -> ColumnSchema {
        let missingShare = rowCount == 0 ? 0 : Double(column.missingCount) / Double(rowCount)
        var description: ColumnSchema
        switch column.values {
        case .numeric(let numbers):
            description = NumericInference.infer(name: column.name, numbers: numbers, options: options)
        case .categorical(let codes, let levels):
            description = TextInference.infer(name: column.name, codes: codes, levels: levels, options: options)
        }
        description.missingShare = missingShare
        return description
    }
}
