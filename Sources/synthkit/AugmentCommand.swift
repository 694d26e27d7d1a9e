import ArgumentParser
import Foundation
import SynthKit

/// `synthkit augment`: appends conditioned synthetic rows of a rare class to a real table.
struct AugmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "augment",
        abstract: "Append synthetic rows of a rare class until it reaches a share.",
        discussion: """
            Reads the real table, finds the least frequent class of --target (or --class), and
            appends rows drawn from the model conditioned on that class (exact for the Gaussian
            copula, bounded rejection for other models; the model's constraints hold) until
            the class makes up --to-share of all rows. Every output row is tagged real or
            synthetic in a provenance column (--origin-column).

            Examples:
              synthkit augment transactions.csv --model tx.synth --target fraud --to-share 0.2 -o augmented.csv
              synthkit augment adult.csv --model adult.synth --target income --class '>50K' --to-share 0.4 -o rich.csv --json report.json
            """)

    @Argument(help: "The real CSV file to augment.")
    var input: String

    @Option(help: "The model file written by `fit` on this kind of data.")
    var model: String

    @Option(help: "The column whose class is augmented.")
    var target: String

    @Option(help: "The share of all output rows the class should reach, strictly between 0 and 1.")
    var toShare: Double

    @Option(name: .customLong("class"), help: "The class to augment (default: the least frequent one).")
    var targetClass: String?

    @Option(help: "The provenance column added to the output (values real, synthetic).")
    var originColumn: String = "synthkit_origin"

    @Option(name: .shortAndLong, help: "Where to write the augmented CSV (default: <input>.augmented.csv).")
    var output: String?

    @OptionGroup var common: CommonOptions
    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var json: JSONOutputOption
    @OptionGroup var originOption: OriginOption
    @OptionGroup var governance: GovernanceOptions

    func validate() throws {
        guard toShare > 0, toShare < 1 else { throw ValidationError("--to-share must lie strictly between 0 and 1, got \(toShare)") }
        guard !originColumn.isEmpty else { throw ValidationError("--origin-column must not be empty") }
    }

    /// The output path: `-o`, else the input with `.augmented.csv`.
    var outputPath: String {
        output ?? ((input as NSString).deletingPathExtension + ".augmented.csv")
    }

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let progress = common.progress
            let (loaded, constraints) = try ConstraintFile.model(model)
            let recorder = try governance.recorder(command: "augment")
            defer { recorder.abandonIfUncommitted() }
            let raw = try csv.readTable(input)
            let table = try raw.conforming(to: loaded.schema)
            let augmentation = Augmentation(targetColumn: target, targetShare: toShare, targetClass: targetClass, originColumn: originColumn)
            let plan = try augmentation.plan(for: table)
            progress.report(stage: "adding \(plan.syntheticRows) synthetic '\(plan.targetClass)' rows to \(table.rowCount) real rows", fraction: nil)
            let result = try augmentation.augment(
                table, model: loaded, constraints: constraints, seed: Seed(common.seed),
                options: ConditioningOptions(threads: common.threads))
            let path = outputPath
            let inputRecord = try recorder.data(input, declared: originOption.origin?.origin, rows: table.rowCount)
            let modelRecord = try recorder.model(model, provenance: loaded.provenance)
            let facts = DatasetFacts.mixing([(inputRecord.facts, table.rowCount), (modelRecord.facts.sampled(), result.producedRows)])
            try recorder.begin(
                LedgerEntry(
                    command: "augment", synthesizer: loaded.provenance.synthesizer.rawValue,
                    hyperparameters: loaded.provenance.hyperparameters, seed: String(common.seed),
                    schemaHash: loaded.provenance.schemaHash, privacy: loaded.provenance.privacy,
                    notes: ["\(result.producedRows) synthetic '\(plan.targetClass)' rows of \(target) appended to \(table.rowCount) real rows"],
                    inputs: [inputRecord, modelRecord],
                    outputs: [LedgerArtifact(path: path, sha256: nil, kind: .data, rows: result.table.rowCount, facts: facts)]))
            try CSVWriter().write(result.table, schema: loaded.schema, to: path)
            try recorder.commit()
            let report = AugmentOutput(result, output: path, seed: common.seed)
            progress.report(
                stage: "wrote \(result.table.rowCount) rows to \(path): '\(plan.targetClass)' share "
                    + "\(String(format: "%.4f", report.shareBefore)) -> \(String(format: "%.4f", report.shareAfter))",
                fraction: nil)
            try json.write(report)
        }
    }
}

/// What `augment --json` writes.
struct AugmentOutput: Encodable {
    var output: String
    var seed: UInt64
    var target: String
    var targetClass: String
    var targetShare: Double
    var method: String
    var realRows: Int
    var plannedSyntheticRows: Int
    var syntheticRows: Int
    var rows: Int
    var shareBefore: Double
    var shareAfter: Double
    var classCountsBefore: [String: Int]
    var classCountsAfter: [String: Int]

    init(_ result: AugmentationResult, output: String, seed: UInt64) {
        self.output = output
        self.seed = seed
        target = result.plan.targetColumn
        targetClass = result.plan.targetClass
        targetShare = result.plan.targetShare
        method = result.method.rawValue
        realRows = result.plan.realRows
        plannedSyntheticRows = result.plan.syntheticRows
        syntheticRows = result.producedRows
        rows = result.table.rowCount
        shareBefore = result.plan.shareBefore
        shareAfter = result.plan.shareAfter(produced: result.producedRows)
        classCountsBefore = result.plan.classCountsBefore
        classCountsAfter = result.classCountsAfter
    }
}
