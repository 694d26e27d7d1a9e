import SynthKitTable

/// Plain-language verdicts for the scorecard. The thresholds are conventions, stated in the
/// sentences themselves so a reader can disagree with them.
enum Verdicts {
    /// Fidelity read against the real-vs-real ceiling when there is one.
    static func fidelity(score: Double?, ceiling: Double?) -> String {
        guard let score else { return "not computed: no comparable columns" }
        if let ceiling {
            let gap = ceiling - score
            if gap <= 0.02 { return "Statistically close to the real data: within 0.02 of what a fresh real sample scores (\(percent(ceiling)))." }
            if gap <= 0.08 { return "Reasonably faithful, but \(percent(gap)) points below what a fresh real sample scores; check the weakest columns." }
            return "Noticeably different from the real data: \(percent(gap)) points below the real-vs-real ceiling."
        }
        if score >= 0.9 { return "Statistically close to the real data (score ≥ 0.90); add a holdout for a ceiling to compare with." }
        if score >= 0.75 { return "Reasonably faithful (score 0.75–0.90); add a holdout for a ceiling to compare with." }
        return "Noticeably different from the real data (score below 0.75)."
    }

    /// Diversity: rare categories, tails and the support (recall, coverage).
    static func diversity(score: Double?, lostRare: Int) -> String {
        guard let score else { return "not computed: no comparable columns" }
        var sentence: String
        if score >= 0.85 { sentence = "Keeps the variety of the real data: rare categories, tails and the spread of rows are mostly preserved." }
        else if score >= 0.6 { sentence = "Some variety is lost: part of the rare categories, tails or regions of the data are missing." }
        else { sentence = "Much of the variety is lost: the synthetic rows concentrate on common patterns." }
        if lostRare > 0 { sentence += " \(lostRare) rare categor\(lostRare == 1 ? "y is" : "ies are") missing." }
        return sentence
    }

    /// Utility: TSTR relative to TRTR.
    static func utility(ratio: Double?, metricName: String) -> String {
        guard let ratio else { return "not computed" }
        if ratio >= 0.95 { return "A model trained on synthetic rows predicts real holdout rows almost as well as one trained on real rows (\(percent(ratio)) of the real \(metricName))." }
        if ratio >= 0.8 { return "Models trained on synthetic rows are usable but weaker: \(percent(ratio)) of the real-trained \(metricName)." }
        return "Models trained on synthetic rows lose much of their accuracy: \(percent(ratio)) of the real-trained \(metricName)."
    }

    /// Detectability: 1 is indistinguishable.
    static func detectability(score: Double?, pValue: Double?) -> String {
        guard let score else { return "not computed" }
        var sentence: String
        if score >= 0.8 { sentence = "Hard to tell apart from real rows." }
        else if score >= 0.5 { sentence = "A classifier can partly tell synthetic rows from real ones." }
        else { sentence = "A classifier easily tells synthetic rows from real ones." }
        if let pValue { sentence += pValue < 0.01 ? " The two-sample test detects a difference (p < 0.01)." : " The two-sample test finds no significant difference (p = \(format(pValue)))." }
        return sentence
    }

    /// Privacy: empirical only.
    static func privacy(copies: Int, membershipAUC: Double?, nullBand: Double?) -> String {
        var parts: [String] = []
        if copies > 0 { parts.append("\(copies) synthetic row\(copies == 1 ? " is an exact copy" : "s are exact copies") of training rows.") }
        else { parts.append("No synthetic row is an exact copy of a training row.") }
        if let membershipAUC, let nullBand {
            if membershipAUC > 0.5 + nullBand { parts.append("A distance-based membership attack does better than chance (AUC \(format(membershipAUC))): training rows leak.") }
            else { parts.append("A distance-based membership attack does no better than chance (AUC \(format(membershipAUC))).") }
        } else {
            parts.append("Add a holdout to measure membership inference.")
        }
        parts.append("These are measurements, not a guarantee.")
        return parts.joined(separator: " ")
    }

    /// Fairness: demographic-parity gaps.
    static func fairness(realGap: Double, syntheticGap: Double) -> String {
        let change = syntheticGap - realGap
        if abs(change) <= 0.02 { return "The gap in outcome rates between groups is preserved (real \(format(realGap)), synthetic \(format(syntheticGap)))." }
        if change > 0 { return "The synthetic data widens the gap in outcome rates between groups (real \(format(realGap)), synthetic \(format(syntheticGap)))." }
        return "The synthetic data narrows the gap in outcome rates between groups (real \(format(realGap)), synthetic \(format(syntheticGap)))."
    }

    static func percent(_ value: Double) -> String { NumberFormatting.fixed(value * 100, places: 1) + "%" }
    static func format(_ value: Double) -> String { NumberFormatting.fixed(value, places: 3) }
}
