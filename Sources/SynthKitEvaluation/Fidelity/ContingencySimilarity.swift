public import SynthKitCore
public import SynthKitTable

/// 1 − the total variation distance between the joint frequencies of two columns in the real and
/// the synthetic table (SDMetrics `ContingencySimilarity`,
/// `sdmetrics/column_pairs/statistical/contingency_similarity.py`).
///
/// score = 1 − ½ Σ_(a,b) |p_R(a,b) − p_S(a,b)| over every occurring cell, with a missing value a
/// category of its own (pandas `groupby(dropna=False)`). Options, as in SDMetrics:
/// - `continuousColumns`: these columns are binned on the *real* data's `binCount` equal-width
///   edges with the outer edges opened to ±∞ (`sdmetrics/utils.py:discretize_column`); other
///   columns are compared value by value;
/// - `rowSubsample`: both tables are first reduced to at most this many random rows;
/// - `realAssociationThreshold`: when positive, the pair is scored only if Cramér's V of the real
///   table (no bias correction) is above it.
///
/// Complexity: O(n + m) for low-cardinality pairs, O((n + m) log(n + m)) otherwise.
public struct ContingencySimilarity: ColumnPairMetric {
    /// The detail SDMetrics' `compute_breakdown` returns.
    package struct Breakdown: Sendable, Equatable {
        /// The score, or `nil`.
        var score: Double?
        /// Cramér's V of the real table, when a threshold asked for it.
        var realAssociation: Double?
        /// Why the score is missing.
        var note: String?
    }

    /// `"contingency-similarity"`.
    public static let identifier = "contingency-similarity"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }
    /// Numeric columns to bin on the real data's edges (by name).
    public var continuousColumns: Set<String>
    /// The number of equal-width bins for continuous columns.
    public var binCount: Int
    /// When set, at most this many random rows of each table are compared.
    public var rowSubsample: Int?
    /// Pairs whose real Cramér's V is at most this are not scored (0 scores every pair).
    public var realAssociationThreshold: Double
    /// The seed of the row subsample.
    public var seed: Seed

    /// Creates the metric.
    /// - Precondition: `binCount > 0`, `rowSubsample > 0` when given, threshold in [0, 1].
    public init(
        continuousColumns: Set<String> = [], binCount: Int = 10, rowSubsample: Int? = nil,
        realAssociationThreshold: Double = 0, seed: Seed = Seed(0)
    ) {
        precondition(binCount > 0, "bin count must be positive, got \(binCount)")
        precondition(rowSubsample.map { $0 > 0 } ?? true, "row subsample must be positive, got \(String(describing: rowSubsample))")
        precondition((0...1).contains(realAssociationThreshold), "real association threshold must be in [0, 1], got \(realAssociationThreshold)")
        self.continuousColumns = continuousColumns
        self.binCount = binCount
        self.rowSubsample = rowSubsample
        self.realAssociationThreshold = realAssociationThreshold
        self.seed = seed
    }

    /// Every pair of numerical, datetime, categorical or boolean columns.
    public func accepts(_ first: ColumnKind, _ second: ColumnKind) -> Bool {
        let scored: Set<ColumnKind> = [.numerical, .datetime, .categorical, .boolean]
        return scored.contains(first) && scored.contains(second)
    }

    /// The score of one pair, or `nil` when not computable or below the threshold.
    public func score(real: (Column, Column), synthetic: (Column, Column)) throws(SynthKitError) -> Double? {
        var realPair = real
        var syntheticPair = synthetic
        if let rowSubsample {
            let realRows = Self.subsample(count: real.0.count, keeping: rowSubsample, seed: seed.derived("contingency.real"))
            let syntheticRows = Self.subsample(count: synthetic.0.count, keeping: rowSubsample, seed: seed.derived("contingency.synthetic"))
            realPair = (real.0.gathering(realRows), real.1.gathering(realRows))
            syntheticPair = (synthetic.0.gathering(syntheticRows), synthetic.1.gathering(syntheticRows))
        }
        guard let first = codes(real: realPair.0, synthetic: syntheticPair.0),
              let second = codes(real: realPair.1, synthetic: syntheticPair.1) else { return nil }
        return Self.breakdown(first: first, second: second, threshold: realAssociationThreshold).score
    }

    /// Codes for one column: real-edge bins for continuous columns, values otherwise; missing as
    /// a category. `nil` when a continuous column is not numeric or has infinite values.
    func codes(real: Column, synthetic: Column) -> SharedCodes? {
        guard continuousColumns.contains(real.name) else {
            return SharedCodes(real: real, synthetic: synthetic).withMissingAsCategory()
        }
        guard let realNumbers = real.numbers, let syntheticNumbers = synthetic.numbers,
              var bins = EqualWidthBins(values: realNumbers, binCount: binCount) else { return nil }
        bins.edges[0] = -.infinity
        bins.edges[bins.edges.count - 1] = .infinity
        return SharedCodes(
            real: bins.indices(of: realNumbers), synthetic: bins.indices(of: syntheticNumbers),
            categoryCount: bins.edges.count + 1)
    }

    /// The breakdown for coded columns whose codes are all non-negative (missing made a category).
    package static func breakdown(first: SharedCodes, second: SharedCodes, threshold: Double) -> Breakdown {
        let realCounts = PairCounts(
            first: first.real, second: second.real, secondCategoryCount: second.categoryCount,
            firstCategoryCount: first.categoryCount)
        var association: Double?
        if threshold > 0 {
            guard let value = realCounts.cramersV(secondCategoryCount: second.categoryCount) else {
                return Breakdown(note: "the real contingency table has fewer than two rows or columns")
            }
            association = value
            if value <= threshold {
                return Breakdown(realAssociation: value, note: "real Cramér's V \(value) is not above \(threshold)")
            }
        }
        guard realCounts.total > 0 else { return Breakdown(note: "the real table has no rows") }
        let syntheticCounts = PairCounts(
            first: first.synthetic, second: second.synthetic, secondCategoryCount: second.categoryCount,
            firstCategoryCount: first.categoryCount)
        guard syntheticCounts.total > 0 else { return Breakdown(realAssociation: association, note: "the synthetic table has no rows") }
        return Breakdown(score: 1 - realCounts.totalVariation(to: syntheticCounts), realAssociation: association)
    }

    /// `keeping` distinct row indices out of `count`, in increasing order (all rows when fewer).
    package static func subsample(count: Int, keeping: Int, seed: Seed) -> [Int] {
        guard count > keeping else { return Array(0..<count) }
        var stream = seed.stream()
        var indices = Array(0..<count)
        for position in 0..<keeping {
            let chosen = position + stream.nextIndex(below: count - position)
            indices.swapAt(position, chosen)
        }
        return indices[0..<keeping].sorted()
    }
}
