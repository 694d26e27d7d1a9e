public import SynthKitCore

/// Whether a higher or a lower score is better (SDMetrics `Goal`).
public enum MetricGoal: String, Codable, Sendable {
    /// Higher is better.
    case maximize
    /// Lower is better.
    case minimize
    /// Neither; the score is descriptive.
    case none
}

/// A measurement of synthetic data against real data.
///
/// Conformers name the reference definition they reproduce (an SDMetrics file) and are tested
/// against values computed by `Scripts/` with that reference. A metric that does not apply to
/// its input returns a result whose `score` is `nil` with a note, never NaN.
public protocol Metric: Sendable {
    /// A stable identifier used by the CLI, reports and the ledger (`"ks-complement"`).
    static var identifier: String { get }
    /// Whether higher or lower is better.
    var goal: MetricGoal { get }
    /// The values the score can take.
    var range: ClosedRange<Double> { get }
    /// Scores `input`.
    func evaluate(_ input: MetricInput) throws(SynthKitError) -> MetricResult
}
