import ArgumentParser
import Foundation
import SynthKit

/// `synthkit fit`: learns a model from a CSV file and writes a model file.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a synthesizer to a CSV file and write the model.",
        discussion: """
            Without --schema the schema is inferred as `inspect` would. The model file is versioned
            JSON carrying its provenance (input SHA-256, schema hash, seed, hyperparameters).

            Examples:
              synthkit fit adult.csv --synthesizer gaussian-copula --seed 7 -o adult.synth
              synthkit fit adult.csv --schema adult.schema.json -o adult.synth --json fit.json
            """)

    @Argument(help: "The CSV file to learn from.")
    var input: String

    @Option(help: "The synthesizer: \(SynthesizerChoice.allValueStrings.joined(separator: ", ")).")
    var synthesizer: SynthesizerChoice = .gaussianCopula

    @Option(help: "A schema file (from `inspect`, possibly edited).")
    var schema: String?

    @Option(help: "A constraints file (JSON, see README 'Constraints'); stored in the model and enforced by `sample`.")
    var constraints: String?

    @Option(name: .shortAndLong, help: "Where to write the model file.")
    var output: String

    @OptionGroup var common: CommonOptions
    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var json: JSONOutputOption
    @OptionGroup var originOption: OriginOption
    @OptionGroup var governance: GovernanceOptions

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let progress = common.progress
            progress.report(stage: "reading \(input)", fraction: nil)
            let recorder = try governance.recorder(command: "fit")
            defer { recorder.abandonIfUncommitted() }
            var inputRecord = try recorder.data(input, declared: originOption.origin?.origin)
            let inputFingerprint = inputRecord.sha256 ?? ""
            let declared = try schema.map { path throws(SynthKitError) in try Schema.load(path: path) }
            let raw = try csv.readTable(input)
            let resolvedSchema = declared ?? SchemaInference.infer(table: raw)
            if declared != nil { try resolvedSchema.validate(against: raw) }
            let table = try raw.conforming(to: resolvedSchema)
            let declaredConstraints = try constraints.map { path throws(SynthKitError) in
                try ConstraintFile.load(path, schema: resolvedSchema)
            }
            progress.report(stage: "fitting \(synthesizer.rawValue) on \(table.rowCount) rows", fraction: nil)
            let options = FitOptions(
                seed: Seed(common.seed), threads: common.threads, progress: progress, inputSHA256: inputFingerprint)
            let fitted = try synthesizer.fit(table, schema: resolvedSchema, options: options)
            let constraintSet = try declaredConstraints?.learning(from: table)
            inputRecord.rows = table.rowCount
            try recorder.begin(LedgerEntry(fitting: fitted.model.provenance, input: inputRecord, output: output))
            try AtomicFile.write(try constraintSet?.attaching(to: fitted.data) ?? fitted.data, to: output)
            try recorder.commit()
            try json.write(FitOutput(model: output, kind: fitted.model.provenance.synthesizer.rawValue, provenance: fitted.model.provenance))
            progress.report(stage: "model written to \(output)", fraction: nil)
        }
    }
}

/// What `fit --json` writes.
struct FitOutput: Encodable {
    var model: String
    var kind: String
    var provenance: Provenance
}
