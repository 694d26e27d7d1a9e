import ArgumentParser
import Foundation
import SynthKit

/// `synthkit verify`: checks a file against its signed manifest.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a file against its signed manifest (<file>.manifest.json).",
        discussion: """
            The signature is checked with --public-key only when given, else with every *.pub key in
            ~/.synthkit/keys/ (or $SYNTHKIT_HOME/keys/): never with a key carried in the manifest.
            Says exactly what does not match: file changed, manifest edited, wrong key, no manifest.
            Exits 0 when the file verifies, 1 when it does not.

            Examples:
              synthkit verify synthetic.csv
              synthkit verify synthetic.csv --public-key alice.pub --json -
            """)

    @Argument(help: "The file to verify.")
    var file: String

    @Option(help: "Trust only this Ed25519 public key (base64 file).")
    var publicKey: String?

    @OptionGroup var json: JSONOutputOption

    func run() throws {
        var verified = false
        try runReportingErrors { () throws(SynthKitError) in
            let outcome = try ManifestVerifier.verify(
                file: file, publicKey: publicKey, keysDirectory: LedgerLocation.keysDirectory)
            try json.write(outcome)
            verified = outcome.verified
            guard json.path != "-" else { return }
            if outcome.verified {
                let entry = outcome.manifest?.ledgerEntry.map { ", ledger entry \($0)" } ?? ""
                let watermark = outcome.manifest?.watermarkKeyIdentifier.map { ", watermarked with key \($0)" } ?? ""
                StandardStreams.writeOutput("\(file): verified (key \(outcome.verifiedBy ?? "?")\(entry)\(watermark))\n")
            } else {
                StandardStreams.writeOutput(
                    "\(file): NOT verified\n" + outcome.problems.map { "  - \($0)\n" }.joined())
            }
        }
        if !verified { throw ExitCode(1) }
    }
}
