public import SynthKitCore
public import SynthKitTable

/// 1 − the two-sample Kolmogorov–Smirnov statistic of a numerical column's real and synthetic
/// values (SDMetrics `KSComplement`, `sdmetrics/single_column/statistical/kscomplement.py`).
///
/// Missing values are dropped and both samples rounded to 14 decimals first, as SDMetrics does;
/// an empty sample gives `nil` (SDMetrics: NaN).
///
/// Complexity: O((n + m) log(n + m)).
public struct KSComplement: ColumnMetric {
    /// `"ks-complement"`.
    public static let identifier = "ks-complement"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }

    /// Creates the metric.
    public init() {}

    /// Numerical and datetime columns.
    public func accepts(_ kind: ColumnKind) -> Bool { kind == .numerical || kind == .datetime }

    /// The score, or `nil` when either column is empty after dropping missing values or is not
    /// stored as numbers.
    public func score(real: Column, synthetic: Column) throws(SynthKitError) -> Double? {
        guard let realNumbers = real.numbers, let syntheticNumbers = synthetic.numbers else { return nil }
        return Self.score(real: realNumbers, synthetic: syntheticNumbers)
    }

    /// The score of two numeric samples (NaN = missing).
    package static func score(real: [Double], synthetic: [Double]) -> Double? {
        let realSample = KolmogorovSmirnov.preparedSample(real)
        let syntheticSample = KolmogorovSmirnov.preparedSample(synthetic)
        guard !realSample.isEmpty, !syntheticSample.isEmpty else { return nil }
        return 1 - KolmogorovSmirnov.statistic(sortedFirst: realSample, sortedSecond: syntheticSample)
    }
}
