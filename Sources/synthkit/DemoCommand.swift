import ArgumentParser
import Foundation
import SynthKit

/// `synthkit demo`: the whole workflow on the bundled Adult table.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fit, sample and evaluate on the bundled UCI Adult table; write everything to a folder.",
        discussion: """
            Splits Adult 80/20 (seeded), infers a schema, fits a Gaussian copula on the 80%,
            samples as many rows, and evaluates them against the training rows with the 20% as
            holdout. Writes schema.json, model.synth, train.csv, holdout.csv, synthetic.csv,
            report.json and report.html.

            Examples:
              swift run -c release synthkit demo
              synthkit demo --output-directory /tmp/demo --seed 3
            """)

    @Option(name: [.customShort("o"), .customLong("output-directory")], help: "Where to write the demo's files.")
    var outputDirectory = "synthkit-demo"

    @OptionGroup var common: CommonOptions
    @OptionGroup var json: JSONOutputOption

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let started = Date()
            let progress = common.progress
            let source = try DemoData.adultCSVPath()
            try DemoFiles.createDirectory(outputDirectory)
            let files = DemoFiles(directory: outputDirectory)
            progress.report(stage: "reading the bundled Adult table", fraction: nil)
            let raw = try CSVReader().read(path: source)
            let seed = Seed(common.seed)
            let (train, holdout) = DemoSplit.split(raw, holdoutShare: 0.2, seed: seed.derived("demo.split"))
            let writer = CSVWriter()
            try writer.write(train, to: files.train)
            try writer.write(holdout, to: files.holdout)

            let schema = SchemaInference.infer(table: train)
            try AtomicFile.write(try schema.encode(), to: files.schema)
            let typed = try train.conforming(to: schema)
            progress.report(stage: "fitting a Gaussian copula on \(train.rowCount) rows", fraction: nil)
            let options = FitOptions(
                seed: seed.derived("demo.fit"), threads: common.threads, progress: progress,
                inputSHA256: try FileFingerprint.sha256(of: files.train))
            let model = try GaussianCopula().fit(typed, schema: schema, options: options)
            try AtomicFile.write(try SynthesizerRegistry.standard.encode(model), to: files.model)

            progress.report(stage: "sampling \(train.rowCount) rows", fraction: nil)
            let synthetic = try model.sample(count: train.rowCount, seed: seed.derived("demo.sample"), threads: common.threads)
            try writer.write(synthetic, schema: schema, to: files.synthetic)

            progress.report(stage: "evaluating", fraction: nil)
            let report = try Evaluator.evaluate(
                real: try CSVReader().read(path: files.train),
                synthetic: try CSVReader().read(path: files.synthetic),
                holdout: try CSVReader().read(path: files.holdout),
                options: EvaluationOptions(seed: seed.derived("demo.evaluate"), threads: common.threads, progress: progress))
            try AtomicFile.write(try JSONCoding.encode(report), to: files.reportJSON)
            try AtomicFile.write(Data(report.renderHTML(title: "SynthKit demo: UCI Adult").utf8), to: files.reportHTML)
            try json.write(report)

            let seconds = NumberFormatting.fixed(Date().timeIntervalSince(started), places: 1)
            StandardStreams.writeOutput(
                "SynthKit demo on UCI Adult (\(train.rowCount) training rows, \(holdout.rowCount) holdout rows) in \(seconds) s\n"
                    + ReportSummary.render(report) + files.listing())
        }
    }
}
