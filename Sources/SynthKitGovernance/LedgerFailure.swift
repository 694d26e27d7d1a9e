import Foundation
import GRDB
import SynthKitCore

/// Turns SQLite failures into located ``SynthKitError``s with a recovery hint.
enum LedgerFailure {
    /// What to do when the ledger file is damaged; no data is deleted on the user's behalf.
    static func recoveryHint(_ path: String) -> String {
        "the ledger is not a readable SQLite database. Nothing was changed. To recover: keep a copy "
            + "(cp '\(path)' '\(path).damaged'), try `sqlite3 '\(path)' .recover | sqlite3 '\(path).recovered'` "
            + "and point --ledger (or SYNTHKIT_LEDGER) at the recovered file; or move the damaged file aside to "
            + "start a new, empty ledger"
    }

    /// The SynthKit error for an error thrown while using the ledger at `path`.
    static func map(_ error: any Error, path: String, doing action: String) -> SynthKitError {
        if let error = error as? SynthKitError { return error }
        guard let database = error as? DatabaseError else {
            return SynthKitError(.io, "cannot \(action) the ledger", location: .init(file: path), underlying: error)
        }
        switch database.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return SynthKitError(.corruptArchive, recoveryHint(path), location: .init(file: path), underlying: database)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return SynthKitError(
                .io, "the ledger stayed locked by another process for too long while trying to \(action) it; retry",
                location: .init(file: path), underlying: database)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return SynthKitError(
                .io, "cannot open the ledger to \(action) it; check the directory exists and is writable, "
                    + "or choose another file with --ledger / SYNTHKIT_LEDGER",
                location: .init(file: path), underlying: database)
        default:
            return SynthKitError(.io, "cannot \(action) the ledger", location: .init(file: path), underlying: database)
        }
    }
}
