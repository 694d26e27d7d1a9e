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
            categories and Gini-Simpson diversity, and fidelity to the real table.

            --filter-watermarked watermarks every sample and removes recognised rows before each refit
            (replace, which has no real rows to keep, runs unfiltered).

            Examples:
              synthkit collapse --data adult.csv --workflows replace,accumulate,fresh-mix:500:500 --generations 20 --repeats 8 -o collapse.html
              synthkit collapse --data adult.csv --workflows replace,fresh-mix:500:500 --filter-watermarked -o defence.html --json -
            """)

    @Option(help: "The real CSV file.")
    var data: String

    @Option(help: "A schema file (from `inspect`); inferred when omitted.")
    var schema: String?

    @Option(help: "The synthesizer: \(SynthesizerChoice.allValueStrings.joined(separator: ", ")).")
    var synthesizer: SynthesizerChoice = .gaussianCopula

    @Option(help: "Comma-separated workflows: replace, accumulate, accumulate-subsample, fresh-mix:REAL:SYN.")
    var workflows: String = "replace,accumulate,accumulate-subsample"

    @Option(help: "Refits per repeat.")
    var generations: Int = 20

    @Option(help: "Rows sampled per generation (fresh-mix uses its own counts).")
    var rowsPerGeneration: Int = 1000

    @Option(help: "Independent repeats per workflow (run in parallel).")
    var repeats: Int = 8

    @Flag(help: "Watermark samples and remove recognised rows before each refit.")
    var filterWatermarked = false

    @Option(name: .shortAndLong, help: "Where to write the HTML report.")
    var output: String

    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var json: JSONOutputOption

    func validate() throws {
        guard generations >= 1 else { throw ValidationError("--generations must be at least 1, got \(generations)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard rowsPerGeneration >= 2 else { throw ValidationError("--rows-per-generation must be at least 2, got \(rowsPerGeneration)") }
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
            guard synthesizer == .gaussianCopula else {
                throw SynthKitError(.unsupported, "collapse runs gaussian-copula only so far", location: .init(field: "synthesizer"))
            }
            let experiment = CollapseExperiment(
                synthesizer: GaussianCopula(), schema: resolvedSchema, workflows: parsed, generations: generations,
                rowsPerGeneration: rowsPerGeneration, repeats: repeats)
            let report = try experiment.run(
                real: table, seed: seed, threads: common.threads, filteringWith: watermark, progress: common.progress)
            try AtomicFile.write(Data(report.renderHTML().utf8), to: output)
            try json.write(report)
            guard json.path != "-" else { return }
            var text = ""
            for workflow in report.workflows {
                text += "\(workflow.workflow):\n" + workflow.summary.map { "  \($0)\n" }.joined()
            }
            StandardStreams.writeOutput(text + "wrote \(output)\n")
        }
    }
}
