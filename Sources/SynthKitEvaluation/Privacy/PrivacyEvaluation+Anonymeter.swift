import SynthKitCore
import SynthKitTable

extension PrivacyEvaluation {
    /// Anonymeter-style risks with 95 % Wilson intervals: singling out (multivariate, 3 columns),
    /// linkability (the compared columns at even and at odd positions as the two sets, so both
    /// usually hold a number and ties are rare; 1 neighbour)
    /// and attribute inference (every column as the secret; the score is the largest risk).
    /// Control rows are the holdout; training rows are those of the equal-size DCR reference.
    /// Returns the metrics and the protections (1 − risk) they add to the family score.
    func anonymeterMetrics(
        training: Table, control: Table?, synthetic: Table, seed: Seed, threads: Int?
    ) -> (metrics: [FamilyMetric], protections: [Double]) {
        let names = training.columnNames.filter { roles.all.contains($0) }
        let note = "needs a holdout (the control rows of the attack)"
        guard let control, !names.isEmpty else {
            return ([
                FamilyMetric(metric: "singling-out-risk", label: "Singling-out risk (anonymeter)", goal: .minimize, score: nil, notes: [note]),
                FamilyMetric(metric: "linkability-risk", label: "Linkability risk (anonymeter)", goal: .minimize, score: nil, notes: [note]),
                FamilyMetric(metric: "attribute-inference-risk", label: "Attribute-inference risk (anonymeter)", goal: .minimize, score: nil, notes: [note]),
            ], [])
        }
        let data = AttackColumns.read([training, control, synthetic], names: names, roles: roles)
        var metrics: [FamilyMetric] = []
        var protections: [Double] = []
        let singlingOut = SinglingOutAttack(attacks: anonymeterAttacks)
            .run(training: data[0], control: data[1], synthetic: data[2], seed: seed.derived("anonymeter.singling-out"))
        metrics.append(FamilyMetric(
            metric: "singling-out-risk", label: "Singling-out risk (anonymeter, multivariate; 95% interval in the breakdown)", goal: .minimize,
            score: singlingOut?.risk.risk,
            breakdown: singlingOut.map { $0.risk.breakdown.merging(["queries": Double($0.queries)]) { first, _ in first } } ?? [:],
            notes: Self.attackNotes(singlingOut?.risk, extra: singlingOut.map { $0.queries < anonymeterAttacks ? "only \($0.queries) singling-out queries found for \(anonymeterAttacks) attacks" : nil } ?? nil)))
        if let risk = singlingOut?.risk { protections.append(1 - risk.risk) }
        var linkability: LinkabilityAttack.Outcome?
        if names.count >= 2 {
            let indices = Array(names.indices)
            linkability = LinkabilityAttack(attacks: anonymeterAttacks).run(
                training: data[0], control: data[1], synthetic: data[2],
                auxiliary: (indices.filter { $0 % 2 == 0 }, indices.filter { $0 % 2 == 1 }),
                seed: seed.derived("anonymeter.linkability"), threads: threads)
        }
        metrics.append(FamilyMetric(
            metric: "linkability-risk", label: "Linkability risk (anonymeter, 1 neighbour; 95% interval in the breakdown)", goal: .minimize,
            score: linkability?.risk.risk, breakdown: linkability?.risk.breakdown ?? [:],
            notes: names.count < 2 ? ["needs at least two columns"] : Self.attackNotes(linkability?.risk, extra: "the attacker's two column sets: columns at even and at odd positions")))
        if let risk = linkability?.risk { protections.append(1 - risk.risk) }
        let inference = AttributeInferenceAttack(attacks: anonymeterAttacks)
            .run(training: data[0], control: data[1], synthetic: data[2], seed: seed.derived("anonymeter.inference"), threads: threads)
        let worst = inference.max { $0.risk.risk < $1.risk.risk }
        var breakdown = worst?.risk.breakdown ?? [:]
        for outcome in inference { breakdown["risk.\(outcome.secret)"] = outcome.risk.risk }
        metrics.append(FamilyMetric(
            metric: "attribute-inference-risk", label: "Attribute-inference risk (anonymeter, largest over secret columns; interval of that column)",
            goal: .minimize, score: worst?.risk.risk, breakdown: breakdown,
            notes: inference.isEmpty ? ["needs at least two columns"] : Self.attackNotes(worst?.risk, extra: worst.map { "largest risk for the secret '\($0.secret)'" })))
        if let risk = worst?.risk { protections.append(1 - risk.risk) }
        return (metrics, protections)
    }

    /// Notes for an attack: anonymeter's warning when it does not beat random guessing.
    static func attackNotes(_ risk: AttackRisk?, extra: String?) -> [String] {
        var notes = [extra].compactMap { $0 }
        if let risk, !risk.beatsBaseline {
            notes.append("the attack does no better than random guessing (baseline rate \(Verdicts.format(risk.baselineRate.value))): the risk cannot be trusted")
        }
        return notes
    }
}
