import SynthKit

extension LedgerEntry {
    /// A collapse experiment: the real table read, the reports written, the synthesizer's and the
    /// experiment's settings, each workflow's last-generation medians as scores
    /// (`<workflow>.fidelity`, `<workflow>.tstr`) and its summary sentences as notes.
    init(
        collapsing report: CollapseReport, hyperparameters: [String: String], input: LedgerArtifact, outputs: [String]
    ) {
        var settings = hyperparameters
        settings["collapse.workflows"] = report.workflows.map(\.workflow).joined(separator: ",")
        settings["collapse.generations"] = String(report.generations)
        settings["collapse.rowsPerGeneration"] = String(report.rowsPerGeneration)
        settings["collapse.repeats"] = String(report.repeats)
        settings["collapse.filterWatermarked"] = String(report.filteredWatermarked)
        if let target = report.target { settings["collapse.target"] = target }
        var scores: [String: Double] = [:]
        var notes: [String] = []
        for workflow in report.workflows {
            for key in ["fidelity", "tstr"] {
                if let last = workflow.medians[key]?.last, last.isFinite { scores["\(workflow.workflow).\(key)"] = last }
            }
            notes += workflow.summary.map { "\(workflow.workflow): \($0)" }
        }
        self.init(
            command: "collapse", synthesizer: report.synthesizer, hyperparameters: settings, seed: String(report.seed),
            scores: scores, notes: notes, inputs: [input],
            outputs: outputs.map { LedgerArtifact(path: $0, sha256: nil, kind: .report, facts: input.facts) })
    }
}
