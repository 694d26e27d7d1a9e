import SynthKitCore
import SynthKitTable

/// The fidelity family in SynthKit mode: the SDMetrics metrics with their quirks fixed.
///
/// - Column shapes: KSComplement for numeric columns; TVComplement for categorical columns with a
///   missing value counted as a category of its own (SDMetrics drops them).
/// - Column pair trends, over *every* pair (no association threshold): correlation similarity
///   1 − |ρ_R − ρ_S|/2 for two numeric columns; otherwise contingency similarity with numeric
///   columns cut at 10 equal-width bins of the *real* data whose outer edges are opened to ±∞
///   (SDMetrics' report bins each table on its own edges).
/// - Missing-value similarity, range and category coverage, boundary and category adherence.
/// - Score = mean(column shapes, column pair trends); with a holdout every metric is also computed
///   for the real holdout in place of the synthetic rows, the ceiling the score is read against.
///
/// Complexity: O(c · n log n + c² · n) for c columns and n rows.
struct FidelityEvaluation: Sendable {
    /// The columns compared.
    let roles: ColumnRoles

    /// Per-metric results of one comparison.
    struct Scores {
        var shapes: MetricResult
        var pairs: MetricResult
        var missing: MetricResult
        var rangeCoverage: MetricResult
        var categoryCoverage: MetricResult
        var boundaryAdherence: MetricResult
        var categoryAdherence: MetricResult

        /// mean(shapes, pairs) over the computable ones.
        var overall: Double? {
            let present = [shapes.score, pairs.score].compactMap { $0 }
            return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
        }
    }

    /// The family report.
    func evaluate(real: Table, synthetic: Table, holdout: Table?) throws(SynthKitError) -> FamilyReport {
        var scores = try compare(real: real, other: synthetic)
        for path in [\Scores.missing, \.rangeCoverage, \.categoryCoverage, \.boundaryAdherence, \.categoryAdherence] {
            scores[keyPath: path].notes.removeAll { $0.contains("skipped: kind") }
        }
        let reference = try holdout.map { table throws(SynthKitError) in try compare(real: real, other: table) }
        let metrics = [
            FamilyMetric(scores.shapes, label: "Column shapes (KS / TV incl. missing)", goal: .maximize, holdout: reference?.shapes),
            FamilyMetric(scores.pairs, label: "Column pair trends (real-edge bins)", goal: .maximize, holdout: reference?.pairs),
            FamilyMetric(scores.missing, label: "Missing-value similarity", goal: .maximize, holdout: reference?.missing),
            FamilyMetric(scores.rangeCoverage, label: "Range coverage", goal: .maximize, holdout: reference?.rangeCoverage),
            FamilyMetric(scores.categoryCoverage, label: "Category coverage", goal: .maximize, holdout: reference?.categoryCoverage),
            FamilyMetric(scores.boundaryAdherence, label: "Boundary adherence", goal: .maximize, holdout: reference?.boundaryAdherence),
            FamilyMetric(scores.categoryAdherence, label: "Category adherence", goal: .maximize, holdout: reference?.categoryAdherence),
        ]
        let score = scores.overall
        let ceiling = reference?.overall
        var notes = ["SynthKit mode: numeric columns in pairs are binned on the real data's edges with open ends; missing values count as a category"]
        if holdout == nil { notes.append("no holdout: scores have no real-vs-real ceiling to be read against") }
        return FamilyReport(
            score: score, holdoutCeiling: ceiling, verdict: Verdicts.fidelity(score: score, ceiling: ceiling), notes: notes,
            metrics: metrics)
    }

    /// Every fidelity metric of `other` against `real`.
    func compare(real: Table, other: Table) throws(SynthKitError) -> Scores {
        var shapes: [String: Double] = [:]
        var shapeNotes: [String] = []
        for name in roles.all {
            guard let realColumn = real[name], let otherColumn = other[name] else { continue }
            let value: Double?
            if roles.numeric.contains(name), let realNumbers = roles.numbers(of: realColumn), let otherNumbers = roles.numbers(of: otherColumn) {
                value = KSComplement.score(real: realNumbers, synthetic: otherNumbers)
            } else {
                value = TVComplement.score(SharedCodes(real: realColumn, synthetic: otherColumn).withMissingAsCategory())
            }
            if let value { shapes[name] = value } else { shapeNotes.append("column '\(name)': no values to compare") }
        }
        let pairs = pairTrends(real: real, other: other)
        let input = MetricInput(real: real.selectingExisting(roles.all), synthetic: other.selectingExisting(roles.all))
        return Scores(
            shapes: MetricResult(metric: "column-shapes", score: MetricResult.mean(of: shapes), breakdown: shapes, notes: shapeNotes),
            pairs: pairs,
            missing: try MissingValueSimilarity().evaluate(input),
            rangeCoverage: try RangeCoverage().evaluate(input),
            categoryCoverage: try CategoryCoverage().evaluate(input),
            boundaryAdherence: try BoundaryAdherence().evaluate(input),
            categoryAdherence: try CategoryAdherence().evaluate(input))
    }

    /// Correlation or real-edge contingency similarity of every pair.
    func pairTrends(real: Table, other: Table) -> MetricResult {
        let contingency = ContingencySimilarity(continuousColumns: Set(roles.numeric))
        let names = roles.all.filter { real[$0] != nil && other[$0] != nil }
        var codes: [String: SharedCodes] = [:]
        for name in names {
            guard let realColumn = real[name], let otherColumn = other[name] else { continue }
            codes[name] = contingency.codes(real: realColumn, synthetic: otherColumn)
        }
        var breakdown: [String: Double] = [:]
        var notes: [String] = []
        for firstIndex in names.indices {
            for secondIndex in names.indices where secondIndex > firstIndex {
                let first = names[firstIndex]
                let second = names[secondIndex]
                let key = "\(first)|\(second)"
                var value: Double?
                if roles.numeric.contains(first), roles.numeric.contains(second),
                   let realFirst = real[first].flatMap(roles.numbers(of:)), let realSecond = real[second].flatMap(roles.numbers(of:)),
                   let otherFirst = other[first].flatMap(roles.numbers(of:)), let otherSecond = other[second].flatMap(roles.numbers(of:)) {
                    value = CorrelationSimilarity.breakdown(
                        real: (realFirst, realSecond), synthetic: (otherFirst, otherSecond), threshold: 0).score
                } else if let firstCodes = codes[first], let secondCodes = codes[second] {
                    value = ContingencySimilarity.breakdown(first: firstCodes, second: secondCodes, threshold: 0).score
                }
                if let value { breakdown[key] = value } else { notes.append("pair '\(key)': not computable (constant or non-numeric)") }
            }
        }
        return MetricResult(metric: "column-pair-trends", score: MetricResult.mean(of: breakdown), breakdown: breakdown, notes: notes)
    }
}

extension Table {
    /// The columns of `names` that exist, in that order.
    func selectingExisting(_ names: [String]) -> Table {
        let kept = names.compactMap { self[$0] }
        return Table(unchecked: kept, rowCount: rowCount)
    }
}
