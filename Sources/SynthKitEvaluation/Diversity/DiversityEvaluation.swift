import SynthKitCore
import SynthKitTable

/// The diversity family: does the synthetic data keep the variety of the real data?
///
/// - Rare-category retention: of the categories holding under 1 % of a real categorical column
///   (missing excluded), the share that appears at least once in the synthetic column.
/// - Tail retention: per numeric column, the share of synthetic values below the real 1st or above
///   the real 99th percentile divided by the same share in the real column (≈ 0.02); 1 means
///   tails kept, 0 tails lost, above 1 heavier tails. The metric's score is the mean of
///   min(ratio, 1).
/// - Precision, recall, density, coverage (k = 5) on encoded rows (``PrecisionRecallDensityCoverage``),
///   on at most `prdcRowLimit` random rows of each table.
/// - Score = mean(rare-category retention, tail retention, recall, coverage).
struct DiversityEvaluation: Sendable {
    /// The columns compared.
    let roles: ColumnRoles
    /// Rows of each table used for PRDC.
    var prdcRowLimit = 3000
    /// The share under which a category is rare.
    var rareShare = 0.01

    /// The family report and the rare categories that were lost (`column: category`).
    func evaluate(
        real: Table, synthetic: Table, holdout: Table?, encoder: RowEncoder, seed: Seed, threads: Int?
    ) -> (report: FamilyReport, lost: [String]) {
        let (rare, lost) = rareCategoryRetention(real: real, other: synthetic)
        let holdoutRare = holdout.map { rareCategoryRetention(real: real, other: $0).result }
        let tails = tailRetention(real: real, other: synthetic)
        let holdoutTails = holdout.map { tailRetention(real: real, other: $0) }
        var metrics = [
            FamilyMetric(rare, label: "Rare-category retention (<1% in real)", goal: .maximize, holdout: holdoutRare),
            FamilyMetric(tails, label: "Tail retention (beyond real 1st/99th percentiles)", goal: .maximize, holdout: holdoutTails),
        ]
        var notes: [String] = []
        let realRows = ContingencySimilarity.subsample(count: real.rowCount, keeping: prdcRowLimit, seed: seed.derived("diversity.prdc-real"))
        let syntheticRows = ContingencySimilarity.subsample(count: synthetic.rowCount, keeping: prdcRowLimit, seed: seed.derived("diversity.prdc-synthetic"))
        if real.rowCount > prdcRowLimit || synthetic.rowCount > prdcRowLimit {
            notes.append("precision/recall/density/coverage use at most \(prdcRowLimit) random rows of each table")
        }
        let encodedReal = encoder.encode(real.gatheringRows(realRows))
        let prdc = PrecisionRecallDensityCoverage.compute(
            real: encodedReal, synthetic: encoder.encode(synthetic.gatheringRows(syntheticRows)), threads: threads)
        let holdoutPRDC = holdout.flatMap { table -> PrecisionRecallDensityCoverage? in
            let rows = ContingencySimilarity.subsample(count: table.rowCount, keeping: prdcRowLimit, seed: seed.derived("diversity.prdc-holdout"))
            return PrecisionRecallDensityCoverage.compute(real: encodedReal, synthetic: encoder.encode(table.gatheringRows(rows)), threads: threads)
        }
        let prdcNote = prdc == nil ? ["needs more than 5 rows in each table"] : []
        metrics.append(FamilyMetric(metric: "prdc-precision", label: "Precision (k=5)", goal: .maximize, score: prdc?.precision, holdoutReference: holdoutPRDC?.precision, notes: prdcNote))
        metrics.append(FamilyMetric(metric: "prdc-recall", label: "Recall (k=5)", goal: .maximize, score: prdc?.recall, holdoutReference: holdoutPRDC?.recall, notes: prdcNote))
        metrics.append(FamilyMetric(metric: "prdc-density", label: "Density (k=5)", goal: .none, score: prdc?.density, holdoutReference: holdoutPRDC?.density, notes: prdcNote))
        metrics.append(FamilyMetric(metric: "prdc-coverage", label: "Coverage (k=5)", goal: .maximize, score: prdc?.coverage, holdoutReference: holdoutPRDC?.coverage, notes: prdcNote))
        let parts = [rare.score, tails.score, prdc?.recall, prdc?.coverage].compactMap { $0 }
        let score = parts.isEmpty ? nil : parts.reduce(0, +) / Double(parts.count)
        let ceilingParts = [holdoutRare?.score, holdoutTails?.score, holdoutPRDC?.recall, holdoutPRDC?.coverage].compactMap { $0 }
        let ceiling = holdout != nil && ceilingParts.count == parts.count && !parts.isEmpty ? ceilingParts.reduce(0, +) / Double(ceilingParts.count) : nil
        let report = FamilyReport(
            score: score, holdoutCeiling: ceiling, verdict: Verdicts.diversity(score: score, lostRare: lost.count), notes: notes + rare.notes,
            metrics: metrics)
        return (report, lost)
    }

