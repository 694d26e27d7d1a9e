import SynthKitTable

/// A rule every generated row (or, for `unique`, the whole output) must satisfy.
///
/// Written in a constraints file (``ConstraintSet``); checked by ``ConstraintSet/violations(in:)``
/// and enforced by ``ConstraintSet/enforce(sampling:rowCount:seed:threads:maximumDrawsPerRow:)``.
public enum Constraint: Hashable, Sendable {
    /// `minimum ≤ column ≤ maximum` (either bound optional).
    case range(column: String, minimum: Double?, maximum: Double?)
    /// `low < high` (strict) or `low ≤ high` between two numerical or datetime columns.
    case inequality(low: String, high: String, strict: Bool)
    /// `column > 0` (strict) or `column ≥ 0`.
    case positive(column: String, strict: Bool)
    /// `column < 0` (strict) or `column ≤ 0`.
    case negative(column: String, strict: Bool)
    /// Only combinations of these columns' values seen in training (filled by ``ConstraintSet/learning(from:)``).
    case fixedCombinations(columns: [String], allowed: [[String?]])
    /// Exactly one of these 0/1 columns is 1.
    case oneHot(columns: [String])
    /// No two output rows share a value of the column.
    case unique(column: String)
    /// The column is a multiple of `increment`.
    case fixedIncrements(column: String, increment: Double)
    /// A rule of the expression language (``ConstraintExpression``).
    case expression(rule: String, parsed: ConstraintExpression)

    /// The columns the constraint reads.
    public var columnNames: [String] {
        switch self {
        case .range(let column, _, _), .positive(let column, _), .negative(let column, _), .unique(let column),
             .fixedIncrements(let column, _):
            return [column]
        case .inequality(let low, let high, _): return [low, high]
        case .fixedCombinations(let columns, _), .oneHot(let columns): return columns
        case .expression(_, let parsed): return parsed.columnNames
        }
    }

    /// A short description for messages, e.g. `range(age, 17...90)`.
    public var summary: String {
        switch self {
        case .range(let column, let minimum, let maximum):
            return "range(\(column), \(minimum.map { "\($0)" } ?? "-inf")...\(maximum.map { "\($0)" } ?? "+inf"))"
        case .inequality(let low, let high, let strict): return "\(low) \(strict ? "<" : "<=") \(high)"
        case .positive(let column, let strict): return "\(column) \(strict ? ">" : ">=") 0"
        case .negative(let column, let strict): return "\(column) \(strict ? "<" : "<=") 0"
        case .fixedCombinations(let columns, _): return "fixedCombinations(\(columns.joined(separator: ", ")))"
        case .oneHot(let columns): return "oneHot(\(columns.joined(separator: ", ")))"
        case .unique(let column): return "unique(\(column))"
        case .fixedIncrements(let column, let increment): return "fixedIncrements(\(column), \(increment))"
        case .expression(let rule, _): return "expression(\(rule))"
        }
    }

    /// Whether row `row` of `table` satisfies the constraint (`unique` is checked across rows
    /// by the set, so it is always true here). Missing values satisfy numeric rules (SDV's rule).
    func isSatisfied(row: Int, table: Table) -> Bool {
        func number(_ name: String) -> Double? {
            guard let column = table[name], !column.isMissing(row) else { return nil }
            if let numbers = column.numbers { return numbers[row] }
            return column.text(at: row).flatMap { Double($0) }
        }
        switch self {
        case .range(let column, let minimum, let maximum):
            guard let value = number(column) else { return true }
            return (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
        case .inequality(let low, let high, let strict):
            guard let lowValue = number(low), let highValue = number(high) else { return true }
            return strict ? lowValue < highValue : lowValue <= highValue
        case .positive(let column, let strict):
            guard let value = number(column) else { return true }
            return strict ? value > 0 : value >= 0
        case .negative(let column, let strict):
            guard let value = number(column) else { return true }
            return strict ? value < 0 : value <= 0
        case .fixedCombinations(let columns, let allowed):
            let values = columns.map { table[$0]?.text(at: row) }
            return allowed.contains(values)
        case .oneHot(let columns):
            return columns.filter { number($0) == 1 }.count == 1 && columns.allSatisfy { number($0) == 0 || number($0) == 1 }
        case .unique:
            return true
        case .fixedIncrements(let column, let increment):
            guard let value = number(column) else { return true }
            let quotient = value / increment
            return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
        case .expression(_, let parsed):
            return parsed.isSatisfied { name in
                guard let column = table[name], let text = column.text(at: row) else { return .null }
                if let numbers = column.numbers { return .number(numbers[row]) }
                return .text(text)
            }
        }
    }
}
