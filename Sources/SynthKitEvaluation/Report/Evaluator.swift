public import SynthKitCore
public import SynthKitTable

/// What ``Evaluator`` computes and how.
public struct EvaluationOptions: Sendable {
    /// SDV metadata typing the columns for the SDMetrics-compatible report and the distances;
    /// `nil` types them by storage (numbers → numerical, text → categorical).
    public var metadata: SDVMetadata?
    /// The seed for subsamples (contingency rows above 50,000; equal-size DCR references).
    public var seed: Seed
    /// Whether to compute exact copies and distances to closest records.
    public var includePrivacy: Bool
    /// Whether the training reference for the DCR share is cut to the holdout's size (and vice
    /// versa), so that p ≈ 0.5 means "no closer to training than to unseen rows".
    public var equalSizeReferences: Bool
    /// The most threads for distance computations; `nil` uses every core.
    public var threads: Int?
    /// Receives progress of the steps.
    public var progress: any ProgressReporter
    /// Whether to compute the SynthKit-mode families (fidelity, diversity, utility,
    /// detectability, privacy, fairness) and the plot data.
    public var includeFamilies: Bool
    /// The column predicted for utility and used as the outcome for fairness.
    public var target: String?
    /// The group column for fairness.
    public var sensitive: String?

    /// Creates options; the defaults compute everything.
    public init(
        metadata: SDVMetadata? = nil, seed: Seed = Seed(0), includePrivacy: Bool = true, equalSizeReferences: Bool = true,
        threads: Int? = nil, progress: any ProgressReporter = SilentProgress(), includeFamilies: Bool = true,
        target: String? = nil, sensitive: String? = nil
    ) {
        self.includeFamilies = includeFamilies
        self.target = target
        self.sensitive = sensitive
        self.metadata = metadata
        self.seed = seed
        self.includePrivacy = includePrivacy
        self.equalSizeReferences = equalSizeReferences
        self.threads = threads
        self.progress = progress
    }
}

