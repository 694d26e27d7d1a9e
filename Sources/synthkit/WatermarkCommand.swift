import ArgumentParser
import Foundation
import SynthKit

/// `synthkit watermark`: keyed, blind marks on synthetic numerical cells.
struct WatermarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watermark",
        abstract: "Create watermark keys and test tables for a watermark.",
        discussion: """
            The green-list watermark (He et al. 2024) moves eligible numerical cells by at most one
            unit of their last printed digit, so that a secret key can later recognise the rows.
            Eligible columns have at least 20 values, no value holding more than 1% of them and enough
            distinct values (for Adult: fnlwgt, not capital_gain or age). Rounding to fewer decimals or
            noise of a unit or more removes the mark.

            Tables with no eligible column get the selection watermark (MUSE-style): `sample` draws two
            candidate rows per output row and keeps the one whose keyed bit of coarse row features
            (numbers to two significant digits, text as written) is set; about 75% of marked rows carry
            the bit against 50% by chance (z = 0.5 sqrt(rows) for distinct rows). It survives rounding
            and column reordering, not edits to cells or dropped columns. `--scheme auto` (the default
            of both `sample --watermark-scheme` and `detect --scheme`) picks the green list when a
            numerical column is eligible, else selection.

            Examples:
              synthkit watermark keygen -o watermark.key
              synthkit sample adult.synth --rows 10000 --watermark-key-file watermark.key -o synthetic.csv
              synthkit watermark detect synthetic.csv --key-file watermark.key --json -
              synthkit watermark detect categorical.csv --key-file watermark.key --scheme selection
            """,
        subcommands: [WatermarkKeygenCommand.self, WatermarkDetectCommand.self])
}

/// `synthkit watermark keygen -o PATH`.
struct WatermarkKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Write a new secret key: one line of base64 of 32 secure random bytes.")

    @Option(name: .shortAndLong, help: "Where to write the key (readable only by you).")
    var output: String

    @Flag(help: "Replace an existing key file.")
    var force = false

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            if !force && FileManager.default.fileExists(atPath: output) {
                throw SynthKitError(
                    .invalidArgument, "a file already exists; pass --force to replace the key (marks made with it become unreadable)",
                    location: .init(file: output))
            }
            try AtomicFile.write(Data(WatermarkKey.generate().fileText.utf8), to: output)
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
            StandardStreams.writeError("wrote a watermark key to \(output); keep it secret")
        }
    }
}

/// `synthkit watermark detect SUSPECT --key-file PATH`.
struct WatermarkDetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Test a CSV for the watermark of a key; exits 0 with the verdict in the output.")

    @Argument(help: "The suspect CSV file.")
    var suspect: String

    @Option(help: "The key file written by `watermark keygen`.")
    var keyFile: String

    @Option(help: "The false-positive rate of the verdict (one-sided).")
    var falsePositiveRate: Double = 1e-3

    @Option(help: "The scheme to test: auto (green-list when a numerical column is eligible, else selection), green-list, selection.")
    var scheme: WatermarkScheme = .auto

    @OptionGroup var csv: CSVInputOptions
    @OptionGroup var json: JSONOutputOption

    func validate() throws {
        guard falsePositiveRate > 0 && falsePositiveRate < 1 else {
            throw ValidationError("--false-positive-rate must be between 0 and 1, got \(falsePositiveRate)")
        }
    }

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let key = try WatermarkKey.load(path: keyFile)
            let table = try csv.readTable(suspect)
            let useSelection = scheme == .selection || (scheme == .auto && GreenListWatermark.eligibleColumns(in: table).isEmpty)
            let verdict: String
            if useSelection {
                let detection = SelectionWatermarkDetector(key: key).detect(table, falsePositiveRate: falsePositiveRate)
                try json.write(detection)
                verdict = detection.verdictText
            } else {
                let detection = WatermarkDetector(key: key).detect(table, falsePositiveRate: falsePositiveRate)
                try json.write(detection)
                verdict = detection.verdictText
            }
            guard json.path != "-" else { return }
            StandardStreams.writeOutput(verdict + "\n")
        }
    }
}
