public import SynthKitCore
public import SynthKitTable

/// 1 − the total variation distance between a discrete column's real and synthetic category
/// frequencies (SDMetrics `TVComplement`, `sdmetrics/single_column/statistical/tv_complement.py`
/// and `sdmetrics/utils.py:get_frequencies`).
///
/// TVComplement = 1 − ½ Σ_v |f_S(v) − f_R(v)| over categories seen in either sample, missing
/// values dropped. As in SDMetrics, a category seen only in the synthetic sample is added to the
/// real counts with weight 10⁻⁶ (so f_R's denominator grows by 10⁻⁶ per such category).
///
/// Complexity: O(n + m + categories).
public struct TVComplement: ColumnMetric {
    /// `"tv-complement"`.
    public static let identifier = "tv-complement"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }

    /// Creates the metric.
    public init() {}

    /// Categorical and boolean columns.
    public func accepts(_ kind: ColumnKind) -> Bool { kind == .categorical || kind == .boolean }

    /// The score, or `nil` when either column has no values.
    public func score(real: Column, synthetic: Column) throws(SynthKitError) -> Double? {
        Self.score(SharedCodes(real: real, synthetic: synthetic))
    }

    /// The score of coded columns (−1 = missing, dropped).
    package static func score(_ codes: SharedCodes) -> Double? {
        let realCounts = SharedCodes.counts(codes.real, categoryCount: codes.categoryCount)
        let syntheticCounts = SharedCodes.counts(codes.synthetic, categoryCount: codes.categoryCount)
        let realPresent = realCounts.reduce(0, +)
        let syntheticPresent = syntheticCounts.reduce(0, +)
        guard realPresent > 0, syntheticPresent > 0 else { return nil }
        var realTotal = Double(realPresent)
        for code in 0..<codes.categoryCount where realCounts[code] == 0 && syntheticCounts[code] > 0 {
            realTotal += 1e-6
        }
        let syntheticTotal = Double(syntheticPresent)
        var variation = 0.0
        for code in 0..<codes.categoryCount where realCounts[code] > 0 || syntheticCounts[code] > 0 {
            let realWeight = realCounts[code] > 0 ? Double(realCounts[code]) : 1e-6
            variation += abs(Double(syntheticCounts[code]) / syntheticTotal - realWeight / realTotal)
        }
        return 1 - 0.5 * variation
    }
}
