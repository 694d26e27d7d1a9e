import SynthKitCore
import SynthKitTable

/// The fairness family: the demographic-parity gap of a target across the groups of a sensitive
/// column, in the real and in the synthetic table.
///
/// The positive outcome is the real target's least frequent class (for a numeric target: a
/// value above the real median). Per group g (categories of the sensitive column holding at
/// least `minimumGroupRows` rows), rate_g = P(positive | g); gap = max_g rate_g − min_g rate_g.
/// Score = 1 − |gap_S − gap_R|: 1 when the synthetic data neither widens nor narrows the gap.
///
/// Complexity: O(n).
struct DemographicParity: Sendable {
    /// The outcome column.
    let target: String
    /// The group column.
    let sensitive: String
    /// Groups with fewer rows are left out of the gap.
    var minimumGroupRows = 10

    /// Positive-outcome rate per group of one table, keyed by group name.
    func rates(in table: Table, positive: (Column, Int) -> Bool?) -> [String: Double] {
        guard let targetColumn = table[target], let groupColumn = table[sensitive] else { return [:] }
        var counts: [String: (positive: Int, total: Int)] = [:]
        for row in 0..<table.rowCount {
            guard let group = groupColumn.text(at: row), let outcome = positive(targetColumn, row) else { continue }
            var entry = counts[group, default: (0, 0)]
            entry.total += 1
            if outcome { entry.positive += 1 }
            counts[group] = entry
        }
        return counts.filter { $0.value.total >= minimumGroupRows }.mapValues { Double($0.positive) / Double($0.total) }
    }

    /// The family report (`real` and `synthetic` must contain both columns).
    func evaluate(real: Table, synthetic: Table) -> FamilyReport {
        guard let realTarget = real[target], real[sensitive] != nil else {
            return .notApplicable("the target or sensitive column is missing")
        }
        let positive: (Column, Int) -> Bool?
        let outcomeName: String
        if let numbers = realTarget.numbers {
            let sorted = numbers.filter { !$0.isNaN }.sorted()
            guard !sorted.isEmpty else { return .notApplicable("the target column '\(target)' has no values") }
            let median = DiversityEvaluation.quantile(sorted, 0.5)
            positive = { column, row in column.numbers.flatMap { $0[row].isNaN ? nil : $0[row] > median } }
            outcomeName = "\(target) > \(NumberFormatting.shortest(median))"
        } else {
            var counts: [String: Int] = [:]
            for row in 0..<realTarget.count { if let text = realTarget.text(at: row) { counts[text, default: 0] += 1 } }
            guard counts.count >= 2, let rarest = counts.min(by: { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value })?.key else {
                return .notApplicable("the target column '\(target)' has fewer than two classes")
            }
            positive = { column, row in column.text(at: row).map { $0 == rarest } }
            outcomeName = "\(target) = \(rarest)"
        }
        let realRates = rates(in: real, positive: positive)
        let syntheticRates = rates(in: synthetic, positive: positive)
        guard realRates.count >= 2, syntheticRates.count >= 2 else {
            return .notApplicable("fewer than two groups of '\(sensitive)' with \(minimumGroupRows) or more rows")
        }
        let realGap = (realRates.values.max() ?? 0) - (realRates.values.min() ?? 0)
        let syntheticGap = (syntheticRates.values.max() ?? 0) - (syntheticRates.values.min() ?? 0)
        var breakdown: [String: Double] = [:]
        for (group, rate) in realRates { breakdown["real|\(group)"] = rate }
        for (group, rate) in syntheticRates { breakdown["synthetic|\(group)"] = rate }
        let metrics = [
            FamilyMetric(metric: "demographic-parity-gap-real", label: "Demographic-parity gap, real", goal: .none, score: realGap),
            FamilyMetric(metric: "demographic-parity-gap-synthetic", label: "Demographic-parity gap, synthetic", goal: .none, score: syntheticGap),
            FamilyMetric(
                metric: "positive-rate-by-group", label: "P(\(outcomeName) | \(sensitive)) per group", goal: .none, score: nil,
                breakdown: breakdown, notes: ["rates per group; keys are table|group"]),
        ]
        return FamilyReport(
            score: max(0, 1 - abs(syntheticGap - realGap)), verdict: Verdicts.fairness(realGap: realGap, syntheticGap: syntheticGap),
            notes: ["positive outcome: \(outcomeName); groups with fewer than \(minimumGroupRows) rows left out"], metrics: metrics)
    }
}
