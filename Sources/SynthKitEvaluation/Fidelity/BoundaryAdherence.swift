public import SynthKitCore
public import SynthKitTable

/// The share of synthetic values within the real column's [min, max] (SDMetrics
/// `BoundaryAdherence`, `sdmetrics/single_column/statistical/boundary_adherence.py`).
///
/// Missing synthetic values are dropped when the real column has missing values, and count as out
/// of bounds otherwise, as in SDMetrics. `nil` when nothing is left to judge.
///
/// Complexity: O(n + m).
public struct BoundaryAdherence: ColumnMetric {
    /// `"boundary-adherence"`.
    public static let identifier = "boundary-adherence"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }

    /// Creates the metric.
    public init() {}

    /// Numerical and datetime columns.
    public func accepts(_ kind: ColumnKind) -> Bool { kind == .numerical || kind == .datetime }

    /// The score, or `nil` when not computable.
    public func score(real: Column, synthetic: Column) throws(SynthKitError) -> Double? {
        guard let realNumbers = real.numbers, let syntheticNumbers = synthetic.numbers,
              let bounds = NumericBounds(realNumbers) else { return nil }
        let dropMissing = realNumbers.contains { $0.isNaN }
        var judged = 0
        var inside = 0
        for value in syntheticNumbers {
            if value.isNaN && dropMissing { continue }
            judged += 1
            if value >= bounds.minimum && value <= bounds.maximum { inside += 1 }
        }
        guard judged > 0 else { return nil }
        return Double(inside) / Double(judged)
    }
}
