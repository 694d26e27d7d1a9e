public import SynthKitCore
public import SynthKitTable

/// Fixed values for some columns of a number of rows; the other columns are generated from
/// their conditional distribution given these values.
///
/// A value is text as it would appear in a CSV file (`">50K"`, `"Female"`, `"37"`), or `nil`
/// for a missing value; each model resolves it against its schema (a category, a number, a
/// datetime in the column's format). This mirrors SDV's `Condition(column_values, num_rows)`.
public struct Condition: Hashable, Sendable {
    /// One fixed column value.
    public struct Assignment: Hashable, Sendable {
        /// The column name.
        public var column: String
        /// The value as CSV text, or `nil` for missing.
        public var value: String?

        /// Creates an assignment.
        public init(column: String, value: String?) {
            self.column = column
            self.value = value
        }
    }

    /// The fixed values, at most one per column.
    public var assignments: [Assignment]
    /// How many rows to draw with these values.
    public var rowCount: Int

    /// Creates a condition.
    public init(assignments: [Assignment], rowCount: Int) {
        self.assignments = assignments
        self.rowCount = rowCount
    }

    /// Parses `column=value`, splitting at the first `=` (so `income=>50K` fixes `income` to
    /// `>50K`). An empty value means the empty string, not missing.
    /// - Throws: `.invalidArgument` when there is no `=` or the column name is empty.
    public static func parseAssignment(_ text: String) throws(SynthKitError) -> Assignment {
        guard let separator = text.firstIndex(of: "=") else {
            throw SynthKitError(
                .invalidArgument, "condition '\(text)' has no '='; write column=value, e.g. income=>50K",
                location: .init(field: "condition"))
        }
        let column = String(text[..<separator])
        guard !column.isEmpty else {
            throw SynthKitError(
                .invalidArgument, "condition '\(text)' names no column before '='", location: .init(field: "condition"))
        }
        return Assignment(column: column, value: String(text[text.index(after: separator)...]))
    }

    /// Conditions for SDV's `sample_remaining_columns`: row i of `known` fixes its non-empty
    /// cells (an empty cell leaves that column to be generated). Identical rows are grouped into one condition;
    /// `rowOrder[i]` is the (condition index, position within that condition's rows) of row i,
    /// so results can be put back in the order of `known`. O(rows × columns).
    public static func grouping(rowsOf known: Table) -> (conditions: [Condition], rowOrder: [(condition: Int, position: Int)]) {
        var conditions: [Condition] = []
        var lookup: [[String?]: Int] = [:]
        var rowOrder: [(condition: Int, position: Int)] = []
        rowOrder.reserveCapacity(known.rowCount)
        for row in 0..<known.rowCount {
            let values = known.columns.map { $0.text(at: row) }
            if let index = lookup[values] {
                rowOrder.append((index, conditions[index].rowCount))
                conditions[index].rowCount += 1
            } else {
                lookup[values] = conditions.count
                rowOrder.append((conditions.count, 0))
                let assignments = zip(known.columnNames, values).compactMap { name, value in
                    value.map { Assignment(column: name, value: $0) }
                }
                conditions.append(Condition(assignments: assignments, rowCount: 1))
            }
        }
        return (conditions, rowOrder)
    }
}
