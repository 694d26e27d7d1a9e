import ArgumentParser
import SynthKit

/// How input CSV files are read; shared by every command that reads tables.
struct CSVInputOptions: ParsableArguments {
    @Option(help: "Field delimiter of input CSV files (one character).")
    var delimiter: String = ","

    @Option(
        name: .customLong("missing-value"),
        help: "A token meaning 'missing' (repeatable; default: empty, NA, NaN, null, ?).")
    var missingValues: [String] = []

    func validate() throws {
        guard delimiter.utf8.count == 1, delimiter != "\"", delimiter != "\n", delimiter != "\r" else {
            throw ValidationError("--delimiter must be one single-byte character other than a quote or newline, got '\(delimiter)'")
        }
    }

    /// The reader these options describe.
    var reader: CSVReader {
        var options = CSVOptions()
        options.delimiter = delimiter.utf8.first ?? UInt8(ascii: ",")
        if !missingValues.isEmpty { options.missingTokens = missingValues }
        return CSVReader(options: options)
    }

    /// Reads a CSV file with these options.
    func readTable(_ path: String) throws(SynthKitError) -> Table {
        try reader.read(path: path)
    }
}
