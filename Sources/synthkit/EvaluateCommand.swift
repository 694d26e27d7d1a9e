import ArgumentParser
import Foundation
import SynthKit

/// `synthkit evaluate`: scores synthetic rows against the real rows they imitate.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score synthetic rows against real rows: fidelity, diversity, utility, detectability, privacy, fairness.",
        discussion: """
            Columns are typed as SDMetrics would be told by pandas (numbers -> numerical, anything
            else -> categorical) unless --sdv-metadata gives an SDV metadata JSON. With --holdout
            (real rows the synthesizer never saw) the report adds the real-vs-real ceiling and the
            share of synthetic rows closer to training than to holdout rows.

            Examples:
              synthkit evaluate --real train.csv --synthetic synthetic.csv -o report.html
              synthkit evaluate --real train.csv --synthetic synthetic.csv --holdout holdout.csv --json report.json
              synthkit evaluate --real train.csv --synthetic dp.csv --model dp.synth -o report.html
              synthkit evaluate --real train.csv --synthetic synthetic.csv --holdout holdout.csv --target income --sensitive sex -o report.html
            """)

    @Option(help: "The real (training) CSV file.")
    var real: String

    @Option(help: "The synthetic CSV file.")
    var synthetic: String

    @Option(help: "Real rows held out from training (CSV).")
    var holdout: String?

    @Option(help: "An SDV metadata JSON file typing the columns.")
    var sdvMetadata: String?

    @Option(help: "The column to predict for utility (train on synthetic, test on the holdout) and fairness.")
    var target: String?

    @Option(help: "The group column for fairness (demographic parity of --target across its groups).")
    var sensitive: String?

    @Option(name: .shortAndLong, help: "Write the HTML report to this file.")
    var output: String?

    @Option(help: "The model file that produced the synthetic rows: its DP guarantee (if any) goes into the report.")
    var model: String?

    @OptionGroup var common: CommonOptions
    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var json: JSONOutputOption
    @OptionGroup var governance: GovernanceOptions

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let progress = common.progress
            progress.report(stage: "reading tables", fraction: nil)
            let realTable = try readInput(real, role: "real")
            let syntheticTable = try readInput(synthetic, role: "synthetic")
            let holdoutTable = try holdout.map { path throws(SynthKitError) in try readInput(path, role: "holdout") }
            let metadata = try sdvMetadata.map { path throws(SynthKitError) in try SDVMetadata.load(path: path) }
            try checkColumns(real: realTable, synthetic: syntheticTable, holdout: holdoutTable, metadata: metadata)
            let options = EvaluationOptions(
                metadata: metadata, seed: Seed(common.seed), threads: common.threads, progress: progress,
                target: target, sensitive: sensitive)
            let provenance = try model.map { path throws(SynthKitError) in try ModelFile.load(path).provenance }
            let evaluated = try Evaluator.evaluate(
                real: realTable, synthetic: syntheticTable, holdout: holdoutTable, options: options)
            let report = provenance.map { evaluated.applyingGuarantee(of: $0) } ?? evaluated
            let recorder = try governance.recorder(command: "evaluate")
            defer { recorder.abandonIfUncommitted() }
            let inputs = try [real, synthetic].map { path throws(SynthKitError) in try recorder.data(path) }
                + (holdout.map { path throws(SynthKitError) in [try recorder.data(path)] } ?? [])
            try recorder.begin(LedgerEntry(evaluating: report, inputs: inputs, outputs: [output, json.path].compactMap { $0 }.filter { $0 != "-" }))
            if let output {
                try AtomicFile.write(Data(report.renderHTML().utf8), to: output)
            }
            try json.write(report)
            try recorder.commit()
            if json.path != "-" { StandardStreams.writeOutput(ReportSummary.render(report)) }
        }
    }
}

extension EvaluateCommand {
    /// Reads one input file, refusing a file with a header but no data rows with the file and its
    /// role named (there is nothing to evaluate).
    func readInput(_ path: String, role: String) throws(SynthKitError) -> Table {
        var reader = csv.reader
        reader.options.allowsHeaderOnly = true
        let table = try reader.read(path: path)
        guard table.rowCount > 0 else {
            throw SynthKitError(
                .invalidInput, "the \(role) file has a header but no data rows: there is nothing to evaluate", location: .init(file: path))
        }
        return table
    }

    /// Throws, with every problem located at its file and column, when the synthetic or holdout
    /// file's columns are not the real file's, when a column numeric in the real file holds a
    /// non-numeric value there (unless `--sdv-metadata` types it otherwise), or when `--target` or
    /// `--sensitive` names a column the real file lacks.
    func checkColumns(real realTable: Table, synthetic syntheticTable: Table, holdout holdoutTable: Table?, metadata: SDVMetadata?) throws(SynthKitError) {
        var problems: [SynthKitError] = []
        var others = [(syntheticTable, synthetic, "synthetic")]
        if let holdoutTable, let holdout { others.append((holdoutTable, holdout, "holdout")) }
        for (table, path, role) in others {
            for name in realTable.columnNames where table[name] == nil {
                problems.append(SynthKitError(
                    .invalidInput, "the \(role) file lacks column '\(name)' of the real file \(real)", location: .init(file: path, column: name)))
            }
            for name in table.columnNames where realTable[name] == nil {
                problems.append(SynthKitError(
                    .invalidInput, "column '\(name)' of the \(role) file is not in the real file \(real)", location: .init(file: path, column: name)))
            }
            for name in realTable.columnNames {
                guard realTable[name]?.numbers != nil, let column = table[name], column.numbers == nil,
                      metadata?.columns[name].map({ $0.sdtype == "numerical" }) ?? true,
                      let row = (0..<column.count).first(where: { column.text(at: $0).map { Double($0) == nil } ?? false })
                else { continue }
                problems.append(SynthKitError(
                    .invalidInput,
                    "column '\(name)' is numeric in the real file \(real) but the \(role) file has the non-numeric value "
                        + "'\(column.text(at: row) ?? "")' in data row \(row + 1)",
                    location: .init(file: path, column: name)))
            }
        }
        for (role, name) in [("target", target), ("sensitive", sensitive)] {
            guard let name, realTable[name] == nil else { continue }
            problems.append(SynthKitError(
                .invalidInput, "the \(role) column '\(name)' is not in the real table (columns: \(realTable.columnNames.joined(separator: ", ")))",
                location: .init(file: real, column: name)))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }
}
