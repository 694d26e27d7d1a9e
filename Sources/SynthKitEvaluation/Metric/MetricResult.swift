/// One metric's outcome, with per-column or per-pair detail.
public struct MetricResult: Codable, Sendable, Equatable {
    /// The metric's identifier.
    public var metric: String
    /// The score; `nil`, with a note, when nothing qualified. Never NaN.
    public var score: Double?
    /// Scores per column (`"age"`) or pair (`"age|income"`); entries that could not be computed
    /// are absent and explained in `notes`.
    public var breakdown: [String: Double]
    /// Why something was skipped or could not be computed (`"column 'ssn' skipped: kind id"`).
    public var notes: [String]

    /// Creates a result.
    public init(metric: String, score: Double?, breakdown: [String: Double] = [:], notes: [String] = []) {
        precondition(score.map { !$0.isNaN } ?? true, "metric \(metric) produced NaN; return nil with a note instead")
        self.metric = metric
        self.score = score
        self.breakdown = breakdown
        self.notes = notes
    }

    /// The arithmetic mean of the breakdown's values, or `nil` when it is empty (pandas `.mean()`
    /// over scores where NaN entries were skipped). Summed in key order, so the result does not
    /// depend on the dictionary's iteration order.
    static func mean(of breakdown: [String: Double]) -> Double? {
        guard !breakdown.isEmpty else { return nil }
        return breakdown.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value } / Double(breakdown.count)
    }
}
