import Foundation
import SynthKitCore

/// Where SynthKit keeps its ledger and keys.
///
/// The home directory is `$SYNTHKIT_HOME` when set, else `~/.synthkit`. The ledger is the
/// explicit path given (`--ledger`), else `$SYNTHKIT_LEDGER`, else `<home>/ledger.sqlite`; keys
/// live in `<home>/keys/`.
public enum LedgerLocation {
    /// The environment variable naming the ledger file.
    public static let ledgerVariable = "SYNTHKIT_LEDGER"
    /// The environment variable naming SynthKit's home directory.
    public static let homeVariable = "SYNTHKIT_HOME"

    /// SynthKit's home directory.
    public static var home: String {
        if let home = ProcessEnvironment.value(of: homeVariable), !home.isEmpty { return home }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".synthkit").path
    }

    /// The ledger path: `explicit`, else `$SYNTHKIT_LEDGER`, else `<home>/ledger.sqlite`.
    public static func ledgerPath(explicit: String?) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let variable = ProcessEnvironment.value(of: ledgerVariable), !variable.isEmpty { return variable }
        return (home as NSString).appendingPathComponent("ledger.sqlite")
    }

    /// The directory holding signing and trusted public keys.
    public static var keysDirectory: String {
        (home as NSString).appendingPathComponent("keys")
    }
}
