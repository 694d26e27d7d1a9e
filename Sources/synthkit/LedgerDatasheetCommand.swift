import ArgumentParser
import Foundation
import SynthKit

/// `synthkit ledger datasheet ID`.
struct LedgerDatasheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasheet",
        abstract: "Write a datasheet (Markdown, and JSON with PROV/Croissant-RAI names) for an entry's output.",
        discussion: """
            Examples:
              synthkit ledger datasheet 4 -o datasheet.md
              synthkit ledger datasheet 4 -o datasheet.md --json datasheet.json
            """)

    @Argument(help: "The entry identifier (from `ledger list`).")
    var id: Int64

    @Option(name: .shortAndLong, help: "Where to write the Markdown datasheet ('-' for standard output).")
    var output: String = "-"

    @OptionGroup var governance: GovernanceOptions
    @OptionGroup var json: JSONOutputOption

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let datasheet = try Datasheet(ledger: try governance.openLedger(), entry: id)
            let markdown = datasheet.renderMarkdown()
            if output == "-" {
                StandardStreams.writeOutput(markdown)
            } else {
                try AtomicFile.write(Data(markdown.utf8), to: output)
            }
            try json.write(datasheet.jsonLD)
        }
    }
}
