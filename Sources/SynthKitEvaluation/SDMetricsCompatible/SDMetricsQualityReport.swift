public import SynthKitCore
public import SynthKitTable

/// SDMetrics' single-table QualityReport (sdmetrics 0.32.0), reproduced number for number,
/// quirks included.
///
/// - **Column Shapes** (`reports/single_table/_properties/column_shapes.py`): ``KSComplement`` for
///   numerical and datetime columns, ``TVComplement`` for categorical, ordinal and boolean ones;
///   missing values are dropped, so missingness is not assessed. Property = mean of the
///   computable scores.
/// - **Column Pair Trends** (`…/column_pair_trends.py`): every pair of scored columns, in table
///   order. Continuous × continuous: ``CorrelationSimilarity`` (Pearson); a pair counts only if
///   |ρ_R| > `realCorrelationThreshold` (0.5). Otherwise ``ContingencySimilarity`` with missing
///   values as a category; a continuous column is binned with **each table's own** 10 equal-width
///   `histogram_bin_edges` and `digitize` without open ends, so the maximum and missing values
///   share the last index and bins are compared by rank, not by value; a pair counts only if the
///   real Cramér's V > `realAssociationThreshold` (0.3). Above `contingencyRowLimit` rows
///   (50,000) contingency pairs use a random row subsample (SDMetrics draws it unseeded, so only
///   tables up to that size reproduce exactly). Property = mean of the computable scores of
///   counting pairs.
/// - **Overall** = nanmean of the two properties (`reports/base_report.py`).
///
/// Columns are typed as SDMetrics would be told: by an ``SDVMetadata`` when given, else by
/// storage (numbers → numerical, text → categorical, the rule of `bench/anchors.py`), never from
/// SynthKit's own schema. Datetime columns stored as text are parsed with the metadata's
/// `datetime_format` into nanoseconds (without one SDMetrics cannot convert them: every score of
/// the column is missing); numbers are used as they are.
///
/// Complexity: O(c · n log n + c² · n) for c columns and n rows.
public struct SDMetricsQualityReport: Sendable {
    /// Column types; `nil` types columns by storage.
    public var metadata: SDVMetadata?
    /// Correlation pairs count only above this real |ρ| (SDMetrics: 0.5).
    public var realCorrelationThreshold: Double
    /// Contingency pairs count only above this real Cramér's V (SDMetrics: 0.3).
    public var realAssociationThreshold: Double
    /// Contingency pairs of larger tables use this many random rows (SDMetrics: 50,000).
    public var contingencyRowLimit: Int?
    /// The seed of that subsample.
    public var seed: Seed

    static let continuousTypes: Set<String> = ["numerical", "datetime"]
    static let discreteTypes: Set<String> = ["categorical", "ordinal", "boolean"]

    /// Creates a report with SDMetrics' defaults.
    public init(
        metadata: SDVMetadata? = nil, realCorrelationThreshold: Double = 0.5, realAssociationThreshold: Double = 0.3,
        contingencyRowLimit: Int? = 50_000, seed: Seed = Seed(0)
    ) {
        self.metadata = metadata
        self.realCorrelationThreshold = realCorrelationThreshold
        self.realAssociationThreshold = realAssociationThreshold
        self.contingencyRowLimit = contingencyRowLimit
        self.seed = seed
    }

    /// Scores `synthetic` against `real`.
    /// - Throws: ``SynthKitError/Code/invalidInput`` when the column names differ (listing the
    ///   differences), ``SynthKitError/Code/invalidSchema`` when the metadata does not name
    ///   exactly the data's columns.
    public func evaluate(
        real: Table, synthetic: Table, progress: any ProgressReporter = SilentProgress()
    ) throws(SynthKitError) -> SDMetricsQualityResult {
        try Self.checkSameColumns(real: real, synthetic: synthetic)
        let metadata = self.metadata ?? SDVMetadata.inferred(from: real)
        try metadata.validate(against: [real, synthetic])
        var notes: [String] = []
        var types: [String: String] = [:]
        var scored: [String] = []
        for column in real.columns {
            guard let sdtype = metadata.columns[column.name]?.sdtype else { continue }
            types[column.name] = sdtype
            if Self.continuousTypes.contains(sdtype) || Self.discreteTypes.contains(sdtype) {
                scored.append(column.name)
            } else {
                notes.append("column '\(column.name)' skipped: sdtype \(sdtype)")
            }
        }

        progress.report(stage: "Column Shapes", fraction: 0)
        var columnScores: [String: SDMetricsQualityResult.ColumnScore] = [:]
        var prepared: [String: SDMetricsPreparedColumn] = [:]
        for name in scored {
            guard let realColumn = real[name], let syntheticColumn = synthetic[name], let sdtype = types[name] else { continue }
            let isContinuous = Self.continuousTypes.contains(sdtype)
            let column = SDMetricsPreparedColumn(
                real: realColumn, synthetic: syntheticColumn, continuous: isContinuous, datetime: sdtype == "datetime",
                datetimeFormat: metadata.columns[name]?.datetimeFormat)
            prepared[name] = column
            columnScores[name] = column.shapeScore()
        }
        let shapeValues = scored.compactMap { columnScores[$0]?.score }
        let columnShapes = shapeValues.isEmpty ? nil : shapeValues.reduce(0, +) / Double(shapeValues.count)

        progress.report(stage: "Column Pair Trends", fraction: 0.2)
        let realRows: [Int]?
        let syntheticRows: [Int]?
        if let limit = contingencyRowLimit, max(real.rowCount, synthetic.rowCount) > limit {
            realRows = ContingencySimilarity.subsample(count: real.rowCount, keeping: limit, seed: seed.derived("sdmetrics.real-rows"))
            syntheticRows = ContingencySimilarity.subsample(count: synthetic.rowCount, keeping: limit, seed: seed.derived("sdmetrics.synthetic-rows"))
            notes.append("contingency pairs used a random subsample of \(limit) rows per table (SDMetrics' is unseeded, so this part is not reproducible exactly)")
        } else {
            realRows = nil
            syntheticRows = nil
        }
        var pairs: [SDMetricsQualityResult.PairScore] = []
        for firstIndex in scored.indices {
            for secondIndex in scored.indices where secondIndex > firstIndex {
                guard let first = prepared[scored[firstIndex]], let second = prepared[scored[secondIndex]] else { continue }
                pairs.append(pairScore(
                    first: (scored[firstIndex], first), second: (scored[secondIndex], second),
                    realRows: realRows, syntheticRows: syntheticRows))
            }
        }
        let counted = pairs.filter(\.meetsThreshold).compactMap(\.score)
        let columnPairTrends = counted.isEmpty ? nil : counted.reduce(0, +) / Double(counted.count)
        let properties = [columnShapes, columnPairTrends].compactMap { $0 }
        let overall = properties.isEmpty ? nil : properties.reduce(0, +) / Double(properties.count)
        progress.report(stage: "Quality report", fraction: 1)
        return SDMetricsQualityResult(
            overall: overall, columnShapes: columnShapes, columnPairTrends: columnPairTrends, columns: columnScores,
            columnOrder: scored, pairs: pairs, columnTypes: types, notes: notes)
    }

