public import Foundation
public import SynthKitCore
public import SynthKitTable

/// Where a model came from; written into every model file's envelope and the ledger.
///
/// For the same input, seed and hyperparameters everything but ``createdAt`` is identical.
public struct Provenance: Codable, Hashable, Sendable {
    /// The SHA-256 of the input file, when known.
    public var inputSHA256: String?
    /// The fingerprint of the schema the model was fitted with (``Schema/fingerprint``).
    public var schemaHash: String
    /// The fit seed in decimal, or `"secure"` when a DP fit drew from a secure source.
    public var seed: String
    /// The synthesizer family.
    public var synthesizer: SynthesizerKind
    /// The hyperparameters, each top-level field as compact JSON text.
    public var hyperparameters: [String: String]
    /// When the fit finished, ISO 8601 in UTC (`2026-01-31T12:00:00Z`).
    public var createdAt: String
    /// The SynthKit version that fitted the model.
    public var synthkitVersion: String
    /// The privacy spend of a differentially private fit; `nil` for non-private models.
    public var privacy: PrivacyRecord?

    /// Creates a provenance record.
    public init(
        inputSHA256: String?, schemaHash: String, seed: String, synthesizer: SynthesizerKind,
        hyperparameters: [String: String], createdAt: String, synthkitVersion: String = SynthKitVersion.current,
        privacy: PrivacyRecord? = nil
    ) {
        self.inputSHA256 = inputSHA256
        self.schemaHash = schemaHash
        self.seed = seed
        self.synthesizer = synthesizer
        self.hyperparameters = hyperparameters
        self.createdAt = createdAt
        self.synthkitVersion = synthkitVersion
        self.privacy = privacy
    }

    /// The record for a non-private fit of `synthesizer` now.
    public static func fitted<S: Synthesizer>(
        by synthesizer: S, schema: Schema, options: FitOptions, privacy: PrivacyRecord? = nil
    ) -> Provenance {
        Provenance(
            inputSHA256: options.inputSHA256, schemaHash: schema.fingerprint, seed: options.seed.description,
            synthesizer: S.kind, hyperparameters: hyperparameterText(of: synthesizer),
            createdAt: timestamp(Date()), privacy: privacy)
    }

    /// Each top-level field of an encodable configuration as compact, sorted-key JSON text.
    public static func hyperparameterText(of configuration: some Encodable) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        guard let data = try? encoder.encode(configuration),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in object {
            if let text = value as? String {
                result[key] = text
            } else if let nested = try? JSONSerialization.data(
                withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]),
                let text = String(data: nested, encoding: .utf8) {
                result[key] = text
            }
        }
        return result
    }

    /// `date` as ISO 8601 in UTC with whole seconds.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// The privacy spend of a differentially private fit (format reserved for the DP issue).
public struct PrivacyRecord: Codable, Hashable, Sendable {
    /// The total ε of the (ε, δ) guarantee.
    public var epsilon: Double
    /// The δ of the (ε, δ) guarantee.
    public var delta: Double
    /// The zCDP ρ spent, for zCDP-accounted mechanisms.
    public var rho: Double?
    /// The accountant that converted the spends (`"zcdp"`, `"rdp"`).
    public var accountant: String
    /// Each access to the data and what it cost.
    public var spends: [PrivacySpend]
    /// The schema facts used as public because a person declared them (`age.minimum`).
    public var declaredFacts: [String]
    /// Whether noise came from a seeded stream: "not private: reproducible test mode".
    public var testMode: Bool

    /// Creates a privacy record.
    public init(
        epsilon: Double, delta: Double, rho: Double?, accountant: String, spends: [PrivacySpend],
        declaredFacts: [String], testMode: Bool
    ) {
        self.epsilon = epsilon
        self.delta = delta
        self.rho = rho
        self.accountant = accountant
        self.spends = spends
        self.declaredFacts = declaredFacts
        self.testMode = testMode
    }
}

/// One access to private data in a DP fit and its cost.
public struct PrivacySpend: Codable, Hashable, Sendable {
    /// What the access computed (`"bounds(age)"`, `"marginal(age,income)"`).
    public var purpose: String
    /// The zCDP ρ it cost, when zCDP-accounted.
    public var rho: Double?
    /// The ε it cost, when accounted in pure or approximate DP.
    public var epsilon: Double?

    /// Creates a spend.
    public init(purpose: String, rho: Double? = nil, epsilon: Double? = nil) {
        self.purpose = purpose
        self.rho = rho
        self.epsilon = epsilon
    }
}
