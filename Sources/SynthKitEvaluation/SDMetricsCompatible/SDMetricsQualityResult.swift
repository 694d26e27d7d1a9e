/// The numbers of SDMetrics' single-table QualityReport, reproduced by ``SDMetricsQualityReport``.
///
/// Stable JSON names (the CLI writes this under `sdmetricsCompatible`); a score SDMetrics reports
/// as NaN is encoded as `null`.
public struct SDMetricsQualityResult: Codable, Sendable, Equatable {
    /// One column's Column Shapes score.
    public struct ColumnScore: Codable, Sendable, Equatable {
        /// `"KSComplement"` or `"TVComplement"` (SDMetrics' names).
        public var metric: String
        /// The score, or `nil` where SDMetrics has NaN.
        public var score: Double?
        /// Why the score is missing.
        public var note: String?

        /// Creates a column score.
        public init(metric: String, score: Double?, note: String? = nil) {
            self.metric = metric
            self.score = score
            self.note = note
        }

        /// Writes every key, `null` for a missing score.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(metric, forKey: .metric)
            try container.encode(score, forKey: .score)
            try container.encodeIfPresent(note, forKey: .note)
        }
    }

    /// One pair's Column Pair Trends entry.
    public struct PairScore: Codable, Sendable, Equatable {
        /// The two column names, in table order.
        public var columns: [String]
        /// `"CorrelationSimilarity"` or `"ContingencySimilarity"`.
        public var metric: String
        /// The score, or `nil` where SDMetrics has NaN.
        public var score: Double?
        /// Pearson's ρ of the real pair (correlation pairs).
        public var realCorrelation: Double?
        /// Pearson's ρ of the synthetic pair (correlation pairs).
        public var syntheticCorrelation: Double?
        /// Cramér's V of the real pair (contingency pairs).
        public var realAssociation: Double?
        /// Whether the pair counts towards the property score (SDMetrics `Meets Threshold?`).
        public var meetsThreshold: Bool
        /// Why the score is missing.
        public var note: String?

        /// Creates a pair score.
        public init(
            columns: [String], metric: String, score: Double?, realCorrelation: Double? = nil,
            syntheticCorrelation: Double? = nil, realAssociation: Double? = nil, meetsThreshold: Bool,
            note: String? = nil
        ) {
            self.columns = columns
            self.metric = metric
            self.score = score
            self.realCorrelation = realCorrelation
            self.syntheticCorrelation = syntheticCorrelation
            self.realAssociation = realAssociation
            self.meetsThreshold = meetsThreshold
            self.note = note
        }

        /// Writes every key, `null` for missing numbers.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(columns, forKey: .columns)
            try container.encode(metric, forKey: .metric)
            try container.encode(score, forKey: .score)
            try container.encode(realCorrelation, forKey: .realCorrelation)
            try container.encode(syntheticCorrelation, forKey: .syntheticCorrelation)
            try container.encode(realAssociation, forKey: .realAssociation)
            try container.encode(meetsThreshold, forKey: .meetsThreshold)
            try container.encodeIfPresent(note, forKey: .note)
        }
    }

    /// nanmean(Column Shapes, Column Pair Trends).
    public var overall: Double?
    /// The mean of the computable column scores.
    public var columnShapes: Double?
    /// The mean of the computable scores of pairs that meet their threshold.
    public var columnPairTrends: Double?
    /// Column Shapes per column.
    public var columns: [String: ColumnScore]
    /// The scored columns in table order (for display).
    public var columnOrder: [String]
    /// Column Pair Trends per pair, in SDMetrics' order.
    public var pairs: [PairScore]
    /// The sdtype each column was scored as.
    public var columnTypes: [String: String]
    /// Report-level remarks (subsampling, skipped columns).
    public var notes: [String]

    /// Creates a result.
    public init(
        overall: Double?, columnShapes: Double?, columnPairTrends: Double?, columns: [String: ColumnScore],
        columnOrder: [String], pairs: [PairScore], columnTypes: [String: String], notes: [String]
    ) {
        self.overall = overall
        self.columnShapes = columnShapes
        self.columnPairTrends = columnPairTrends
        self.columns = columns
        self.columnOrder = columnOrder
        self.pairs = pairs
        self.columnTypes = columnTypes
        self.notes = notes
    }

    /// Writes every key, `null` for missing scores.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overall, forKey: .overall)
        try container.encode(columnShapes, forKey: .columnShapes)
        try container.encode(columnPairTrends, forKey: .columnPairTrends)
        try container.encode(columns, forKey: .columns)
        try container.encode(columnOrder, forKey: .columnOrder)
        try container.encode(pairs, forKey: .pairs)
        try container.encode(columnTypes, forKey: .columnTypes)
        try container.encode(notes, forKey: .notes)
    }
}