    /// One pair's entry, following `ColumnPairTrends._generate_details`.
    func pairScore(
        first: (name: String, column: SDMetricsPreparedColumn), second: (name: String, column: SDMetricsPreparedColumn),
        realRows: [Int]?, syntheticRows: [Int]?
    ) -> SDMetricsQualityResult.PairScore {
        let names = [first.name, second.name]
        if first.column.isContinuous && second.column.isContinuous {
            guard let realFirst = first.column.realNumbers, let syntheticFirst = first.column.syntheticNumbers,
                  let realSecond = second.column.realNumbers, let syntheticSecond = second.column.syntheticNumbers else {
                return .init(columns: names, metric: "CorrelationSimilarity", score: nil, meetsThreshold: false, note: "a column is not stored as numbers (or parseable datetimes)")
            }
            let breakdown = CorrelationSimilarity.breakdown(
                real: (realFirst, realSecond), synthetic: (syntheticFirst, syntheticSecond), threshold: realCorrelationThreshold)
            let meets: Bool
            if realCorrelationThreshold <= 0 {
                meets = breakdown.note == nil || breakdown.real != nil
            } else {
                meets = breakdown.real.map { abs($0) > realCorrelationThreshold } ?? false
            }
            return .init(
                columns: names, metric: "CorrelationSimilarity", score: breakdown.score, realCorrelation: breakdown.real,
                syntheticCorrelation: breakdown.synthetic, meetsThreshold: meets, note: breakdown.note)
        }
        guard let firstCodes = first.column.discreteCodes, let secondCodes = second.column.discreteCodes else {
            let failed = first.column.discreteCodes == nil ? first.name : second.name
            return .init(columns: names, metric: "ContingencySimilarity", score: nil, meetsThreshold: false, note: "column '\(failed)' could not be discretized")
        }
        let breakdown = ContingencySimilarity.breakdown(
            first: Self.restricted(firstCodes, realRows: realRows, syntheticRows: syntheticRows),
            second: Self.restricted(secondCodes, realRows: realRows, syntheticRows: syntheticRows),
            threshold: realAssociationThreshold)
        let meets = realAssociationThreshold > 0 ? (breakdown.realAssociation.map { $0 > realAssociationThreshold } ?? false) : true
        return .init(
            columns: names, metric: "ContingencySimilarity", score: breakdown.score, realAssociation: breakdown.realAssociation,
            meetsThreshold: meets, note: breakdown.note)
    }

    /// Codes of the subsampled rows, when subsampling.
    static func restricted(_ codes: SharedCodes, realRows: [Int]?, syntheticRows: [Int]?) -> SharedCodes {
        var copy = codes
        if let realRows { copy.real = realRows.map { codes.real[$0] } }
        if let syntheticRows { copy.synthetic = syntheticRows.map { codes.synthetic[$0] } }
        return copy
    }

    /// Throws when the synthetic table's columns are not the real table's.
    static func checkSameColumns(real: Table, synthetic: Table) throws(SynthKitError) {
        let realNames = Set(real.columnNames)
        let syntheticNames = Set(synthetic.columnNames)
        guard realNames != syntheticNames else { return }
        var problems: [SynthKitError] = []
        for name in realNames.subtracting(syntheticNames).sorted() {
            problems.append(SynthKitError(.invalidInput, "column '\(name)' is in the real table but not in the synthetic one", location: .init(column: name)))
        }
        for name in syntheticNames.subtracting(realNames).sorted() {
            problems.append(SynthKitError(.invalidInput, "column '\(name)' is in the synthetic table but not in the real one", location: .init(column: name)))
        }
        throw SynthKitError.collecting(problems)
    }
}
