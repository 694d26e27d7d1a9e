public import SynthKitSynthesis

extension PrivacyGuarantee {
    /// The guarantee a model's provenance supports: its (epsilon, delta) when it was fitted by a
    /// differentially private synthesizer in secure mode, otherwise a statement that there is none.
    ///
    /// A DP model fitted in reproducible test mode (seeded noise) gets no guarantee: its statement
    /// says "not private" while still showing the parameters it would have had.
    public init(privacy record: PrivacyRecord?) {
        guard let record else {
            self = .empiricalOnly
            return
        }
        let declared = record.declaredFacts.isEmpty
            ? "no facts declared public; every data-dependent fact was paid for"
            : "declared public facts: \(record.declaredFacts.joined(separator: ", "))"
        if record.testMode {
            self.init(
                statement: "none: not private, reproducible test mode (seeded noise); \(declared)",
                epsilon: record.epsilon, delta: record.delta, accountant: record.accountant)
        } else {
            self.init(
                statement: "(epsilon, delta)-differential privacy of the model and everything sampled from it; \(declared)",
                epsilon: record.epsilon, delta: record.delta, accountant: record.accountant)
        }
    }
}

extension EvaluationReport {
    /// This report with the privacy family's guarantee taken from the model that produced the
    /// synthetic rows.
    public func applyingGuarantee(of provenance: Provenance) -> EvaluationReport {
        var updated = self
        updated.privacy?.guarantee = PrivacyGuarantee(privacy: provenance.privacy)
        return updated
    }
}
