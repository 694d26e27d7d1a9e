public import SynthKitCore

/// The result of ``Evaluator/evaluate(real:synthetic:holdout:options:)``: what `synthkit evaluate
/// --json` writes.
///
/// Shape (format version 2; stable names, sorted keys):
/// ```
/// {"formatVersion": 2,
///  "sdmetricsCompatible": {…}, "holdoutReference": {…} | null,   // SDMetrics 0.32.0 numbers (v1)
///  "privacyFigures": {…} | null,          // exact copies and Gower DCR (v1's "privacy" block)
///  "fidelity": Family, "diversity": Family, "utility": Family, "detectability": Family,
///  "privacy": Family + {"guarantee": {"statement": "none: empirical measurements only", …}},
///  "fairness": Family,
///  "warnings": ["12 synthetic rows are exact copies of training rows", …],
///  "plots": {…} | null, "rows": {…}, "synthkitVersion": "…"}
/// Family = {"score": x | null, "holdoutCeiling": x | null, "verdict": "…", "notes": […],
///           "metrics": [{"metric", "label", "goal", "score", "holdoutReference", "breakdown", "notes"}]}
/// ```
/// SynthKit-mode families are `null` only in reports read from format version 1. Readers ignore
/// keys they do not know. See ``FamilyReport``, ``FamilyMetric``, ``PrivacyGuarantee``, ``ReportPlots``.
public struct EvaluationReport: Codable, Sendable, Equatable {
    /// Row counts of the evaluated tables.
    public struct RowCounts: Codable, Sendable, Equatable {
        /// Real (training) rows.
        public var real: Int
        /// Synthetic rows.
        public var synthetic: Int
        /// Holdout rows, when a holdout was given.
        public var holdout: Int?

        /// Creates row counts.
        public init(real: Int, synthetic: Int, holdout: Int?) {
            self.real = real
            self.synthetic = synthetic
            self.holdout = holdout
        }

        /// Writes every key, `null` without a holdout.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(real, forKey: .real)
            try container.encode(synthetic, forKey: .synthetic)
            try container.encode(holdout, forKey: .holdout)
        }
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion, sdmetricsCompatible, holdoutReference, privacyFigures, rows, synthkitVersion
        case fidelity, diversity, utility, detectability, privacy, fairness, warnings, plots
    }

    /// The version of this format this code writes (2 added the SynthKit-mode families and moved
    /// version 1's `privacy` block to `privacyFigures`).
    public static let currentFormatVersion = 2

    /// The format version.
    public var formatVersion: Int
    /// SDMetrics QualityReport numbers of synthetic vs real.
    public var sdmetricsCompatible: SDMetricsQualityResult
    /// The same numbers for the real holdout vs the real training rows: the ceiling a synthetic
    /// score is read against (present when a holdout was given).
    public var holdoutReference: SDMetricsQualityResult?
    /// Exact copies and distances to closest records (absent when privacy figures were not asked for).
    public var privacyFigures: PrivacyFigures?
    /// SynthKit-mode fidelity (real-edge bins, missing values assessed, holdout ceiling).
    public var fidelity: FamilyReport?
    /// Rare categories, tails, precision/recall/density/coverage.
    public var diversity: FamilyReport?
    /// Train-synthetic-test-real vs train-real-test-real on the target.
    public var utility: FamilyReport?
    /// How well a classifier tells synthetic rows from real ones.
    public var detectability: FamilyReport?
    /// Empirical privacy measurements, with the reserved `guarantee` entry.
    public var privacy: FamilyReport?
    /// Demographic parity of the target across the sensitive column.
    public var fairness: FamilyReport?
    /// Problems in words, most important first.
    public var warnings: [String]
    /// Data behind the HTML charts.
    public var plots: ReportPlots?
    /// Row counts.
    public var rows: RowCounts
    /// The SynthKit version that wrote the report.
    public var synthkitVersion: String

    /// Creates a report.
    public init(
        sdmetricsCompatible: SDMetricsQualityResult, holdoutReference: SDMetricsQualityResult?, privacyFigures: PrivacyFigures?,
        rows: RowCounts, synthkitVersion: String = SynthKitVersion.current
    ) {
        self.formatVersion = Self.currentFormatVersion
        self.sdmetricsCompatible = sdmetricsCompatible
        self.holdoutReference = holdoutReference
        self.privacyFigures = privacyFigures
        self.warnings = []
        self.rows = rows
        self.synthkitVersion = synthkitVersion
    }

    /// Reads a report, refusing a newer format version.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard formatVersion <= Self.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "evaluation report format version \(formatVersion) is newer than this SynthKit reads (\(Self.currentFormatVersion)); upgrade SynthKit")
        }
        sdmetricsCompatible = try container.decode(SDMetricsQualityResult.self, forKey: .sdmetricsCompatible)
        holdoutReference = try container.decodeIfPresent(SDMetricsQualityResult.self, forKey: .holdoutReference)
        if formatVersion == 1 {
            privacyFigures = try container.decodeIfPresent(PrivacyFigures.self, forKey: .privacy)
            privacy = nil
        } else {
            privacyFigures = try container.decodeIfPresent(PrivacyFigures.self, forKey: .privacyFigures)
            privacy = try container.decodeIfPresent(FamilyReport.self, forKey: .privacy)
        }
        fidelity = try container.decodeIfPresent(FamilyReport.self, forKey: .fidelity)
        diversity = try container.decodeIfPresent(FamilyReport.self, forKey: .diversity)
        utility = try container.decodeIfPresent(FamilyReport.self, forKey: .utility)
        detectability = try container.decodeIfPresent(FamilyReport.self, forKey: .detectability)
        fairness = try container.decodeIfPresent(FamilyReport.self, forKey: .fairness)
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
        plots = try container.decodeIfPresent(ReportPlots.self, forKey: .plots)
        rows = try container.decode(RowCounts.self, forKey: .rows)
        synthkitVersion = try container.decode(String.self, forKey: .synthkitVersion)
    }

    /// Writes every key, `null` for absent sections.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(sdmetricsCompatible, forKey: .sdmetricsCompatible)
        try container.encode(holdoutReference, forKey: .holdoutReference)
        try container.encode(privacyFigures, forKey: .privacyFigures)
        try container.encode(fidelity, forKey: .fidelity)
        try container.encode(diversity, forKey: .diversity)
        try container.encode(utility, forKey: .utility)
        try container.encode(detectability, forKey: .detectability)
        try container.encode(privacy, forKey: .privacy)
        try container.encode(fairness, forKey: .fairness)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(plots, forKey: .plots)
        try container.encode(rows, forKey: .rows)
        try container.encode(synthkitVersion, forKey: .synthkitVersion)
    }
}
