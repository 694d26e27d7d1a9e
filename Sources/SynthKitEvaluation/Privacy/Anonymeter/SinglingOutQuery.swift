/// A conjunction of predicates on columns of ``AttackColumns`` (anonymeter's polars
/// expressions). A predicate on a missing value is false unless it asks for a missing value
/// (polars' null semantics).
struct SinglingOutQuery: Hashable, Sendable {
    /// One condition on one column.
    struct Predicate: Hashable, Sendable {
        /// What the condition asks.
        enum Operation: Hashable, Sendable, CaseIterable {
            case missing, present, equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        }

        /// The column's index in ``AttackColumns``.
        var column: Int
        /// The comparison.
        var operation: Operation
        /// The number, or the category code, compared with.
        var value: Double

        /// Whether row `row` of `data` satisfies the condition.
        func matches(_ data: AttackColumns, row: Int) -> Bool {
            let cell: Double
            let isMissing: Bool
            switch data.columns[column] {
            case .numbers(let numbers):
                cell = numbers[row]
                isMissing = cell.isNaN
            case .codes(let codes):
                cell = Double(codes[row])
                isMissing = codes[row] == AttackColumns.missingCode
            }
            switch operation {
            case .missing: return isMissing
            case .present: return !isMissing
            case .equal: return !isMissing && cell == value
            case .notEqual: return !isMissing && cell != value
            case .less: return !isMissing && cell < value
            case .lessOrEqual: return !isMissing && cell <= value
            case .greater: return !isMissing && cell > value
            case .greaterOrEqual: return !isMissing && cell >= value
            }
        }
    }

    /// The conditions, sorted by column.
    var predicates: [Predicate]

    /// Creates a query; predicates are sorted by column so equal queries compare equal.
    init(_ predicates: [Predicate]) {
        self.predicates = predicates.sorted { ($0.column, $0.value) < ($1.column, $1.value) }
    }

    /// Whether exactly one row of `data` satisfies every condition (stops at the second match).
    func singlesOut(_ data: AttackColumns) -> Bool {
        var matches = 0
        for row in 0..<data.rowCount where predicates.allSatisfy({ $0.matches(data, row: row) }) {
            matches += 1
            if matches > 1 { return false }
        }
        return matches == 1
    }
}
