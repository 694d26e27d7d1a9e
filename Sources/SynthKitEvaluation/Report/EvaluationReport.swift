public import SynthKitCore

/// The result of ``Evaluator/evaluate(real:synthetic:holdout:options:)``: what `synthkit evaluate
/// --json` writes.
///
/// Shape (stable names, sorted keys): `{"formatVersion": 1, "sdmetricsCompatible": {…},
/// "holdoutReference": {…} | null, "privacy": {…} | null, "rows": {…}, "synthkitVersion": "…"}`.
/// Later issues add sibling keys (`fidelity`, `diversity`, `utility`, …); readers ignore keys
/// they do not know.
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
        case formatVersion, sdmetricsCompatible, holdoutReference, privacy, rows, synthkitVersion
    }

    /// The version of this format this code writes.
    public static let currentFormatVersion = 1

    /// The format version (1).
    public var formatVersion: Int
    /// SDMetrics QualityReport numbers of synthetic vs real.
    public var sdmetricsCompatible: SDMetricsQualityResult
    /// The same numbers for the real holdout vs the real training rows: the ceiling a synthetic
    /// score is read against (present when a holdout was given).
    public var holdoutReference: SDMetricsQualityResult?
    /// Exact copies and distances to closest records (absent when privacy figures were not asked for).
    public var privacy: PrivacyFigures?
    /// Row counts.
    public var rows: RowCounts
    /// The SynthKit version that wrote the report.
    public var synthkitVersion: String

    /// Creates a report.
    public init(
        sdmetricsCompatible: SDMetricsQualityResult, holdoutReference: SDMetricsQualityResult?, privacy: PrivacyFigures?,
        rows: RowCounts, synthkitVersion: String = SynthKitVersion.current
    ) {
        self.formatVersion = Self.currentFormatVersion
        self.sdmetricsCompatible = sdmetricsCompatible
        self.holdoutReference = holdoutReference
        self.privacy = privacy
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
        privacy = try container.decodeIfPresent(PrivacyFigures.self, forKey: .privacy)
        rows = try container.decode(RowCounts.self, forKey: .rows)
        synthkitVersion = try container.decode(String.self, forKey: .synthkitVersion)
    }

    /// Writes every key, `null` for absent sections.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(sdmetricsCompatible, forKey: .sdmetricsCompatible)
        try container.encode(holdoutReference, forKey: .holdoutReference)
        try container.encode(privacy, forKey: .privacy)
        try container.encode(rows, forKey: .rows)
        try container.encode(synthkitVersion, forKey: .synthkitVersion)
    }
}
