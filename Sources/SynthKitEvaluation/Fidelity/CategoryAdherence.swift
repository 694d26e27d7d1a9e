public import SynthKitCore
public import SynthKitTable

/// The share of synthetic values that are real categories (SDMetrics `CategoryAdherence`,
/// `sdmetrics/single_column/statistical/category_adherence.py`); a missing synthetic value
/// adheres when the real column has missing values.
///
/// Complexity: O(n + m).
public struct CategoryAdherence: ColumnMetric {
    /// `"category-adherence"`.
    public static let identifier = "category-adherence"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }

    /// Creates the metric.
    public init() {}

    /// Categorical and boolean columns.
    public func accepts(_ kind: ColumnKind) -> Bool { kind == .categorical || kind == .boolean }

    /// The score, or `nil` when the synthetic column has no rows.
    public func score(real: Column, synthetic: Column) throws(SynthKitError) -> Double? {
        guard synthetic.count > 0 else { return nil }
        let codes = SharedCodes(real: real, synthetic: synthetic)
        let realCounts = SharedCodes.counts(codes.real, categoryCount: codes.categoryCount)
        let missingAllowed = codes.real.contains(-1)
        let adhering = codes.synthetic.filter { $0 < 0 ? missingAllowed : realCounts[Int($0)] > 0 }.count
        return Double(adhering) / Double(synthetic.count)
    }
}
