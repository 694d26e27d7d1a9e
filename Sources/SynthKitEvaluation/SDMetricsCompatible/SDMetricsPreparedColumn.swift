import SynthKitTable

/// One column of the real and synthetic table, prepared once for every pair it appears in.
///
/// Continuous columns keep their numbers (for correlations) and get report-style bins: each
/// table's own 10 equal-width edges, `digitize` without open ends (missing → last index).
/// Discrete columns get shared value codes with missing values as a category. Datetime columns
/// stored as text are parsed to nanoseconds first; when a value does not parse, every score of
/// the column is missing, as in SDMetrics.
struct SDMetricsPreparedColumn: Sendable {
    /// Whether the column is numerical or datetime.
    var isContinuous: Bool
    /// Real values, when stored as numbers.
    var realNumbers: [Double]?
    /// Synthetic values, when stored as numbers.
    var syntheticNumbers: [Double]?
    /// Codes for contingency pairs, `nil` when discretization failed.
    var discreteCodes: SharedCodes?
    /// The column in each table (for Column Shapes).
    private var real: Column
    private var synthetic: Column

    /// Prepares a column; `datetime` columns stored as text are parsed with `datetimeFormat`.
    init(real: Column, synthetic: Column, continuous: Bool, datetime: Bool = false, datetimeFormat: String? = nil) {
        self.real = real
        self.synthetic = synthetic
        isContinuous = continuous
        if datetime {
            realNumbers = SDMetricsDatetime.nanoseconds(of: real, format: datetimeFormat)
            syntheticNumbers = SDMetricsDatetime.nanoseconds(of: synthetic, format: datetimeFormat)
        } else {
            realNumbers = real.numbers
            syntheticNumbers = synthetic.numbers
        }
        if continuous {
            if let realNumbers, let syntheticNumbers,
               let realBins = EqualWidthBins(values: realNumbers), let syntheticBins = EqualWidthBins(values: syntheticNumbers) {
                discreteCodes = SharedCodes(
                    real: realBins.indices(of: realNumbers), synthetic: syntheticBins.indices(of: syntheticNumbers),
                    categoryCount: realBins.edges.count + 1)
            } else {
                discreteCodes = nil
            }
        } else {
            discreteCodes = SharedCodes(real: real, synthetic: synthetic).withMissingAsCategory()
        }
    }

    /// The Column Shapes entry.
    func shapeScore() -> SDMetricsQualityResult.ColumnScore {
        if isContinuous {
            guard let realNumbers, let syntheticNumbers else {
                return .init(metric: "KSComplement", score: nil, note: "not stored as numbers (or parseable datetimes) in both tables")
            }
            let score = KSComplement.score(real: realNumbers, synthetic: syntheticNumbers)
            return .init(metric: "KSComplement", score: score, note: score == nil ? "no values to compare" : nil)
        }
        let score = TVComplement.score(SharedCodes(real: real, synthetic: synthetic))
        return .init(metric: "TVComplement", score: score, note: score == nil ? "no values to compare" : nil)
    }
}
