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
            --batch-size or --threads (row i is always drawn from the same random stream; with
            constraints, from fixed blocks of rows of their own streams).

            Examples:
              synthkit sample adult.synth --rows 50000 --seed 7 -o synthetic.csv
              synthkit sample adult.synth --rows 10000000 -o big.csv
              synthkit sample adult.synth --rows 10000 --condition 'income=>50K' --condition 'sex=Female' -o rich-women.csv
              synthkit sample adult.synth --conditions known.csv -o completed.csv
              synthkit sample adult.synth --rows 10000 --rebalance sex=uniform -o balanced.csv
              synthkit sample adult.synth --rows 10000 --rebalance 'race=White:0.4,Black:0.3,Other:0.3' -o rebalanced.csv

            --condition col=value splits at the first '=' and fixes col in every row (exact for the
            Gaussian copula, bounded rejection for other models). --conditions fixes the columns of
            each row of a CSV file and generates the rest, one output row per input row.
            --rebalance col=uniform or col=value:share,... gives a categorical column a target
            distribution (exact to one row, by largest remainder) while the other columns keep
            their conditional distribution given it. Constraints stored in the model hold in
            conditioned rows too; a condition contradicting one is an error naming both.
            """)

    @Argument(help: "The model file written by `fit`.")
    var model: String

    @Option(help: "How many rows to draw (not needed with --conditions).")
    var rows: Int?

    @Option(name: .customLong("condition"), help: "Fix a column value in every row: col=value (repeatable).")
    var conditions: [String] = []

    @Option(name: .customLong("conditions"), help: "A CSV file of known column values, one output row per row.")
    var conditionsFile: String?

    @Option(help: "Target distribution of a categorical column: col=uniform or col=value:share,value:share.")
    var rebalance: String?

    @Flag(help: "Allow conditioning on values never seen in training (written as given).")
    var allowUnseen = false

    @Flag(help: "Same input value in a pii column (e.g. from --conditions) -> the same fake value throughout this output.")
    var consistentPii = false

    @Option(help: "Rows sharing a value of this column get the same fake values in every pii column.")
    var piiKey: String?

    @OptionGroup var csv: CSVInputOptions

    @Option(help: "Rows per batch held in memory at once.")
    var batchSize: Int = 100_000

    @Option(help: "Watermark the rows with this key (after constraints, which are re-checked).")
    var watermarkKeyFile: String?

    @Option(help: "The watermark scheme: auto (green-list when a numerical column is eligible, else selection), green-list, selection.")
    var watermarkScheme: WatermarkScheme = .auto

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
        if rebalance != nil && (conditionsFile != nil || rows == nil) {
            throw ValidationError("--rebalance needs --rows and cannot be combined with --conditions")
        }
        if consistentPii && piiKey != nil { throw ValidationError("give --consistent-pii or --pii-key, not both") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
        if rejectCopies && (!conditions.isEmpty || conditionsFile != nil || rebalance != nil) {
            throw ValidationError("--reject-copies does not combine with --condition, --conditions or --rebalance")
        }
    }

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let progress = common.progress
            let (loaded, constraints) = try ConstraintFile.model(model)
            let seed = Seed(common.seed)
            let conditioning = ConditionalSamplingRun(
                assignments: conditions, conditionsFile: conditionsFile, rows: rows, allowsUnseen: allowUnseen, rebalance: rebalance)
            let watermarkKey = try watermarkKeyFile.map { (path: String) throws(SynthKitError) in try WatermarkKey.load(path: path) }
            let recorder = try governance.recorder(command: "sample")
            defer { recorder.abandonIfUncommitted() }
            recorder.watermarkKeyIdentifier = watermarkKey?.identifier
            let modelRecord = try recorder.model(model, provenance: loaded.provenance)
            var watermarkNote: String?
            func entry(rows: Int) -> LedgerEntry {
                var entry = LedgerEntry(sampling: loaded.provenance, model: modelRecord, seed: common.seed, rows: rows, output: output)
                if let watermarkNote { entry.notes.append(watermarkNote) }
                return entry
            }
            if conditioning.isRequested {
                var (drawn, report) = try conditioning.sample(
                    loaded, constraints: constraints, seed: seed, threads: common.threads, reader: csv.reader)
                var marked = FakeValueGenerator().filling(
                    drawn, schema: loaded.schema, seed: seed.derived("pii"), offset: 0, consistency: piiConsistency)
                if let watermarkKey {
                    let excluded = try conditioning.conditionedColumns(reader: csv.reader)
                    let marking = SampleWatermarking(
                        key: watermarkKey, requested: watermarkScheme, pilot: drawn, schema: loaded.schema, excluding: excluded)
                    if marking.scheme == .selection {
                        guard conditionsFile == nil else {
                            throw SynthKitError(
                                .unsupported, "the selection watermark cannot mark rows completed from --conditions (one row each); "
                                    + "mark with --condition, or give an eligible numerical column", location: .init(field: "watermark-scheme"))
                        }
                        var widened = conditioning
                        widened.rows = (rows ?? 0) * marking.candidatesPerRow
                        (drawn, report) = try widened.sample(
                            loaded, constraints: constraints, seed: seed, threads: common.threads, reader: csv.reader)
                    }
                    let faked = FakeValueGenerator().filling(
                        drawn, schema: loaded.schema, seed: seed.derived("pii"), offset: 0, consistency: piiConsistency)
                    marked = try marking.finish(faked, schema: loaded.schema, constraints: constraints, excluding: excluded)
                    report.requestedRows = rows ?? marked.rowCount
                    report.producedRows = marked.rowCount
                    watermarkNote = marking.note
                }
                try recorder.begin(entry(rows: marked.rowCount))
                try AtomicFile.write(to: output) { handle throws(SynthKitError) in
                    try CSVWriter().writeHeader(loaded.schema.columnNames, to: handle, path: output)
                    try CSVWriter().appendRows(of: marked, schema: loaded.schema, to: handle, path: output)
                }
                try recorder.commit()
                progress.report(stage: "wrote \(report.producedRows) of \(report.requestedRows) conditioned rows (\(report.method)) to \(output)", fraction: nil)
                try json.write(SampleOutput(output: output, rows: report.producedRows, seed: common.seed, model: model, conditioning: report))
                return
            }
            let rows = rows ?? 0
            let copyFilter = rejectCopies ? try TrainingRowFingerprints.load(modelFile: model) : nil
            var rejectedCopies = 0
            let marking = try watermarkKey.map { (key: WatermarkKey) throws(SynthKitError) in
                SampleWatermarking(
                    key: key, requested: watermarkScheme,
                    pilot: try loaded.sample(rows: 0..<min(rows, 2000), seed: seed, threads: common.threads), schema: loaded.schema,
                    excluding: [])
            }
            watermarkNote = marking?.note
            let candidates = marking?.candidatesPerRow ?? 1
            let writer = CSVWriter()
            let batches = (rows + batchSize - 1) / batchSize
            try recorder.begin(entry(rows: rows))
            try AtomicFile.write(to: output) { handle throws(SynthKitError) in
                let constrained = ConstrainedRowStream(constraints: constraints, model: loaded, seed: seed, threads: common.threads)
                try writer.writeHeader(loaded.schema.columnNames, to: handle, path: output)
                for batch in 0..<batches {
                    let start = batch * batchSize
                    let count = min(batchSize, rows - start)
                    progress.report(stage: "sampling \(rows) rows", fraction: Double(start) / Double(max(rows, 1)))
                    let drawn = constraints.constraints.isEmpty
                        ? try loaded.sample(rows: (candidates * start)..<(candidates * (start + count)), seed: seed, threads: common.threads)
                        : try constrained.next(candidates * count)
                    let filtered = try copyFilter?.replacingCopies(
                        in: drawn, firstRow: candidates * start, model: loaded, constraints: constraints, seed: seed, threads: common.threads)
                    rejectedCopies += filtered?.rejected ?? 0
                    let faked = FakeValueGenerator().filling(
                        filtered?.table ?? drawn, schema: loaded.schema, seed: seed.derived("pii"), offset: candidates * start,
                        consistency: piiConsistency)
                    let marked = try marking?.finish(faked, schema: loaded.schema, constraints: constraints, excluding: []) ?? faked
                    try writer.appendRows(of: marked, schema: loaded.schema, to: handle, path: output)
                }
            }
            try recorder.commit()
            progress.report(stage: "wrote \(rows) rows to \(output)" + (rejectCopies ? "; \(rejectedCopies) copies of training rows redrawn" : ""), fraction: nil)
            try json.write(SampleOutput(output: output, rows: rows, seed: common.seed, model: model, rejectedCopies: rejectCopies ? rejectedCopies : nil))
        }
    }
}

extension SampleCommand {
    /// How fake PII values relate within this output.
    var piiConsistency: PIIConsistency {
        if let piiKey { return .perKey(piiKey) }
        return consistentPii ? .perValue : .perRow
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
