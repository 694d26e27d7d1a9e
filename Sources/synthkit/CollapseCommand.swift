import ArgumentParser
import Foundation
import SynthKit

/// `synthkit collapse`: recursive train-sample loops on a real table, measured per generation.
struct CollapseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collapse",
        abstract: "Measure model collapse: refit a synthesizer on its own output, generation after generation.",
        discussion: """
            Each workflow starts from a random subsample of the real table and refits the synthesizer
            every generation: replace (synthetic rows only), accumulate (all rows so far),
            accumulate-subsample (a subsample of all rows so far) or fresh-mix:REAL:SYN (fresh real rows
            plus synthetic rows). Per generation it records, as medians across repeats, each numerical
            column's variance ratio, mean drift, tail mass beyond the real 1st/99th percentiles and
            Wasserstein-1 distance to the real column, each categorical column's surviving and rare
            categories and Gini-Simpson diversity, and fidelity to the real table. With --target, 20% of
            the real rows are held out and each generation's synthetic rows train a model of the target
            (gradient-boosted trees, AUC, for a category; ridge regression, R², for a number) tested on them.

            The run is recorded in the ledger (input fingerprint, settings, last-generation fidelity and
            utility, the summary) and the reports get signed manifests, as `evaluate` does.

            --filter-watermarked watermarks every sample and removes recognised rows before each refit
            (replace, which has no real rows to keep, runs unfiltered).

            Any synthesizer `fit` knows can be refitted: ctgan and tvae take --epochs and --batch-size
            (few epochs keep a many-generation run affordable); mst and privbayes need --epsilon, spent
            afresh by every generation's fit, and refuse --seed unless --insecure-reproducible is given.

            Examples:
              synthkit collapse --data adult.csv --workflows replace,accumulate,fresh-mix:500:500 --generations 20 --repeats 8 -o collapse.html
              synthkit collapse --data adult.csv --target income --generations 10 -o collapse.html --json collapse.json
              synthkit collapse --data adult.csv --synthesizer tvae --epochs 20 --generations 5 --repeats 2 -o tvae-collapse.html
              synthkit collapse --data adult.csv --workflows replace,fresh-mix:500:500 --filter-watermarked -o defence.html --json -
            """)

    @Option(help: "The real CSV file.")
    var data: String

    @Option(help: "A schema file (from `inspect`); inferred when omitted.")
    var schema: String?

    @Option(help: "Comma-separated workflows: replace, accumulate, accumulate-subsample, fresh-mix:REAL:SYN.")
    var workflows: String = "replace,accumulate,accumulate-subsample"

    @Option(help: "Refits per repeat.")
    var generations: Int = 20

    @Option(help: "Rows sampled per generation (fresh-mix uses its own counts).")
    var rowsPerGeneration: Int = 1000

    @Option(help: "Independent repeats per workflow (run in parallel).")
    var repeats: Int = 8

    @Option(help: "Measure train-synthetic-test-real utility of this column per generation (20% of real rows held out).")
    var target: String?

    @Flag(help: "Watermark samples and remove recognised rows before each refit.")
    var filterWatermarked = false

    @Option(name: .shortAndLong, help: "Where to write the HTML report.")
    var output: String

    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var synthesizerOptions: SynthesizerOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var json: JSONOutputOption
    @OptionGroup var governance: GovernanceOptions

    func validate() throws {
        guard generations >= 1 else { throw ValidationError("--generations must be at least 1, got \(generations)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard rowsPerGeneration >= 2 else { throw ValidationError("--rows-per-generation must be at least 2, got \(rowsPerGeneration)") }
        try synthesizerOptions.check(explicitSeed: common.explicitSeed)
    }

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let parsed = try workflows.split(separator: ",").map { (text: Substring) throws(SynthKitError) in
                try CollapseWorkflow(parsing: String(text))
            }
            let raw = try csv.readTable(data)
            let declared = try schema.map { path throws(SynthKitError) in try Schema.load(path: path) }
            let resolvedSchema = declared ?? SchemaInference.infer(table: raw)
            if declared != nil { try resolvedSchema.validate(against: raw) }
            let table = try raw.conforming(to: resolvedSchema)
            let seed = Seed(common.seed)
            let watermark = filterWatermarked ? GreenListWatermark(key: WatermarkKey.derived(from: seed)) : nil
            let privacy = try privacySettings(workflows: parsed)
            let configuration = try synthesizerOptions.synthesizer.configuration(
                privacy: privacy, training: synthesizerOptions.training)
            if synthesizerOptions.insecureReproducible { StandardStreams.writeError("synthkit: warning: \(NoiseSource.testModeLabel)") }
            let recorder = try governance.recorder(command: "collapse")
            defer { recorder.abandonIfUncommitted() }
            let input = try recorder.data(data, rows: table.rowCount)
            let report = try experiment(
                configuration, schema: resolvedSchema, workflows: parsed, real: table, seed: seed, watermark: watermark)
            try recorder.begin(LedgerEntry(
                collapsing: report, hyperparameters: Provenance.hyperparameterText(of: configuration), input: input,
                outputs: [output, json.path].compactMap { $0 }.filter { $0 != "-" }))
            try AtomicFile.write(Data(report.renderHTML().utf8), to: output)
            try json.write(report)
            try recorder.commit()
            guard json.path != "-" else { return }
            var text = ""
            for workflow in report.workflows {
                text += "\(workflow.workflow):\n" + workflow.summary.map { "  \($0)\n" }.joined()
            }
            StandardStreams.writeOutput(text + "wrote \(output)\n")
        }
    }

    /// The DP settings, with δ checked against the largest training set of any generation
    /// (δ ≤ 1/n^1.1, as `fit` checks it).
    func privacySettings(workflows: [CollapseWorkflow]) throws(SynthKitError) -> SynthesizerChoice.PrivacySettings? {
        guard synthesizerOptions.synthesizer.isDifferentiallyPrivate else { return nil }
        let largest = workflows.map { workflow -> Int in
            switch workflow {
            case .accumulate: rowsPerGeneration * generations
            case .replace, .accumulateSubsample: rowsPerGeneration
            case .freshMix(let real, let synthetic): real + synthetic
            }
        }.max() ?? rowsPerGeneration
        return try synthesizerOptions.privacySettings(rows: largest, rowsDescription: "training sets of up to \(largest) rows")
    }

    /// Runs the experiment for a concrete synthesizer type (opened from the chosen configuration).
    func experiment<Configuration: Synthesizer>(
        _ configuration: Configuration, schema: Schema, workflows: [CollapseWorkflow], real: Table, seed: Seed,
        watermark: GreenListWatermark?
    ) throws(SynthKitError) -> CollapseReport {
        let experiment = CollapseExperiment(
            synthesizer: configuration, schema: schema, workflows: workflows, generations: generations,
            rowsPerGeneration: rowsPerGeneration, repeats: repeats)
        return try experiment.run(
            real: real, seed: seed, threads: common.threads, target: target, filteringWith: watermark, progress: common.progress)
    }
}
