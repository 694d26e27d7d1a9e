import Foundation
public import SynthKitTable

/// A reversible rewrite of constrained columns under which every value the model can generate
/// maps back to a value satisfying the constraint, so rejection is rarely needed.
///
/// The model is fitted on the forward-transformed table; its rows are inverse-transformed
/// before the constraints are checked (which stays as the bounded-rejection fallback, e.g. for
/// rounding at the edges). After SDV's reversible constraints (`Inequality`, `ScalarRange`).
public enum ConstraintTransform: Codable, Hashable, Sendable {
    /// `low < high` (or `≤`): `high` is replaced by `d = log(high − low + step)`; inverse
    /// `high = low + e^d − step`, rounded to `step` and moved up by steps until it satisfies the inequality.
    case logDifference(low: String, high: String, strict: Bool, step: Double)
    /// `minimum ≤ x ≤ maximum`: `x` is replaced by `logit(u)`, `u = (x − minimum) / (maximum − minimum)`
    /// clamped a quarter step inside (0, 1); inverse `minimum + (maximum − minimum)·σ(y)`, rounded to `step` and clamped.
    case logit(column: String, minimum: Double, maximum: Double, step: Double?)

    /// The column whose stored values the transform rewrites.
    public var rewrittenColumn: String {
        switch self {
        case .logDifference(_, let high, _, _): return high
        case .logit(let column, _, _, _): return column
        }
    }

    /// The columns the transform reads.
    public var columnNames: [String] {
        switch self {
        case .logDifference(let low, let high, _, _): return [low, high]
        case .logit(let column, _, _, _): return [column]
        }
    }

    /// The transforms that apply to `set` on `table`: inequalities and two-sided ranges between
    /// numerical columns without missing values that every real row satisfies, each column in
    /// at most one transform (first constraint wins). Others stay with rejection. O(rows × constraints).
    public static func planned(for set: ConstraintSet, table: Table, schema: Schema) -> [ConstraintTransform] {
        var used: Set<String> = []
        var result: [ConstraintTransform] = []
        func numbers(_ name: String) -> [Double]? {
            guard schema[name]?.kind == .numerical, let values = table[name]?.numbers, !values.contains(where: \.isNaN) else { return nil }
            return values
        }
        func step(_ name: String) -> Double? {
            guard let facts = schema[name]?.numerical else { return nil }
            if facts.isInteger { return 1 }
            return facts.decimalPlaces > 0 ? Foundation.pow(10, -Double(facts.decimalPlaces)) : nil
        }
        for constraint in set.constraints {
            let candidate: ConstraintTransform
            switch constraint {
            case .inequality(let low, let high, let strict):
                guard let lows = numbers(low), let highs = numbers(high),
                      zip(lows, highs).allSatisfy({ strict ? $0 < $1 : $0 <= $1 })
                else { continue }
                let differences = zip(lows, highs).map { $1 - $0 }.filter { $0 > 0 }
                candidate = .logDifference(low: low, high: high, strict: strict, step: step(high) ?? max(differences.min() ?? 1, 1e-9))
            case .range(let column, let minimum?, let maximum?) where minimum < maximum:
                guard let values = numbers(column), values.allSatisfy({ $0 >= minimum && $0 <= maximum }) else { continue }
                candidate = .logit(column: column, minimum: minimum, maximum: maximum, step: step(column))
            default:
                continue
            }
            guard candidate.columnNames.allSatisfy({ !used.contains($0) }) else { continue }
            used.formUnion(candidate.columnNames)
            result.append(candidate)
        }
        return result
    }

    /// `schema` with the rewritten column numerical at full precision and unbounded.
    public func transforming(_ schema: Schema) -> Schema {
        var result = schema
        result.columns = schema.columns.map { column in
            guard column.name == rewrittenColumn else { return column }
            var rewritten = column
            rewritten.numerical = NumericalFacts(isInteger: false, decimalPlaces: 0, minimum: nil, maximum: nil)
            return rewritten
        }
        return result
    }

    /// `table` with the rewritten column in model space. O(rows).
    public func forward(_ table: Table) -> Table {
        switch self {
        case .logDifference(let low, let high, _, let step):
            guard let lows = table[low]?.numbers, let highs = table[high]?.numbers else { return table }
            let values = zip(lows, highs).map { low, high in Foundation.log(max(high - low, 0) + step) }
            return table.replacing(Column(name: high, values: .numeric(values)))
        case .logit(let column, let minimum, let maximum, let step):
            guard let values = table[column]?.numbers else { return table }
            let width = maximum - minimum
            let margin = step.map { $0 / 4 / width } ?? 1e-6
            let scores = values.map { value -> Double in
                guard !value.isNaN else { return value }
                let share = min(max((value - minimum) / width, margin), 1 - margin)
                return Foundation.log(share / (1 - share))
            }
            return table.replacing(Column(name: column, values: .numeric(scores)))
        }
    }

    /// `table` (model space) with the rewritten column back in data space. O(rows).
    public func inverse(_ table: Table) -> Table {
        switch self {
        case .logDifference(let low, let high, let strict, let step):
            guard let lows = table[low]?.numbers, let scores = table[high]?.numbers else { return table }
            let values = zip(lows, scores).map { low, score -> Double in
                guard !low.isNaN, !score.isNaN else { return .nan }
                var value = Self.rounded(low + max(Foundation.exp(score) - step, 0), step: step)
                while strict ? value <= low : value < low { value += step }
                return value
            }
            return table.replacing(Column(name: high, values: .numeric(values)))
        case .logit(let column, let minimum, let maximum, let step):
            guard let scores = table[column]?.numbers else { return table }
            let values = scores.map { score -> Double in
                guard !score.isNaN else { return score }
                var value = minimum + (maximum - minimum) / (1 + Foundation.exp(-score))
                if let step { value = Self.rounded(value, step: step) }
                return min(max(value, minimum), maximum)
            }
            return table.replacing(Column(name: column, values: .numeric(values)))
        }
    }

    /// `value` rounded to a multiple of `step` (through the reciprocal for decimal steps, so
    /// 0.01 gives two clean decimals).
    static func rounded(_ value: Double, step: Double) -> Double {
        guard step < 1 else { return (value / step).rounded() * step }
        let reciprocal = (1 / step).rounded()
        return (value * reciprocal).rounded() / reciprocal
    }
}
