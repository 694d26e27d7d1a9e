import ArgumentParser
import Foundation
import SynthKit

/// `synthkit sample`: draws synthetic rows from a model file into a CSV file.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw synthetic rows from a model file.",
        discussion: """
            Rows are drawn in batches (--batch-size) and streamed to the output, so memory stays
            bounded for any --rows. The output depends only on the model, --rows and --seed: not on
            --batch-size or --threads (row i is always drawn from the same random stream).

            Examples:
              synthkit sample adult.synth --rows 50000 --seed 7 -o synthetic.csv
              synthkit sample adult.synth --rows 10000000 -o big.csv
              synthkit sample adult.synth --rows 10000 --condition 'income=>50K' --condition 'sex=Female' -o rich-women.csv
              synthkit sample adult.synth --conditions known.csv -o completed.csv

            --condition col=value splits at the first '=' and fixes col in every row (exact for the
            Gaussian copula, bounded rejection for other models). --conditions fixes the columns of
            each row of a CSV file and generates the rest, one output row per input row.
            """)

    @Argument(help: "The model file written by `fit`.")
    var model: String

    @Option(help: "How many rows to draw (not needed with --conditions).")
    var rows: Int?

    @Option(name: .customLong("condition"), help: "Fix a column value in every row: col=value (repeatable).")
    var conditions: [String] = []

    @Option(name: .customLong("conditions"), help: "A CSV file of known column values, one output row per row.")
    var conditionsFile: String?

    @Flag(help: "Allow conditioning on values never seen in training (written as given).")
    var allowUnseen = false

    @OptionGroup var csv: CSVInputOptions

    @Option(help: "Rows per batch held in memory at once.")
    var batchSize: Int = 100_000

    @Option(help: "Watermark eligible numerical cells with this key (after constraints, which are re-checked).")
    var watermarkKeyFile: String?

    @Flag(help: "Redraw rows identical to a training row (salted fingerprints stored by `fit`) and report how many.")
    var rejectCopies = false

    @Option(name: .shortAndLong, help: "Where to write the synthetic CSV.")
    var output: String

    @OptionGroup var common: CommonOptions
    @OptionGroup var json: JSONOutputOption
    @OptionGroup var governance: GovernanceOptions

    func validate() throws {
        guard rows != nil || conditionsFile != nil else { throw ValidationError("give --rows (or --conditions FILE)") }
        if let rows, rows < 0 { throw ValidationError("--rows must be zero or more, got \(rows)") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
        if rejectCopies && (!conditions.isEmpty || conditionsFile != nil) { throw ValidationError("--reject-copies does not combine with --condition/--conditions") }
    }

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let progress = common.progress
            let loaded = try ModelFile.load(model)
            let seed = Seed(common.seed)
            let conditioning = ConditionalSamplingRun(
                assignments: conditions, conditionsFile: conditionsFile, rows: rows, allowsUnseen: allowUnseen)
            if conditioning.isRequested {
                let (drawn, report) = try conditioning.sample(loaded, seed: seed, threads: common.threads, reader: csv.reader)
                try AtomicFile.write(to: output) { handle throws(SynthKitError) in
                    try CSVWriter().writeHeader(loaded.schema.columnNames, to: handle, path: output)
                    try CSVWriter().appendRows(of: drawn, schema: loaded.schema, to: handle, path: output)
                }
                progress.report(stage: "wrote \(report.producedRows) of \(report.requestedRows) conditioned rows (\(report.method)) to \(output)", fraction: nil)
                try json.write(SampleOutput(output: output, rows: report.producedRows, seed: common.seed, model: model, conditioning: report))
                return
            }
            let rows = rows ?? 0
            let constraints = try ConstraintFile.stored(in: model, schema: loaded.schema)
            let copyFilter = rejectCopies ? try TrainingRowFingerprints.load(modelFile: model) : nil
            var rejectedCopies = 0
            let watermark = try watermarkKeyFile.map { (path: String) throws(SynthKitError) in GreenListWatermark(key: try WatermarkKey.load(path: path)) }
            let writer = CSVWriter()
            let batches = (rows + batchSize - 1) / batchSize
            let recorder = try governance.recorder(command: "sample")
            defer { recorder.abandonIfUncommitted() }
            let modelRecord = try recorder.model(model, provenance: loaded.provenance)
            try recorder.begin(LedgerEntry(sampling: loaded.provenance, model: modelRecord, seed: common.seed, rows: rows, output: output))
            try AtomicFile.write(to: output) { handle throws(SynthKitError) in
                try writer.writeHeader(loaded.schema.columnNames, to: handle, path: output)
                for batch in 0..<batches {
                    let start = batch * batchSize
                    let count = min(batchSize, rows - start)
                    progress.report(stage: "sampling \(rows) rows", fraction: Double(start) / Double(max(rows, 1)))
                    let drawn = constraints.constraints.isEmpty
                        ? try loaded.sample(rows: start..<(start + count), seed: seed, threads: common.threads)
                        : try constraints.enforce(
                            sampling: loaded, rowCount: count, seed: seed.derived("sample.batch", index: batch), threads: common.threads)
                    let filtered = try copyFilter?.replacingCopies(
                        in: drawn, model: loaded, constraints: constraints, seed: seed.derived("sample.batch", index: batch), threads: common.threads)
                    rejectedCopies += filtered?.rejected ?? 0
                    let faked = FakeValueGenerator().filling(filtered?.table ?? drawn, schema: loaded.schema, seed: seed.derived("pii"), offset: start)
                    let marked = watermark?.marking(faked, schema: loaded.schema, constraints: constraints) ?? faked
                    try writer.appendRows(of: marked, schema: loaded.schema, to: handle, path: output)
                }
            }
            try recorder.commit()
            progress.report(stage: "wrote \(rows) rows to \(output)" + (rejectCopies ? "; \(rejectedCopies) copies of training rows redrawn" : ""), fraction: nil)
            try json.write(SampleOutput(output: output, rows: rows, seed: common.seed, model: model, rejectedCopies: rejectCopies ? rejectedCopies : nil))
        }
    }
}

/// What `sample --json` writes.
struct SampleOutput: Encodable {
    var output: String
    var rows: Int
    var seed: UInt64
    var model: String
    var conditioning: ConditionalSampleOutput?
    var rejectedCopies: Int?
}
