import SynthKitCore
import SynthKitTable

/// Computes the SynthKit-mode families of an ``EvaluationReport`` and the data behind its charts.
struct FamilyEvaluation {
    /// Column types.
    let metadata: SDVMetadata
    /// Seeds, threads, target and sensitive columns, progress.
    let options: EvaluationOptions

    /// Fills the families, warnings and plots of `report`.
    func fill(
        _ report: inout EvaluationReport, real: Table, synthetic: Table, holdout: Table?, gower: PrivacyEvaluation.GowerDistances?
    ) throws(SynthKitError) {
        let roles = ColumnRoles(table: real, metadata: metadata)
        let seed = options.seed.derived("evaluation.families")
        let encoder = RowEncoder(fitting: real, roles: roles)
        var warnings: [String] = []
        options.progress.report(stage: "fidelity", fraction: 0.5)
        let fidelity = try FidelityEvaluation(roles: roles).evaluate(real: real, synthetic: synthetic, holdout: holdout)
        report.fidelity = fidelity
        warnings += Self.weakColumnWarnings(fidelity)
        options.progress.report(stage: "diversity", fraction: 0.6)
        let diversity = DiversityEvaluation(roles: roles).evaluate(
            real: real, synthetic: synthetic, holdout: holdout, encoder: encoder, seed: seed.derived("diversity"), threads: options.threads)
        report.diversity = diversity.report
        if !diversity.lost.isEmpty {
            let shown = diversity.lost.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            warnings.append("\(diversity.lost.count) rare categor\(diversity.lost.count == 1 ? "y" : "ies") of the real data \(diversity.lost.count == 1 ? "never appears" : "never appear") in the synthetic rows: \(shown)\(diversity.lost.count > 8 ? ", …" : "")")
        }
        options.progress.report(stage: "utility", fraction: 0.7)
        report.utility = try UtilityEvaluation(roles: roles, target: options.target, threads: options.threads)
            .evaluate(real: real, synthetic: synthetic, holdout: holdout, seed: seed.derived("utility"))
        options.progress.report(stage: "detectability", fraction: 0.8)
        report.detectability = DetectabilityEvaluation(roles: roles, threads: options.threads)
            .evaluate(real: real, synthetic: synthetic, seed: seed.derived("detectability"))
        var distanceHistograms: [ReportPlots.DistanceHistogram] = []
        if let gower {
            options.progress.report(stage: "privacy", fraction: 0.85)
            let privacy = try PrivacyEvaluation(roles: roles).evaluate(
                synthetic: synthetic, gower: gower, encoder: encoder, metadata: metadata, seed: seed.derived("privacy"), threads: options.threads)
            report.privacy = privacy.report
            distanceHistograms.append(ReportPlots.distanceHistogram(
                label: "DCR, SDMetrics Gower distance", training: gower.toTraining, holdout: gower.toHoldout))
            distanceHistograms.append(ReportPlots.distanceHistogram(
                label: "DCR, Euclidean (standardised + one-hot)", training: privacy.euclideanToTraining, holdout: privacy.euclideanToHoldout))
            let copies = gower.figures.exactCopies
            if copies > 0 {
                warnings.insert("\(copies) synthetic row\(copies == 1 ? " is an exact copy" : "s are exact copies") of training rows", at: 0)
            }
            if let auc = privacy.report.metric("membership-inference-auc")?.score,
               let band = privacy.report.metric("membership-inference-auc")?.breakdown["nullBand"], auc > 0.5 + band {
                warnings.insert("a distance-based membership attack separates training rows from holdout rows (AUC \(Verdicts.format(auc)))", at: 0)
            }
        } else {
            report.privacy = FamilyReport(score: nil, verdict: "not computed: privacy figures were not asked for", notes: [], metrics: [], guarantee: .empiricalOnly)
        }
        if let target = options.target, let sensitive = options.sensitive {
            report.fairness = DemographicParity(target: target, sensitive: sensitive).evaluate(real: real, synthetic: synthetic)
        } else {
            report.fairness = .notApplicable("needs a target column and a sensitive column (--target, --sensitive)")
        }
        if holdout == nil { warnings.append("no holdout given: scores have no real-vs-real ceiling, and utility and membership inference are not measured") }
        report.warnings = warnings
        report.plots = ReportPlots.build(real: real, synthetic: synthetic, roles: roles, distances: distanceHistograms)
    }

    /// Columns whose shape score is far below its holdout reference (or below 0.7 without one).
    static func weakColumnWarnings(_ fidelity: FamilyReport) -> [String] {
        guard let shapes = fidelity.metric("column-shapes") else { return [] }
        let weak = shapes.breakdown.filter { $0.value < 0.7 }.sorted { $0.value < $1.value }
        return weak.prefix(5).map { "column '\($0.key)' has a poor shape match (score \(Verdicts.format($0.value)))" }
    }
}
