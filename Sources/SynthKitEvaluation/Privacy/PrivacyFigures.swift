/// Empirical privacy figures of a synthetic table: copies of and distances to training rows.
///
/// These are measurements, not guarantees (DESIGN §5). The DCR share follows SDMetrics'
/// `DCROverfittingProtection` (`sdmetrics/single_table/privacy/dcr_overfitting_protection.py`):
/// the share p of synthetic rows strictly closer to the training rows than to the holdout rows
/// (ties count as closer to the holdout), score = min(2 · (1 − p), 1). With equal-size references
/// p ≈ 0.5 when the synthesizer did not memorise its training rows.
public struct PrivacyFigures: Codable, Sendable, Equatable {
    /// Synthetic rows identical to some training row.
    public var exactCopies: Int
    /// `exactCopies` / synthetic rows.
    public var exactCopyShare: Double
    /// Median distance of synthetic rows to the closest training row.
    public var dcrTrainMedian: Double?
    /// Median distance of synthetic rows to the closest holdout row (with a holdout).
    public var dcrHoldoutMedian: Double?
    /// Share of synthetic rows strictly closer to training than to holdout rows (with a holdout).
    public var dcrShare: Double?
    /// SDMetrics' DCROverfittingProtection score, min(2 · (1 − dcrShare), 1).
    public var dcrOverfittingProtection: Double?
    /// Training rows used as the DCR reference (a random subset of the holdout's size when
    /// equal-size references were asked for).
    public var trainingReferenceRows: Int
    /// Holdout rows used as the DCR reference.
    public var holdoutReferenceRows: Int?
    /// Synthetic rows measured.
    public var syntheticRows: Int
    /// Remarks (subsampling, missing holdout).
    public var notes: [String]

    /// Creates figures.
    public init(
        exactCopies: Int, exactCopyShare: Double, dcrTrainMedian: Double?, dcrHoldoutMedian: Double?, dcrShare: Double?,
        dcrOverfittingProtection: Double?, trainingReferenceRows: Int, holdoutReferenceRows: Int?, syntheticRows: Int,
        notes: [String]
    ) {
        self.exactCopies = exactCopies
        self.exactCopyShare = exactCopyShare
        self.dcrTrainMedian = dcrTrainMedian
        self.dcrHoldoutMedian = dcrHoldoutMedian
        self.dcrShare = dcrShare
        self.dcrOverfittingProtection = dcrOverfittingProtection
        self.trainingReferenceRows = trainingReferenceRows
        self.holdoutReferenceRows = holdoutReferenceRows
        self.syntheticRows = syntheticRows
        self.notes = notes
    }

    /// Writes every key, `null` for figures that were not computed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(exactCopies, forKey: .exactCopies)
        try container.encode(exactCopyShare, forKey: .exactCopyShare)
        try container.encode(dcrTrainMedian, forKey: .dcrTrainMedian)
        try container.encode(dcrHoldoutMedian, forKey: .dcrHoldoutMedian)
        try container.encode(dcrShare, forKey: .dcrShare)
        try container.encode(dcrOverfittingProtection, forKey: .dcrOverfittingProtection)
        try container.encode(trainingReferenceRows, forKey: .trainingReferenceRows)
        try container.encode(holdoutReferenceRows, forKey: .holdoutReferenceRows)
        try container.encode(syntheticRows, forKey: .syntheticRows)
        try container.encode(notes, forKey: .notes)
    }

    /// The median (mean of the two middle values for an even count), `nil` when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The share of rows with `train[i] < holdout[i]` (strictly), SDMetrics' p.
    static func closerToTrainingShare(train: [Double], holdout: [Double]) -> Double {
        precondition(train.count == holdout.count && !train.isEmpty, "DCR arrays differ or are empty: \(train.count) vs \(holdout.count)")
        let closer = zip(train, holdout).reduce(0) { $0 + ($1.0 < $1.1 ? 1 : 0) }
        return Double(closer) / Double(train.count)
    }
}
