import ArgumentParser
import Foundation
import SynthKit

/// `synthkit mix`: a training set of real and synthetic rows within caps on synthetic share and depth.
struct MixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mix",
        abstract: "Build a training set from real and synthetic CSV files within a synthetic-share cap.",
        discussion: """
            The ledger's record of a file (by SHA-256) overrides --real/--synthetic; a contradiction is
            an error. Without --rows every real row is kept and synthetic rows are subsampled to fit the
            cap; with --rows, real rows come first and synthetic rows fill the rest. When the caps
            cannot be met the command refuses (exit 65) and says what share or depth it would have
            produced. Rows are chosen with a seeded draw (--seed).

            Examples:
              synthkit mix --real train.csv --synthetic synthetic.csv --max-synthetic-share 0.3 -o mixed.csv
              synthkit mix --real a.csv --synthetic s.csv --max-synthetic-share 0.5 --max-generation-depth 1 --rows 10000 --provenance-column origin -o mixed.csv
            """)

    @Option(help: "A real CSV file (repeatable).")
    var real: [String] = []

    @Option(help: "A synthetic CSV file (repeatable).")
    var synthetic: [String] = []

    @Option(help: "The largest synthetic share allowed in the output, in [0, 1].")
    var maxSyntheticShare: Double

    @Option(help: "The largest generation depth allowed (real = 0).")
    var maxGenerationDepth: Int?

    @Option(help: "Exactly this many output rows (an error when the caps cannot be met).")
    var rows: Int?

    @Option(help: "Add a column with each row's origin (real, synthetic, mixed).")
    var provenanceColumn: String?

    @Option(name: .shortAndLong, help: "Where to write the mixed CSV.")
    var output: String

    @OptionGroup var common: CommonOptions
    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var json: JSONOutputOption
    @OptionGroup var governance: GovernanceOptions

    func validate() throws {
        guard !real.isEmpty || !synthetic.isEmpty else { throw ValidationError("give at least one --real or --synthetic file") }
        guard (0...1).contains(maxSyntheticShare) else {
            throw ValidationError("--max-synthetic-share must be in [0, 1], got \(maxSyntheticShare)")
        }
        if let rows, rows < 1 { throw ValidationError("--rows must be at least 1, got \(rows)") }
        if let maxGenerationDepth, maxGenerationDepth < 0 { throw ValidationError("--max-generation-depth must be 0 or more") }
    }

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let recorder = try governance.recorder(command: "mix")
            defer { recorder.abandonIfUncommitted() }
            var parts: [TrainingSetMixer.Part] = []
            var inputs: [LedgerArtifact] = []
            for (path, origin) in real.map({ ($0, DataOrigin.real) }) + synthetic.map({ ($0, DataOrigin.synthetic) }) {
                let table = try csv.readTable(path)
                let record = try recorder.data(path, declared: origin, rows: table.rowCount)
                inputs.append(record)
                parts.append(TrainingSetMixer.Part(path: path, table: table, facts: record.facts))
            }
            let caps = TrainingSetMixer.Caps(maxSyntheticShare: maxSyntheticShare, maxGenerationDepth: maxGenerationDepth, rows: rows)
            let (table, plan) = try TrainingSetMixer.mix(parts, caps: caps, seed: Seed(common.seed), provenanceColumn: provenanceColumn)
            let notes = zip(parts, plan.counts).map { part, count in "\(count) of \(part.table.rowCount) rows from \(part.path)" }
            try recorder.begin(
                LedgerEntry(
                    command: "mix", seed: String(common.seed), notes: notes + ["caps: share <= \(maxSyntheticShare)"],
                    inputs: inputs,
                    outputs: [LedgerArtifact(path: output, sha256: nil, kind: .data, rows: table.rowCount, facts: plan.facts)]))
            try AtomicFile.write(try CSVWriter().encode(table), to: output)
            try recorder.commit()
            try json.write(MixOutput(output: output, rows: table.rowCount, counts: plan.counts, facts: plan.facts))
            common.progress.report(
                stage: "wrote \(table.rowCount) rows to \(output): synthetic share \(plan.facts.syntheticShare.map { String(format: "%.4f", $0) } ?? "unknown"), depth \(plan.facts.generationDepth.map(String.init) ?? "unknown")",
                fraction: nil)
        }
    }
}

/// What `mix --json` writes.
struct MixOutput: Encodable {
    var output: String
    var rows: Int
    var counts: [Int]
    var facts: DatasetFacts
}
