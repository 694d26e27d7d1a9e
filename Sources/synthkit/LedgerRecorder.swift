import Foundation
import SynthKit

/// Records one command in the ledger: resolve inputs, begin (pending), then after the outputs
/// are written atomically, sign their manifests and commit.
final class LedgerRecorder {
    let ledger: Ledger
    let command: String
    let signingKey: String?
    /// The identifier of the watermark key a command marked its data outputs with, if any;
    /// written into their manifests.
    var watermarkKeyIdentifier: String?
    private(set) var entryIdentifier: Int64?
    private var entry: LedgerEntry?
    private var committed = false

    init(ledger: Ledger, command: String, signingKey: String?) {
        self.ledger = ledger
        self.command = command
        self.signingKey = signingKey
    }

    /// The fingerprint and ledger facts of a data input (a ledger hit overrides `declared`).
    func data(_ path: String, declared: DataOrigin? = nil, rows: Int? = nil) throws(SynthKitError) -> LedgerArtifact {
        let sha256 = try FileFingerprint.sha256(of: path)
        let facts = try ledger.resolve(sha256: sha256, declared: declared, file: path)
        return LedgerArtifact(path: path, sha256: sha256, kind: .data, rows: rows, facts: facts)
    }

    /// The fingerprint and facts of a model input: the ledger's record of the model, else of the
    /// data its provenance names, else unknown.
    func model(_ path: String, provenance: Provenance) throws(SynthKitError) -> LedgerArtifact {
        let sha256 = try FileFingerprint.sha256(of: path)
        var facts = try ledger.facts(of: sha256, kind: .model)
        if facts == nil, let input = provenance.inputSHA256 { facts = try ledger.facts(of: input, kind: .data) }
        return LedgerArtifact(path: path, sha256: sha256, kind: .model, facts: facts ?? .declared(nil))
    }

    /// Records the entry as pending; call before writing any output.
    func begin(_ draft: LedgerEntry) throws(SynthKitError) {
        var draft = draft
        draft.command = command
        entryIdentifier = try ledger.begin(draft)
        entry = draft
    }

    /// Removes the entry if it was begun but not committed (the command failed with an error;
    /// an interrupted or killed command leaves it pending, and `ledger list` flags it).
    func abandonIfUncommitted() {
        guard let entryIdentifier, !committed else { return }
        try? ledger.abandon(entryIdentifier)
    }

    /// Fingerprints the planned outputs that exist, writes their signed manifests, and commits.
    func commit(scores: [String: Double] = [:]) throws(SynthKitError) {
        guard let entryIdentifier, let entry else {
            throw SynthKitError(.internalFailure, "the \(command) command committed a ledger entry it had not begun")
        }
        var written: [LedgerArtifact] = []
        let generator = "synthkit \(command)" + (entry.synthesizer.map { " (\($0))" } ?? "")
        for var output in entry.outputs where FileManager.default.fileExists(atPath: output.path) {
            let sha256 = try FileFingerprint.sha256(of: output.path)
            output.sha256 = sha256
            let lineage = Manifest.Lineage(
                origin: output.facts.origin, generationDepth: output.facts.generationDepth,
                syntheticShare: output.facts.syntheticShare, derivedFrom: entry.inputs.compactMap(\.sha256))
            try Manifest.write(
                for: output.path, kind: output.kind, sha256: sha256, ledgerEntry: entryIdentifier, generator: generator,
                lineage: lineage, privacy: entry.privacy, signingKey: signingKey, keysDirectory: LedgerLocation.keysDirectory,
                watermarkKeyIdentifier: output.kind == .data ? watermarkKeyIdentifier : nil)
            written.append(output)
        }
        try ledger.commit(entryIdentifier, outputs: written, scores: scores)
        committed = true
    }
}
