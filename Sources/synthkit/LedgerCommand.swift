import ArgumentParser
import Foundation
import SynthKit

/// `synthkit ledger`: what was generated from what, under which settings.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Show the provenance ledger: entries, their lineage, and datasheets.",
        discussion: """
            Every fit, sample, evaluate and mix records an entry: input and output SHA-256
            fingerprints, schema hash, synthesizer and hyperparameters, seed, privacy spend, scores,
            generation depth (real data 0; rows sampled from a model fitted on depth-k data: k+1) and
            synthetic share. The ledger is --ledger, else $SYNTHKIT_LEDGER, else ~/.synthkit/ledger.sqlite.

            Examples:
              synthkit ledger list
              synthkit ledger show 4 --json -
              synthkit ledger lineage 7 --format dot | dot -Tsvg > lineage.svg
            """,
        subcommands: [LedgerListCommand.self, LedgerShowCommand.self, LedgerLineageCommand.self, LedgerDatasheetCommand.self])
}

/// `synthkit ledger list`.
struct LedgerListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every entry, oldest first; pending entries are flagged as orphans.")

    @OptionGroup var governance: GovernanceOptions
    @OptionGroup var json: JSONOutputOption

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let entries = try governance.openLedger().entries()
            try json.write(entries)
            guard json.path != "-" else { return }
            var text = ""
            for entry in entries {
                text += LedgerText.line(entry) + "\n"
                if entry.status == .pending {
                    text += "    orphan: pending (its command was interrupted or is still running); outputs without manifests: "
                        + entry.outputs.map(\.path).joined(separator: ", ") + "\n"
                }
            }
            StandardStreams.writeOutput(text.isEmpty ? "the ledger is empty\n" : text)
        }
    }
}

/// `synthkit ledger show ID`.
struct LedgerShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one entry in full.")

    @Argument(help: "The entry identifier (from `ledger list`).")
    var id: Int64

    @OptionGroup var governance: GovernanceOptions
    @OptionGroup var json: JSONOutputOption

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let entry = try governance.openLedger().entry(id)
            try json.write(entry)
            if json.path != "-" { StandardStreams.writeOutput(LedgerText.detail(entry)) }
        }
    }
}

/// `synthkit ledger lineage ID`.
struct LedgerLineageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage", abstract: "Show the entries and source files an entry descends from.")

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, dot }

    @Argument(help: "The entry identifier.")
    var id: Int64

    @Option(help: "text (an indented tree) or dot (Graphviz).")
    var format: Format = .text

    @OptionGroup var governance: GovernanceOptions
    @OptionGroup var json: JSONOutputOption

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let lineage = try governance.openLedger().lineage(of: id)
            try json.write(lineage)
            if json.path != "-" {
                StandardStreams.writeOutput(format == .dot ? lineage.renderDot() : lineage.renderText())
            }
        }
    }
}
