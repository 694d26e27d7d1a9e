public import Foundation
import GRDB
public import SynthKitCore
import SynthKitSynthesis

/// The provenance ledger: one SQLite file (WAL mode) recording every fit, sample, evaluation and mix.
///
/// Several processes may write at once: each write is one immediate transaction and a writer
/// waits up to ``busyTimeout`` for another's lock. The schema is migrated on open; a file written
/// by a newer SynthKit, or one that is not a SQLite database, is refused with a clear error and a
/// recovery hint (the file is never rewritten or replaced).
///
/// Write protocol of a command with outputs: ``begin(_:)`` (entry `pending`, with its planned
/// outputs) -> write outputs atomically -> write manifests -> ``commit(_:outputs:scores:)``.
public final class Ledger: Sendable {
    /// How long a writer waits for another process's lock.
    public static let busyTimeout: TimeInterval = 30

    /// The ledger file.
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) the ledger at `path` and brings its schema up to date.
    /// - Throws: `.corruptArchive` with a recovery hint for a damaged file, `.unsupported` for a
    ///   ledger from a newer SynthKit, `.io` when the file cannot be created or opened.
    public init(path: String) throws(SynthKitError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw SynthKitError(.io, "cannot create the ledger's directory", location: .init(file: directory), underlying: error)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "synthkit-ledger"
        var opened: DatabasePool?
        do {
            try Self.whileHoldingMigrationLock(path: path) {
                let candidate = try Self.openPool(path: path, configuration: configuration)
                let migrator = LedgerSchema.migrator
                if try candidate.read({ database in try migrator.hasBeenSuperseded(database) }) {
                    throw SynthKitError(
                        .unsupported,
                        "this ledger was written by a newer SynthKit (it has schema migrations this build "
                            + "(\(SynthKitVersion.current)) does not know); upgrade SynthKit or use another ledger with --ledger",
                        location: .init(file: path))
                }
                try migrator.migrate(candidate)
                opened = candidate
            }
        } catch {
            throw LedgerFailure.map(error, path: path, doing: "open")
        }
        guard let opened else {
            throw SynthKitError(.internalFailure, "the ledger was not opened", location: .init(file: path))
        }
        pool = opened
    }

    /// Runs `body` holding an exclusive `flock` on `<ledger>.lock`, so two processes opening a new
    /// ledger at once neither race to switch it to WAL nor both apply the same migration.
    private static func whileHoldingMigrationLock(path: String, _ body: () throws -> Void) throws {
        let descriptor = open(path + ".lock", O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw SynthKitError(
                .io, "cannot create the ledger's lock file: \(String(cString: strerror(errno)))", location: .init(file: path + ".lock"))
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw SynthKitError(.io, "cannot lock the ledger: \(String(cString: strerror(errno)))", location: .init(file: path + ".lock"))
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        try body()
    }

    /// Opens the pool, retrying briefly when another process is creating the same file.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 50 {
                attempt += 1
                usleep(100_000)
            }
        }
    }

    /// Records `entry` as pending with its inputs and planned outputs; returns its identifier.
    public func begin(_ entry: LedgerEntry) throws(SynthKitError) -> Int64 {
        do {
            return try pool.write { database in
                try database.execute(
                    sql: """
                        INSERT INTO entry (command, status, createdAt, synthesizer, hyperparameters, seed, schemaHash,
                                           privacy, scores, notes, processIdentifier)
                        VALUES (?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        entry.command, entry.createdAt, entry.synthesizer, try Self.text(entry.hyperparameters),
                        entry.seed, entry.schemaHash, try entry.privacy.map(Self.text), try Self.text(entry.scores),
                        try Self.text(entry.notes), Int64(ProcessInfo.processInfo.processIdentifier),
                    ])
                let id = database.lastInsertedRowID
                for (position, input) in entry.inputs.enumerated() {
                    try Self.insert(input, role: "input", position: position, entry: id, database: database)
                }
                for (position, output) in entry.outputs.enumerated() {
                    try Self.insert(output, role: "output", position: position, entry: id, database: database)
                }
                return id
            }
        } catch {
            throw LedgerFailure.map(error, path: path, doing: "record an entry in")
        }
    }

    /// Marks entry `id` committed, replacing its outputs with the written ones (with fingerprints)
    /// and merging `scores`.
    public func commit(_ id: Int64, outputs: [LedgerArtifact], scores: [String: Double] = [:]) throws(SynthKitError) {
        do {
            try pool.write { database in
                guard let row = try Row.fetchOne(database, sql: "SELECT scores FROM entry WHERE id = ?", arguments: [id]) else {
                    throw SynthKitError(.notFound, "ledger entry \(id) does not exist", location: .init(file: path))
                }
                var merged = try Self.decode([String: Double].self, row["scores"] as String? ?? "{}")
                merged.merge(scores) { _, new in new }
                try database.execute(sql: "DELETE FROM artifact WHERE entryId = ? AND role = 'output'", arguments: [id])
                for (position, output) in outputs.enumerated() {
                    try Self.insert(output, role: "output", position: position, entry: id, database: database)
                }
                try database.execute(
                    sql: "UPDATE entry SET status = 'committed', committedAt = ?, scores = ? WHERE id = ?",
                    arguments: [Provenance.timestamp(.now), try Self.text(merged), id])
            }
        } catch {
            throw LedgerFailure.map(error, path: path, doing: "commit an entry to")
        }
    }

    /// Deletes entry `id` if it is still pending (its command failed before committing); a
    /// committed entry is never removed.
    public func abandon(_ id: Int64) throws(SynthKitError) {
        do {
            try pool.write { database in
                try database.execute(sql: "DELETE FROM entry WHERE id = ? AND status = 'pending'", arguments: [id])
            }
        } catch {
            throw LedgerFailure.map(error, path: path, doing: "update")
        }
    }

    /// Every entry, oldest first.
    public func entries() throws(SynthKitError) -> [LedgerEntry] {
        do {
            return try pool.read { database in
                try Row.fetchAll(database, sql: "SELECT * FROM entry ORDER BY id").map { row in
                    try Self.entry(from: row, database: database)
                }
            }
        } catch {
            throw LedgerFailure.map(error, path: path, doing: "read")
        }
    }

    /// The entry with identifier `id`.
    /// - Throws: `.notFound` when there is none.
    public func entry(_ id: Int64) throws(SynthKitError) -> LedgerEntry {
        let found: LedgerEntry?
        do {
            found = try pool.read { database in
                try Row.fetchOne(database, sql: "SELECT * FROM entry WHERE id = ?", arguments: [id]).map { row in
                    try Self.entry(from: row, database: database)
                }
            }
        } catch {
            throw LedgerFailure.map(error, path: path, doing: "read")
        }
        guard let found else {
            throw SynthKitError(.notFound, "the ledger has no entry \(id); see `synthkit ledger list`", location: .init(file: path))
        }
        return found
    }

    /// What the ledger knows about content with fingerprint `sha256` written by a committed entry
    /// as `kind` (the newest such record), or `nil`.
    public func facts(of sha256: String, kind: LedgerArtifact.Kind) throws(SynthKitError) -> DatasetFacts? {
        do {
            return try pool.read { database in
                let row = try Row.fetchOne(
                    database,
                    sql: """
                        SELECT artifact.* FROM artifact JOIN entry ON entry.id = artifact.entryId
                        WHERE artifact.sha256 = ? AND artifact.kind = ? AND entry.status = 'committed'
                              AND artifact.origin != 'unknown'
                        ORDER BY (artifact.role = 'output') DESC, entry.id DESC LIMIT 1
                        """,
                    arguments: [sha256, kind.rawValue])
                return row.map { row in
                    var facts = Self.artifact(from: row).facts
                    if (row["role"] as String?) == "output" { facts.producedBy = row["entryId"] }
                    return facts
                }
            }
        } catch {
            throw LedgerFailure.map(error, path: path, doing: "read")
        }
    }

    /// The newest committed entry that wrote content with fingerprint `sha256`, if any.
    public func producer(of sha256: String) throws(SynthKitError) -> Int64? {
        do {
            return try pool.read { database in
                try Int64.fetchOne(
                    database,
                    sql: """
                        SELECT entry.id FROM artifact JOIN entry ON entry.id = artifact.entryId
                        WHERE artifact.sha256 = ? AND artifact.role = 'output' AND entry.status = 'committed'
                        ORDER BY entry.id DESC LIMIT 1
                        """,
                    arguments: [sha256])
            }
        } catch {
            throw LedgerFailure.map(error, path: path, doing: "read")
        }
    }
}
