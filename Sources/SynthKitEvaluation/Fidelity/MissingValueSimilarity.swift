public import SynthKitCore
public import SynthKitTable

/// 1 − |share missing in real − share missing in synthetic| (SDMetrics `MissingValueSimilarity`,
/// `sdmetrics/single_column/statistical/missing_value_similarity.py`).
///
/// Complexity: O(n + m).
public struct MissingValueSimilarity: ColumnMetric {
    /// `"missing-value-similarity"`.
    public static let identifier = "missing-value-similarity"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }

    /// Creates the metric.
    public init() {}

    /// Every kind of column except ids and PII, which are regenerated, never learned.
    public func accepts(_ kind: ColumnKind) -> Bool { kind != .id && kind != .pii }

    /// The score, or `nil` when a table has no rows.
    public func score(real: Column, synthetic: Column) throws(SynthKitError) -> Double? {
        guard real.count > 0, synthetic.count > 0 else { return nil }
        let realShare = Double(real.missingCount) / Double(real.count)
        let syntheticShare = Double(synthetic.missingCount) / Double(synthetic.count)
        return 1 - abs(realShare - syntheticShare)
    }
}
