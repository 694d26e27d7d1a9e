public import SynthKitCore
public import SynthKitTable

/// A metric defined on pairs of columns (correlation similarity, contingency similarity); the
/// default `evaluate` scores every accepted unordered pair in table order and averages the
/// computable scores (SDMetrics `ColumnPairsMetric`, `sdmetrics/column_pairs/base.py`).
public protocol ColumnPairMetric: Metric {
    /// Whether a pair of columns of these kinds is scored.
    func accepts(_ first: ColumnKind, _ second: ColumnKind) -> Bool
    /// The score for one pair, or `nil` when it cannot be computed.
    func score(real: (Column, Column), synthetic: (Column, Column)) throws(SynthKitError) -> Double?
}

extension ColumnPairMetric {
    /// Scores each accepted pair (breakdown keys `"first|second"`) and averages the results.
    public func evaluate(_ input: MetricInput) throws(SynthKitError) -> MetricResult {
        var breakdown: [String: Double] = [:]
        var notes: [String] = []
        let columns = input.real.columns.filter { input.synthetic[$0.name] != nil }
        for firstIndex in columns.indices {
            for secondIndex in columns.indices where secondIndex > firstIndex {
                let first = columns[firstIndex]
                let second = columns[secondIndex]
                guard accepts(input.kind(of: first.name), input.kind(of: second.name)),
                      let syntheticFirst = input.synthetic[first.name],
                      let syntheticSecond = input.synthetic[second.name] else { continue }
                let key = "\(first.name)|\(second.name)"
                if let value = try score(real: (first, second), synthetic: (syntheticFirst, syntheticSecond)) {
                    breakdown[key] = value
                } else {
                    notes.append("pair '\(key)': not computable or below the real-data threshold")
                }
            }
        }
        if breakdown.isEmpty && notes.isEmpty { notes.append("no pair of columns in both tables has kinds this metric compares") }
        return MetricResult(metric: Self.identifier, score: MetricResult.mean(of: breakdown), breakdown: breakdown, notes: notes)
    }
}
