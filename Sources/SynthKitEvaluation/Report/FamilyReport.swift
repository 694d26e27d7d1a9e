/// One family of the SynthKit-mode evaluation (fidelity, diversity, utility, detectability,
/// privacy, fairness): a headline score, a plain-language verdict and the metrics behind it.
///
/// JSON: `{"score": 0.91 | null, "holdoutCeiling": 0.95 | null, "verdict": "…", "notes": […],
/// "metrics": [FamilyMetric…]}` (and for privacy, `guarantee`). `score` is null, with a note,
/// when the family does not apply (utility without `--target` or holdout); it is never NaN.
public struct FamilyReport: Codable, Sendable, Equatable {
    /// The family's headline score in [0, 1], higher is better; `nil` when not computed.
    public var score: Double?
    /// The same score for the real holdout in place of the synthetic rows: the ceiling the score
    /// is read against (when a holdout was given and the family has one).
    public var holdoutCeiling: Double?
    /// One sentence a person can act on.
    public var verdict: String
    /// Why something was skipped, subsampled or could not be computed.
    public var notes: [String]
    /// The metrics behind the score.
    public var metrics: [FamilyMetric]
    /// For privacy only: what is *guaranteed* (DP synthesizers fill it); other families omit it.
    public var guarantee: PrivacyGuarantee?

    /// Creates a family report.
    public init(
        score: Double?, holdoutCeiling: Double? = nil, verdict: String, notes: [String] = [], metrics: [FamilyMetric],
        guarantee: PrivacyGuarantee? = nil
    ) {
        precondition(score.map { !$0.isNaN } ?? true, "family score is NaN; use nil with a note")
        self.score = score
        self.holdoutCeiling = holdoutCeiling
        self.verdict = verdict
        self.notes = notes
        self.metrics = metrics
        self.guarantee = guarantee
    }

    /// A family that does not apply, with the reason as its verdict and note.
    public static func notApplicable(_ reason: String) -> FamilyReport {
        FamilyReport(score: nil, verdict: "not computed: \(reason)", notes: [reason], metrics: [])
    }

    /// The metric with `identifier`, if present.
    public func metric(_ identifier: String) -> FamilyMetric? {
        metrics.first { $0.metric == identifier }
    }

    enum CodingKeys: String, CodingKey {
        case score, holdoutCeiling, verdict, notes, metrics, guarantee
    }

    /// Writes every key, `null` for absent scores; `guarantee` only when present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(score, forKey: .score)
        try container.encode(holdoutCeiling, forKey: .holdoutCeiling)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(notes, forKey: .notes)
        try container.encode(metrics, forKey: .metrics)
        try container.encodeIfPresent(guarantee, forKey: .guarantee)
    }
}

/// One metric inside a ``FamilyReport``.
///
/// JSON: `{"metric": "ks-complement", "label": "…", "goal": "maximize", "score": 0.93 | null,
/// "holdoutReference": 0.97 | null, "breakdown": {"age": 0.91, …}, "notes": […]}`.
public struct FamilyMetric: Codable, Sendable, Equatable {
    /// The stable identifier (`"ks-complement"`, `"membership-inference-auc"`).
    public var metric: String
    /// A short human label.
    public var label: String
    /// Whether higher or lower is better.
    public var goal: MetricGoal
    /// The score; `nil` with a note when not computable.
    public var score: Double?
    /// The same metric with the real holdout in place of the synthetic rows, when computed.
    public var holdoutReference: Double?
    /// Per column, per pair or per part values.
    public var breakdown: [String: Double]
    /// Explanations.
    public var notes: [String]

    /// Creates a metric entry.
    public init(
        metric: String, label: String, goal: MetricGoal, score: Double?, holdoutReference: Double? = nil,
        breakdown: [String: Double] = [:], notes: [String] = []
    ) {
        precondition(score.map { !$0.isNaN } ?? true, "metric \(metric) is NaN; use nil with a note")
        precondition(holdoutReference.map { !$0.isNaN } ?? true, "metric \(metric) holdout reference is NaN")
        self.metric = metric
        self.label = label
        self.goal = goal
        self.score = score
        self.holdoutReference = holdoutReference
        self.breakdown = breakdown.filter { !$0.value.isNaN }
        self.notes = notes
    }

    /// An entry from a ``MetricResult`` (and optionally the holdout's result for the same metric).
    init(_ result: MetricResult, label: String, goal: MetricGoal, holdout: MetricResult? = nil) {
        self.init(
            metric: result.metric, label: label, goal: goal, score: result.score, holdoutReference: holdout?.score,
            breakdown: result.breakdown, notes: result.notes)
    }

    /// Writes every key, `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metric, forKey: .metric)
        try container.encode(label, forKey: .label)
        try container.encode(goal, forKey: .goal)
        try container.encode(score, forKey: .score)
        try container.encode(holdoutReference, forKey: .holdoutReference)
        try container.encode(breakdown, forKey: .breakdown)
        try container.encode(notes, forKey: .notes)
    }
}

/// What a privacy *guarantee* covers. Empirical measurements never fill it; a differentially
/// private synthesizer's provenance does (epsilon, delta, accountant).
///
/// JSON: `{"statement": "none: empirical measurements only", "epsilon": null, "delta": null,
/// "accountant": null}`.
public struct PrivacyGuarantee: Codable, Sendable, Equatable {
    /// The sentence shown to a person.
    public var statement: String
    /// ε of a differential-privacy guarantee.
    public var epsilon: Double?
    /// δ of a differential-privacy guarantee.
    public var delta: Double?
    /// The accountant that computed ε and δ.
    public var accountant: String?

    /// The statement for evaluations of data without a DP provenance.
    public static let empiricalOnly = PrivacyGuarantee(statement: "none: empirical measurements only", epsilon: nil, delta: nil, accountant: nil)

    /// Creates a guarantee entry.
    public init(statement: String, epsilon: Double?, delta: Double?, accountant: String?) {
        self.statement = statement
        self.epsilon = epsilon
        self.delta = delta
        self.accountant = accountant
    }

    /// Writes every key, `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(statement, forKey: .statement)
        try container.encode(epsilon, forKey: .epsilon)
        try container.encode(delta, forKey: .delta)
        try container.encode(accountant, forKey: .accountant)
    }
}
