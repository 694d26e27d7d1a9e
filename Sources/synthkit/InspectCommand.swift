import ArgumentParser
import SynthKit

/// `synthkit inspect`: infers an editable schema from a CSV file.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Infer a schema (kinds, categories, bounds, missing shares, PII guesses) from a CSV file.",
        discussion: """
            The schema is JSON you can edit: change a column's kind, or declare bounds and category
            domains (mark them "declared"). Pass it to `fit --schema`.

            Examples:
              synthkit inspect adult.csv -o adult.schema.json
              synthkit inspect data.tsv --delimiter '\t' --missing-value '' --missing-value '-'
            """)

    @Argument(help: "The CSV file to inspect.")
    var input: String

    @Option(name: .shortAndLong, help: "Write the schema to this file (default: print it).")
    var output: String?

    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var json: JSONOutputOption
    @Flag(name: .shortAndLong, help: "Print no summary on standard error.")
    var quiet = false

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let table = try csv.readTable(input)
            let schema = SchemaInference.infer(table: table)
            let encoded = try schema.encode()
            if let output {
                try AtomicFile.write(encoded, to: output)
            } else if json.path != "-" {
                StandardStreams.writeOutput(encoded)
                StandardStreams.writeOutput("\n")
            }
            try json.write(schema)
            if !quiet {
                StandardStreams.writeError(SchemaSummary.render(schema, rowCount: table.rowCount, source: input))
                if let output { StandardStreams.writeError("schema written to \(output)") }
            }
        }
    }
}
