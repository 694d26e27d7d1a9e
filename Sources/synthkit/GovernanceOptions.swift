import ArgumentParser
import SynthKit

/// Where commands record their ledger entries and how they sign manifests.
struct GovernanceOptions: ParsableArguments {
    @Option(help: "The ledger file (default: $SYNTHKIT_LEDGER, else ~/.synthkit/ledger.sqlite).")
    var ledger: String?

    @Option(help: "Ed25519 private key (base64) signing output manifests (default: ~/.synthkit/keys/signing.key, created on first use).")
    var signingKey: String?

    /// Opens the ledger these options name.
    func openLedger() throws(SynthKitError) -> Ledger {
        try Ledger(path: LedgerLocation.ledgerPath(explicit: ledger))
    }

    /// Opens the ledger and returns a recorder for one command.
    func recorder(command: String) throws(SynthKitError) -> LedgerRecorder {
        LedgerRecorder(ledger: try openLedger(), command: command, signingKey: signingKey)
    }
}

/// `--origin real|synthetic`: what a data file is when the ledger does not know it.
struct OriginOption: ParsableArguments {
    @Option(help: "Declare the input's origin when the ledger does not know it: real or synthetic.")
    var origin: DeclaredOrigin?
}

/// The values `--origin` accepts.
enum DeclaredOrigin: String, ExpressibleByArgument, CaseIterable {
    case real, synthetic

    /// The ledger's origin value.
    var origin: DataOrigin { self == .real ? .real : .synthetic }
}
