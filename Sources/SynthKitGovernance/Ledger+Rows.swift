import Foundation
import GRDB
import SynthKitCore
import SynthKitSynthesis

/// Conversions between ledger rows and values.
extension Ledger {
    static func insert(_ artifact: LedgerArtifact, role: String, position: Int, entry: Int64, database: Database) throws {
        try database.execute(
            sql: """
                INSERT INTO artifact (entryId, role, position, path, sha256, kind, rows, origin, generationDepth, syntheticShare)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry, role, position, artifact.path, artifact.sha256, artifact.kind.rawValue, artifact.rows,
                artifact.facts.origin.rawValue, artifact.facts.generationDepth, artifact.facts.syntheticShare,
            ])
    }

    static func artifact(from row: Row) -> LedgerArtifact {
        let facts = DatasetFacts(
            origin: DataOrigin(rawValue: row["origin"] as String? ?? "") ?? .unknown,
            generationDepth: row["generationDepth"], syntheticShare: row["syntheticShare"])
        return LedgerArtifact(
            path: row["path"] as String? ?? "", sha256: row["sha256"],
            kind: LedgerArtifact.Kind(rawValue: row["kind"] as String? ?? "") ?? .data, rows: row["rows"], facts: facts)
    }

    static func entry(from row: Row, database: Database) throws -> LedgerEntry {
        let id: Int64 = row["id"]
        var entry = LedgerEntry(
            command: row["command"] as String? ?? "",
            synthesizer: row["synthesizer"],
            hyperparameters: try decode([String: String].self, row["hyperparameters"] as String? ?? "{}"),
            seed: row["seed"], schemaHash: row["schemaHash"],
            privacy: try (row["privacy"] as String?).map { text in try decode(PrivacyRecord.self, text) },
            scores: try decode([String: Double].self, row["scores"] as String? ?? "{}"),
            notes: try decode([String].self, row["notes"] as String? ?? "[]"))
        entry.id = id
        entry.status = LedgerEntry.Status(rawValue: row["status"] as String? ?? "") ?? .pending
        entry.createdAt = row["createdAt"] as String? ?? ""
        let artifacts = try Row.fetchAll(
            database, sql: "SELECT * FROM artifact WHERE entryId = ? ORDER BY role, position", arguments: [id])
        for artifactRow in artifacts {
            if (artifactRow["role"] as String?) == "input" {
                entry.inputs.append(artifact(from: artifactRow))
            } else {
                entry.outputs.append(artifact(from: artifactRow))
            }
        }
        return entry
    }

    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try JSONCoding.decoder().decode(type, from: Data(text.utf8))
    }
}
