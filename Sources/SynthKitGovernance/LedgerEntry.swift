import Foundation
public import SynthKitSynthesis

/// One recorded command: what it read, what it wrote, with which settings, and what came out.
///
/// An entry is inserted `pending` before its output is written and marked `committed` after the
/// output and its manifest are in place; a pending entry that stays pending is an orphan (the
/// command was interrupted) and `ledger list` flags it.
public struct LedgerEntry: Codable, Sendable, Hashable {
    /// The prefix of notes that carry an evaluation report's warnings into the ledger; datasheets
    /// list them as known limitations.
    public static let evaluationWarningPrefix = "warning: "

    /// The state of an entry in the write protocol.
    public enum Status: String, Codable, Sendable, Hashable {
        /// Recorded before the output was written; the command has not finished.
        case pending
        /// The output and its manifest are in place.
        case committed
    }

    /// The ledger's identifier (assigned on insertion).
    public var id: Int64
    /// The command that made the entry (`fit`, `sample`, `evaluate`, `mix`).
    public var command: String
    /// Pending or committed.
    public var status: Status
    /// When the entry was begun, ISO 8601 UTC.
    public var createdAt: String
    /// The synthesizer family, for fits and samples.
    public var synthesizer: String?
    /// Hyperparameters, each top-level field as compact JSON text.
    public var hyperparameters: [String: String]
    /// The seed in decimal (or `"secure"`).
    public var seed: String?
    /// The fingerprint of the schema used.
    public var schemaHash: String?
    /// The privacy spend of a DP fit, or `nil`.
    public var privacy: PrivacyRecord?
    /// Summary scores (`quality.overall`, `privacy.exactCopyShare`, ...).
    public var scores: [String: Double]
    /// Free-form facts worth keeping (`rows=5000`, `caps: share<=0.3`).
    public var notes: [String]
    /// The files read.
    public var inputs: [LedgerArtifact]
    /// The files written (fingerprints are filled in on commit).
    public var outputs: [LedgerArtifact]

    /// Creates an entry; `id` and `status` are set by ``Ledger/begin(_:)``.
    public init(
        command: String, synthesizer: String? = nil, hyperparameters: [String: String] = [:], seed: String? = nil,
        schemaHash: String? = nil, privacy: PrivacyRecord? = nil, scores: [String: Double] = [:],
        notes: [String] = [], inputs: [LedgerArtifact] = [], outputs: [LedgerArtifact] = []
    ) {
        self.id = 0
        self.command = command
        self.status = .pending
        self.createdAt = Provenance.timestamp(.now)
        self.synthesizer = synthesizer
        self.hyperparameters = hyperparameters
        self.seed = seed
        self.schemaHash = schemaHash
        self.privacy = privacy
        self.scores = scores
        self.notes = notes
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The facts of the entry's first data or model output (what lineage and mixing use).
    public var outputFacts: DatasetFacts? {
        outputs.first { $0.kind != .report }.map(\.facts)
    }
}

/// A file an entry read or wrote.
public struct LedgerArtifact: Codable, Sendable, Hashable {
    /// What kind of file it is.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// A table (CSV).
        case data
        /// A model file.
        case model
        /// An evaluation report or other derived document.
        case report
    }

    /// The path as the user named it.
    public var path: String
    /// The hex SHA-256 of the content (`nil` for an output not yet written).
    public var sha256: String?
    /// The kind of file.
    public var kind: Kind
    /// Row count, for tables.
    public var rows: Int?
    /// Origin, depth and share (for a model: those of its training data).
    public var facts: DatasetFacts

    /// Creates an artifact record.
    public init(path: String, sha256: String?, kind: Kind, rows: Int? = nil, facts: DatasetFacts) {
        self.path = path
        self.sha256 = sha256
        self.kind = kind
        self.rows = rows
        self.facts = facts
    }
}