/// Evaluates synthetic rows against the real rows they imitate.
public enum Evaluator {
    /// Scores `synthetic` against `real` (the training rows) and, when given, against `holdout`
    /// (real rows the synthesizer never saw).
    ///
    /// Computes the SDMetrics-compatible quality report, the holdout-vs-training reference report
    /// (the ceiling a synthetic score can be read against), the privacy figures and, with
    /// `options.includeFamilies`, the SynthKit-mode families and plot data.
    /// - Throws: ``SynthKitError/Code/invalidInput`` when the synthetic or holdout columns differ
    ///   from the real ones (every difference listed), a table is empty, or the target or
    ///   sensitive column is not in the real table;
    ///   ``SynthKitError/Code/invalidSchema`` when the metadata does not match the columns.
    public static func evaluate(
        real: Table, synthetic: Table, holdout: Table? = nil, options: EvaluationOptions = EvaluationOptions()
    ) throws(SynthKitError) -> EvaluationReport {
        try SDMetricsQualityReport.checkSameColumns(real: real, synthetic: synthetic)
        if let holdout { try checkHoldout(holdout, real: real) }
        try checkNamedColumns(options: options, real: real)
        guard real.rowCount > 0, synthetic.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "cannot evaluate an empty table (real: \(real.rowCount) rows, synthetic: \(synthetic.rowCount) rows)")
        }
        let metadata = options.metadata ?? SDVMetadata.inferred(from: real)
        let qualityReport = SDMetricsQualityReport(metadata: metadata, seed: options.seed.derived("evaluation.sdmetrics"))
        options.progress.report(stage: "quality report", fraction: 0)
        let compatible = try qualityReport.evaluate(real: real, synthetic: synthetic)
        var reference: SDMetricsQualityResult?
        if let holdout, holdout.rowCount > 0 {
            options.progress.report(stage: "holdout reference", fraction: 0.2)
            reference = try qualityReport.evaluate(real: real, synthetic: holdout)
        }
        var gower: PrivacyEvaluation.GowerDistances?
        if options.includePrivacy {
            options.progress.report(stage: "privacy", fraction: 0.3)
            gower = try privacyFigures(real: real, synthetic: synthetic, holdout: holdout, metadata: metadata, options: options)
        }
        var report = EvaluationReport(
            sdmetricsCompatible: compatible, holdoutReference: reference, privacyFigures: gower?.figures,
            rows: .init(real: real.rowCount, synthetic: synthetic.rowCount, holdout: holdout?.rowCount))
        if options.includeFamilies {
            try FamilyEvaluation(metadata: metadata, options: options)
                .fill(&report, real: real, synthetic: synthetic, holdout: holdout?.rowCount == 0 ? nil : holdout, gower: gower)
        }
        options.progress.report(stage: "done", fraction: 1)
        return report
    }

    /// Exact copies, DCR medians and the DCR share, with the distances behind them.
    static func privacyFigures(
        real: Table, synthetic: Table, holdout: Table?, metadata: SDVMetadata, options: EvaluationOptions
    ) throws(SynthKitError) -> PrivacyEvaluation.GowerDistances {
        let copies = ExactCopies.count(synthetic: synthetic, training: real)
        let distance = DistanceToClosestRecord(metadata: metadata, threads: options.threads)
        var notes: [String] = []
        guard let holdout, holdout.rowCount > 0 else {
            let toTraining = try distance.distances(from: synthetic, to: real)
            notes.append("no holdout given: the DCR share needs real rows the synthesizer did not see")
            let figures = PrivacyFigures(
                exactCopies: copies, exactCopyShare: Double(copies) / Double(synthetic.rowCount),
                dcrTrainMedian: PrivacyFigures.median(toTraining), dcrHoldoutMedian: nil, dcrShare: nil,
                dcrOverfittingProtection: nil, trainingReferenceRows: real.rowCount, holdoutReferenceRows: nil,
                syntheticRows: synthetic.rowCount, notes: notes)
            return .init(figures: figures, toTraining: toTraining, toHoldout: nil, trainingReference: real, holdoutReference: nil)
        }
        var trainingReference = real
        var holdoutReference = holdout
        if options.equalSizeReferences && real.rowCount != holdout.rowCount {
            let size = min(real.rowCount, holdout.rowCount)
            if real.rowCount > size {
                trainingReference = real.gatheringRows(ContingencySimilarity.subsample(
                    count: real.rowCount, keeping: size, seed: options.seed.derived("evaluation.dcr-training")))
                notes.append("DCR share uses \(size) random training rows, as many as the holdout has")
            } else {
                holdoutReference = holdout.gatheringRows(ContingencySimilarity.subsample(
                    count: holdout.rowCount, keeping: size, seed: options.seed.derived("evaluation.dcr-holdout")))
                notes.append("DCR share uses \(size) random holdout rows, as many as the training table has")
            }
        } else if holdout.rowCount * 2 < real.rowCount {
            notes.append("the holdout has fewer than half as many rows as the training table (SDMetrics warns about this)")
        }
        let toTraining = try distance.distances(from: synthetic, to: trainingReference)
        options.progress.report(stage: "privacy", fraction: 0.7)
        let toHoldout = try distance.distances(from: synthetic, to: holdoutReference)
        let share = PrivacyFigures.closerToTrainingShare(train: toTraining, holdout: toHoldout)
        let figures = PrivacyFigures(
            exactCopies: copies, exactCopyShare: Double(copies) / Double(synthetic.rowCount),
            dcrTrainMedian: PrivacyFigures.median(toTraining), dcrHoldoutMedian: PrivacyFigures.median(toHoldout),
            dcrShare: share, dcrOverfittingProtection: min(2 * (1 - share), 1),
            trainingReferenceRows: trainingReference.rowCount, holdoutReferenceRows: holdoutReference.rowCount,
            syntheticRows: synthetic.rowCount, notes: notes)
        return .init(
            figures: figures, toTraining: toTraining, toHoldout: toHoldout, trainingReference: trainingReference,
            holdoutReference: holdoutReference)
    }

    /// Throws, with every problem located, when `--target` or `--sensitive` names a column that is
    /// not in the real table.
    static func checkNamedColumns(options: EvaluationOptions, real: Table) throws(SynthKitError) {
        var problems: [SynthKitError] = []
        for (role, name) in [("target", options.target), ("sensitive", options.sensitive)] {
            guard let name, real[name] == nil else { continue }
            problems.append(SynthKitError(
                .invalidInput, "the \(role) column '\(name)' is not in the real table (columns: \(real.columnNames.joined(separator: ", ")))",
                location: .init(column: name)))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }

    /// Throws when the holdout's columns are not the real table's.
    static func checkHoldout(_ holdout: Table, real: Table) throws(SynthKitError) {
        let realNames = Set(real.columnNames)
        let holdoutNames = Set(holdout.columnNames)
        guard realNames != holdoutNames else { return }
        var problems: [SynthKitError] = []
        for name in realNames.subtracting(holdoutNames).sorted() {
            problems.append(SynthKitError(.invalidInput, "column '\(name)' is in the real table but not in the holdout", location: .init(column: name)))
        }
        for name in holdoutNames.subtracting(realNames).sorted() {
            problems.append(SynthKitError(.invalidInput, "column '\(name)' is in the holdout but not in the real table", location: .init(column: name)))
        }
        throw SynthKitError.collecting(problems)
    }
}
