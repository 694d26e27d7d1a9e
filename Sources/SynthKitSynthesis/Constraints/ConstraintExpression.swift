/// A rule over one row, parsed from the constraint expression language (see
/// ``ConstraintExpression/parse(_:field:)`` for the grammar).
///
/// Evaluation is SQL-like for missing values: arithmetic with `null` gives `null`, an order
/// comparison with `null` is false, `x == null` / `x != null` test missingness, and a row
/// satisfies the rule only when it evaluates to `true`. O(size of the expression) per row.
public indirect enum ConstraintExpression: Hashable, Sendable {
    /// A value an expression can take.
    public enum Value: Hashable, Sendable {
        case number(Double)
        case text(String)
        case boolean(Bool)
        case null
    }

    /// A binary operator.
    public enum Operator: String, Hashable, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case and = "&&", or = "||"
    }

    /// A literal value.
    case literal(Value)
    /// The value of a column in the row.
    case column(String)
    /// Arithmetic negation.
    case negate(ConstraintExpression)
    /// Boolean negation.
    case not(ConstraintExpression)
    /// A binary operation.
    case binary(Operator, ConstraintExpression, ConstraintExpression)
    /// Membership in a list of literals.
    case member(ConstraintExpression, [Value])

    /// The column names the expression reads, sorted and unique.
    public var columnNames: [String] {
        var names: Set<String> = []
        func visit(_ expression: ConstraintExpression) {
            switch expression {
            case .literal: break
            case .column(let name): names.insert(name)
            case .negate(let inner), .not(let inner), .member(let inner, _): visit(inner)
            case .binary(_, let left, let right):
                visit(left)
                visit(right)
            }
        }
        visit(self)
        return names.sorted()
    }

    /// Whether the row whose column values `value(of:)` returns satisfies the rule.
    public func isSatisfied(by value: (String) -> Value) -> Bool {
        evaluate(value) == .boolean(true)
    }

    /// The value of the expression for one row.
    public func evaluate(_ value: (String) -> Value) -> Value {
        switch self {
        case .literal(let literal):
            return literal
        case .column(let name):
            return value(name)
        case .negate(let inner):
            if case .number(let number) = inner.evaluate(value) { return .number(-number) }
            return .null
        case .not(let inner):
            if case .boolean(let flag) = inner.evaluate(value) { return .boolean(!flag) }
            return .null
        case .member(let inner, let list):
            let found = inner.evaluate(value)
            return .boolean(list.contains { Self.equal(found, $0) })
        case .binary(let operation, let leftExpression, let rightExpression):
            let left = leftExpression.evaluate(value)
            if operation == .and, left == .boolean(false) { return .boolean(false) }
            if operation == .or, left == .boolean(true) { return .boolean(true) }
            return Self.apply(operation, left, rightExpression.evaluate(value))
        }
    }

    static func equal(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.number(let number), .text(let text)), (.text(let text), .number(let number)): return Double(text) == number
        default: return left == right
        }
    }

    static func apply(_ operation: Operator, _ left: Value, _ right: Value) -> Value {
        switch operation {
        case .equal: return .boolean(equal(left, right))
        case .notEqual: return .boolean(!equal(left, right))
        case .and, .or:
            guard case .boolean(let a) = left, case .boolean(let b) = right else { return .null }
            return .boolean(operation == .and ? a && b : a || b)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order: Int
            switch (left, right) {
            case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            case (.text(let a), .text(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            default: return .boolean(false)
            }
            switch operation {
            case .less: return .boolean(order < 0)
            case .lessOrEqual: return .boolean(order <= 0)
            case .greater: return .boolean(order > 0)
            default: return .boolean(order >= 0)
            }
        case .add, .subtract, .multiply, .divide, .remainder:
            guard case .number(let a) = left, case .number(let b) = right else { return .null }
            switch operation {
            case .add: return .number(a + b)
            case .subtract: return .number(a - b)
            case .multiply: return .number(a * b)
            case .divide: return b == 0 ? .null : .number(a / b)
            default: return b == 0 ? .null : .number(a.truncatingRemainder(dividingBy: b))
            }
        }
    }
}
