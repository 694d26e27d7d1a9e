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
              synthkit fit adult.csv --synthesizer mst --epsilon 1 --delta 1e-9 -o adult-dp.synth
              synthkit fit adult.csv --synthesizer ctgan --epochs 300 --batch-size 500 -o adult-ctgan.synth

            DP synthesizers (mst, privbayes) need --epsilon; --delta defaults to 1e-9 and may not
            exceed 1/n^1.1 for n rows. Their noise comes from the system's secure generator, so
            --seed is refused unless --insecure-reproducible is also given, which makes the model
            reproducible and NOT PRIVATE (it is labelled so). Bounds and categories count as
            public only when marked "declared" in the schema; otherwise part of the budget pays for them.
            """)

    @Argument(help: "The CSV file to learn from.")
    var input: String

    @Option(help: "A schema file (from `inspect`, possibly edited).")
    var schema: String?

    @Option(help: "A constraints file (JSON, see README 'Constraints'); stored in the model and enforced by `sample`.")
    var constraints: String?

    @Option(name: .shortAndLong, help: "Where to write the model file.")
    var output: String

    @OptionGroup var synthesizerOptions: SynthesizerOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var json: JSONOutputOption
    @OptionGroup var originOption: OriginOption
    @OptionGroup var governance: GovernanceOptions

    func validate() throws {
        try synthesizerOptions.check(explicitSeed: common.explicitSeed)
    }

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
            progress.report(stage: "fitting \(synthesizerOptions.synthesizer.rawValue) on \(table.rowCount) rows", fraction: nil)
            let options = FitOptions(
                seed: Seed(common.seed), threads: common.threads, progress: progress, inputSHA256: inputFingerprint)
            let privacy = try synthesizerOptions.privacySettings(rows: table.rowCount, rowsDescription: "\(table.rowCount) rows")
            let constraintSet = declaredConstraints?.learning(from: table)
            let transformed = ConstraintFile.transforming(
                table, schema: resolvedSchema, constraints: constraintSet, isDifferentiallyPrivate: synthesizerOptions.synthesizer.isDifferentiallyPrivate)
            let fitted = try synthesizerOptions.synthesizer.fit(
                transformed.table, schema: transformed.schema, options: options, privacy: privacy,
                training: synthesizerOptions.training)
            if let record = fitted.model.provenance.privacy {
                progress.report(
                    stage: "privacy: epsilon \(record.epsilon), delta \(record.delta), rho \(record.rho ?? 0) (\(record.accountant))"
                        + (record.testMode ? " -- \(NoiseSource.testModeLabel)" : ""), fraction: nil)
                if record.testMode { StandardStreams.writeError("synthkit: warning: \(NoiseSource.testModeLabel)") }
            }
            inputRecord.rows = table.rowCount
            try recorder.begin(LedgerEntry(fitting: fitted.model.provenance, input: inputRecord, output: output))
            // Salted training-row fingerprints for `sample --reject-copies`; never for DP models (they would leak membership).
            let fingerprinted = fitted.model.provenance.privacy != nil ? fitted.data : try TrainingRowFingerprints(
                fitting: table, schema: resolvedSchema, seed: Seed(common.seed), inputSHA256: inputFingerprint).attaching(to: fitted.data)
            try AtomicFile.write(
                try constraintSet?.attaching(to: fingerprinted, transforms: transformed.transforms, schema: resolvedSchema) ?? fingerprinted,
                to: output)
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
