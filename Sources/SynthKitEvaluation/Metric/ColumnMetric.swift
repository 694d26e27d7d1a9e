public import SynthKitCore
public import SynthKitTable

/// A metric defined per column; the default `evaluate` scores every eligible column present in
/// both tables, fills `breakdown` and averages the computable scores (SDMetrics
/// `SingleColumnMetric` applied column by column, `sdmetrics/single_table/multi_single_column.py`).
public protocol ColumnMetric: Metric {
    /// Whether columns of `kind` are scored.
    func accepts(_ kind: ColumnKind) -> Bool
    /// The score for one column, or `nil` when it cannot be computed (e.g. no values).
    func score(real: Column, synthetic: Column) throws(SynthKitError) -> Double?
}

extension ColumnMetric {
    /// Scores each accepted column and averages the results.
    public func evaluate(_ input: MetricInput) throws(SynthKitError) -> MetricResult {
        var breakdown: [String: Double] = [:]
        var notes: [String] = []
        for column in input.real.columns {
            let kind = input.kind(of: column.name)
            guard accepts(kind) else {
                notes.append("column '\(column.name)' skipped: kind \(kind.rawValue)")
                continue
            }
            guard let synthetic = input.synthetic[column.name] else {
                notes.append("column '\(column.name)' skipped: not in the synthetic table")
                continue
            }
            if let value = try score(real: column, synthetic: synthetic) {
                breakdown[column.name] = value
            } else {
                notes.append("column '\(column.name)': not computable (no values to compare)")
            }
        }
        if breakdown.isEmpty && notes.isEmpty { notes.append("no column of the real table qualifies") }
        return MetricResult(metric: Self.identifier, score: MetricResult.mean(of: breakdown), breakdown: breakdown, notes: notes)
    }
}
