public import SynthKitCore
public import SynthKitTable

/// The share of real categories that appear in the synthetic column (SDMetrics
/// `CategoryCoverage`, `sdmetrics/single_column/statistical/category_coverage.py`), missing
/// values ignored; `nil` when the real column has no values.
///
/// Complexity: O(n + m).
public struct CategoryCoverage: ColumnMetric {
    /// `"category-coverage"`.
    public static let identifier = "category-coverage"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }

    /// Creates the metric.
    public init() {}

    /// Categorical and boolean columns.
    public func accepts(_ kind: ColumnKind) -> Bool { kind == .categorical || kind == .boolean }

    /// The score, or `nil` when not computable.
    public func score(real: Column, synthetic: Column) throws(SynthKitError) -> Double? {
        let codes = SharedCodes(real: real, synthetic: synthetic)
        let realCounts = SharedCodes.counts(codes.real, categoryCount: codes.categoryCount)
        let syntheticCounts = SharedCodes.counts(codes.synthetic, categoryCount: codes.categoryCount)
        let realCategories = realCounts.filter { $0 > 0 }.count
        guard realCategories > 0 else { return nil }
        let covered = (0..<codes.categoryCount).filter { realCounts[$0] > 0 && syntheticCounts[$0] > 0 }.count
        return Double(covered) / Double(realCategories)
    }
}
