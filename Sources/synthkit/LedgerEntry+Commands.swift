import SynthKit

/// The ledger entries `fit`, `sample` and `evaluate` record.
extension LedgerEntry {
    /// A fit: the model carries the depth and share of the data it learned from.
    init(fitting provenance: Provenance, input: LedgerArtifact, output: String) {
        self.init(
            command: "fit", synthesizer: provenance.synthesizer.rawValue, hyperparameters: provenance.hyperparameters,
            seed: provenance.seed, schemaHash: provenance.schemaHash, privacy: provenance.privacy,
            inputs: [input], outputs: [LedgerArtifact(path: output, sha256: nil, kind: .model, facts: input.facts)])
    }

    /// A sample: rows drawn from a model fitted on depth-k data have depth k+1 and share 1.
    init(sampling provenance: Provenance, model: LedgerArtifact, seed: UInt64, rows: Int, output: String) {
        self.init(
            command: "sample", synthesizer: provenance.synthesizer.rawValue, hyperparameters: provenance.hyperparameters,
            seed: String(seed), schemaHash: provenance.schemaHash, privacy: provenance.privacy,
            inputs: [model],
            outputs: [LedgerArtifact(path: output, sha256: nil, kind: .data, rows: rows, facts: model.facts.sampled())])
    }

    /// An evaluation: summary scores of the report, outputs are reports.
    init(evaluating report: EvaluationReport, inputs: [LedgerArtifact], outputs: [String]) {
        var scores: [String: Double] = [:]
        scores["quality.overall"] = report.sdmetricsCompatible.overall
        scores["quality.columnShapes"] = report.sdmetricsCompatible.columnShapes
        scores["quality.columnPairTrends"] = report.sdmetricsCompatible.columnPairTrends
        scores["holdout.overall"] = report.holdoutReference?.overall
        scores["privacy.exactCopyShare"] = report.privacyFigures?.exactCopyShare
        scores["privacy.dcrShare"] = report.privacyFigures?.dcrShare
        for (name, column) in report.sdmetricsCompatible.columns {
            scores["column.\(name)"] = column.score
        }
        let families: [(String, FamilyReport?)] = [
            ("fidelity", report.fidelity), ("diversity", report.diversity), ("utility", report.utility),
            ("detectability", report.detectability), ("privacy", report.privacy), ("fairness", report.fairness),
        ]
        for (name, family) in families {
            scores["family.\(name)"] = family?.score
            for metric in family?.metrics ?? [] { scores["\(name).\(metric.metric)"] = metric.score }
        }
        let subject = inputs.count > 1 ? inputs[1].facts : DatasetFacts.declared(nil)
        self.init(
            command: "evaluate", scores: scores,
            notes: ["rows: real \(report.rows.real), synthetic \(report.rows.synthetic)"]
                + report.warnings.map { LedgerEntry.evaluationWarningPrefix + $0 },
            inputs: inputs,
            outputs: outputs.map { LedgerArtifact(path: $0, sha256: nil, kind: .report, facts: subject) })
    }
}
