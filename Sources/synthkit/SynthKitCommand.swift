import ArgumentParser
import SynthKit

/// The `synthkit` command: learn from a real table, generate synthetic rows, measure them.
@main
struct SynthKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthkit",
        abstract: "Learn from a real table, generate synthetic rows that keep its statistics, and measure them.",
        discussion: """
            Start with `synthkit demo`. Typical use:
              synthkit inspect data.csv -o data.schema.json
              synthkit fit data.csv --synthesizer gaussian-copula --seed 7 -o data.synth
              synthkit sample data.synth --rows 50000 --seed 7 -o synthetic.csv
              synthkit evaluate --real data.csv --synthetic synthetic.csv -o report.html --json report.json

            Exit codes: 0 success, 64 usage error, 65 bad data, 66 missing input, 74 I/O error, 1 other.
            """,
        version: SynthKitVersion.current,
        subcommands: [
            DemoCommand.self, InspectCommand.self, FitCommand.self, SampleCommand.self,
            EvaluateCommand.self, InspectModelCommand.self,
            LedgerCommand.self, VerifyCommand.self, MixCommand.self, AugmentCommand.self,
            WatermarkCommand.self, CollapseCommand.self,
        ])
}
