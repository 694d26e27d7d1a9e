public import SynthKitCore
public import SynthKitTable

/// 1 − |ρ_R − ρ_S| / 2 for two numerical columns, ρ = Pearson's correlation (SDMetrics
/// `CorrelationSimilarity`, `sdmetrics/column_pairs/statistical/correlation_similarity.py`).
///
/// Rows missing either value are dropped per table. Not computable (`nil`): a column with a single
/// distinct value in either table (SDMetrics raises `ConstantInputError`), fewer than two complete
/// rows, or |ρ_R| ≤ `realCorrelationThreshold` when the threshold is positive.
///
/// Complexity: O(n + m).
public struct CorrelationSimilarity: ColumnPairMetric {
    /// The detail SDMetrics' `compute_breakdown` returns.
    package struct Breakdown: Sendable, Equatable {
        /// The score, or `nil`.
        var score: Double?
        /// ρ of the real pair, when computed.
        var real: Double?
        /// ρ of the synthetic pair, when computed.
        var synthetic: Double?
        /// Why the score is missing.
        var note: String?
    }

    /// `"correlation-similarity"`.
    public static let identifier = "correlation-similarity"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }
    /// Pairs whose real |ρ| is at most this are not scored (0 scores every pair).
    public var realCorrelationThreshold: Double

    /// Creates the metric.
    /// - Precondition: `realCorrelationThreshold` is in [0, 1].
    public init(realCorrelationThreshold: Double = 0) {
        precondition((0...1).contains(realCorrelationThreshold), "real correlation threshold must be in [0, 1], got \(realCorrelationThreshold)")
        self.realCorrelationThreshold = realCorrelationThreshold
    }

    /// Pairs of numerical or datetime columns.
    public func accepts(_ first: ColumnKind, _ second: ColumnKind) -> Bool {
        [first, second].allSatisfy { $0 == .numerical || $0 == .datetime }
    }

    /// The score of one pair, or `nil` when not computable.
    public func score(real: (Column, Column), synthetic: (Column, Column)) throws(SynthKitError) -> Double? {
        guard let realFirst = real.0.numbers, let realSecond = real.1.numbers,
              let syntheticFirst = synthetic.0.numbers, let syntheticSecond = synthetic.1.numbers else { return nil }
        return Self.breakdown(real: (realFirst, realSecond), synthetic: (syntheticFirst, syntheticSecond), threshold: realCorrelationThreshold).score
    }

    /// The full breakdown, following SDMetrics' order of checks.
    package static func breakdown(real: ([Double], [Double]), synthetic: ([Double], [Double]), threshold: Double) -> Breakdown {
        for (values, table) in [(real.0, "real"), (real.1, "real"), (synthetic.0, "synthetic"), (synthetic.1, "synthetic")]
        where hasSingleDistinctValue(values) {
            return Breakdown(note: "a column is constant in the \(table) data")
        }
        let realCorrelation: Double
        switch PearsonCorrelation.coefficient(real.0, real.1) {
        case .tooFewRows(let count):
            return Breakdown(note: "only \(count) real rows have both values")
        case .constantInput:
            return Breakdown(note: "a column is constant in the real rows that have both values")
        case .value(let value):
            realCorrelation = value
        }
        if abs(realCorrelation) <= threshold {
            return Breakdown(real: realCorrelation, note: "real |correlation| \(abs(realCorrelation)) is not above \(threshold)")
        }
        switch PearsonCorrelation.coefficient(synthetic.0, synthetic.1) {
        case .tooFewRows(let count):
            return Breakdown(real: realCorrelation, note: "only \(count) synthetic rows have both values")
        case .constantInput:
            return Breakdown(real: realCorrelation, note: "a column is constant in the synthetic rows that have both values")
        case .value(let syntheticCorrelation):
            return Breakdown(
                score: 1 - abs(realCorrelation - syntheticCorrelation) / 2, real: realCorrelation,
                synthetic: syntheticCorrelation)
        }
    }

    /// Whether the non-missing values are all equal and there is at least one (pandas
    /// `nunique() == 1`).
    static func hasSingleDistinctValue(_ values: [Double]) -> Bool {
        guard let first = values.first(where: { !$0.isNaN }) else { return false }
        return values.allSatisfy { $0.isNaN || $0 == first }
    }
}