    /// Rare-category retention per categorical column, and the lost categories.
    func rareCategoryRetention(real: Table, other: Table) -> (result: MetricResult, lost: [String]) {
        var breakdown: [String: Double] = [:]
        var lost: [String] = []
        var notes: [String] = []
        for name in roles.categorical {
            guard let realColumn = real[name], let otherColumn = other[name] else { continue }
            let codes = SharedCodes(real: realColumn, synthetic: otherColumn)
            let realCounts = SharedCodes.counts(codes.real, categoryCount: codes.categoryCount)
            let otherCounts = SharedCodes.counts(codes.synthetic, categoryCount: codes.categoryCount)
            let present = realCounts.reduce(0, +)
            guard present > 0 else { continue }
            let rare = (0..<codes.categoryCount).filter { realCounts[$0] > 0 && Double(realCounts[$0]) < rareShare * Double(present) }
            guard !rare.isEmpty else { continue }
            let kept = rare.filter { otherCounts[$0] > 0 }
            breakdown[name] = Double(kept.count) / Double(rare.count)
            for code in rare where otherCounts[code] == 0 { lost.append("\(name): \(codes.names[code])") }
        }
        if breakdown.isEmpty { notes.append("no categorical column has categories under \(NumberFormatting.shortest(rareShare * 100)) % of the real rows") }
        return (MetricResult(metric: "rare-category-retention", score: MetricResult.mean(of: breakdown), breakdown: breakdown, notes: notes), lost)
    }

    /// Tail retention ratio per numeric column; the score averages min(ratio, 1).
    func tailRetention(real: Table, other: Table) -> MetricResult {
        var breakdown: [String: Double] = [:]
        var capped: [Double] = []
        var notes: [String] = []
        for name in roles.numeric {
            guard let realValues = real[name].flatMap(roles.numbers(of:)), let otherValues = other[name].flatMap(roles.numbers(of:)) else { continue }
            let sorted = realValues.filter { !$0.isNaN }.sorted()
            let others = otherValues.filter { !$0.isNaN }
            guard sorted.count >= 2, !others.isEmpty else { continue }
            let low = Self.quantile(sorted, 0.01)
            let high = Self.quantile(sorted, 0.99)
            let realShare = Double(sorted.filter { $0 < low || $0 > high }.count) / Double(sorted.count)
            guard realShare > 0 else {
                notes.append("column '\(name)': no real values beyond its 1st/99th percentiles (too few distinct values)")
                continue
            }
            let otherShare = Double(others.filter { $0 < low || $0 > high }.count) / Double(others.count)
            breakdown[name] = otherShare / realShare
            capped.append(min(otherShare / realShare, 1))
        }
        let score = capped.isEmpty ? nil : capped.reduce(0, +) / Double(capped.count)
        return MetricResult(metric: "tail-retention", score: score, breakdown: breakdown, notes: notes)
    }

    /// The linearly interpolated quantile of sorted values (NumPy's default).
    static func quantile(_ sorted: [Double], _ probability: Double) -> Double {
        let position = probability * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
