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
              synthkit fit adult.csv --synthesizer ctgan --epochs 300 --batch-size 500 -o adult-ctgan.synth
            """)

    @Argument(help: "The CSV file to learn from.")
    var input: String

    @Option(help: "The synthesizer: \(SynthesizerChoice.allValueStrings.joined(separator: ", ")).")
    var synthesizer: SynthesizerChoice = .gaussianCopula

    @Option(help: "Training epochs for ctgan and tvae (default 300).")
    var epochs: Int?

    @Option(help: "Rows per training batch for ctgan and tvae (default 500; a multiple of 10 for ctgan).")
    var batchSize: Int?

    @Option(help: "A schema file (from `inspect`, possibly edited).")
    var schema: String?

    @Option(help: "A constraints file (JSON, see README 'Constraints'); stored in the model and enforced by `sample`.")
    var constraints: String?

    @Option(name: .shortAndLong, help: "Where to write the model file.")
    var output: String

    @OptionGroup var common: CommonOptions
    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var json: JSONOutputOption

    func validate() throws {
        if (epochs != nil || batchSize != nil) && synthesizer == .gaussianCopula {
            throw ValidationError("--epochs and --batch-size apply to ctgan and tvae only")
        }
        if let epochs, epochs < 0 { throw ValidationError("--epochs must be zero or more, got \(epochs)") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
    }

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let progress = common.progress
            progress.report(stage: "reading \(input)", fraction: nil)
            let inputFingerprint = try FileFingerprint.sha256(of: input)
            let declared = try schema.map { path throws(SynthKitError) in try Schema.load(path: path) }
            let raw = try csv.readTable(input)
            let resolvedSchema = declared ?? SchemaInference.infer(table: raw)
            if declared != nil { try resolvedSchema.validate(against: raw) }
            let table = try raw.conforming(to: resolvedSchema)
            progress.report(stage: "fitting \(synthesizer.rawValue) on \(table.rowCount) rows", fraction: nil)
            let options = FitOptions(
                seed: Seed(common.seed), threads: common.threads, progress: progress, inputSHA256: inputFingerprint)
            let fitted = try synthesizer.fit(
                table, schema: resolvedSchema, options: options,
                training: SynthesizerChoice.Training(epochs: epochs, batchSize: batchSize))
            let constraintSet = try constraints.map { path throws(SynthKitError) in
                try ConstraintFile.load(path, schema: resolvedSchema).learning(from: table)
            }
            try AtomicFile.write(try constraintSet?.attaching(to: fitted.data) ?? fitted.data, to: output)
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
