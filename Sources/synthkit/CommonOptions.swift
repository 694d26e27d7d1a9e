import ArgumentParser
import SynthKit

/// Options every data-processing command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("seed"), help: "Seed for every random choice (default 0); the same seed and input give the same output.")
    var explicitSeed: UInt64?

    /// The seed to use: the one given, else 0.
    var seed: UInt64 { explicitSeed ?? 0 }

    @Option(help: "Threads to use (default: every core). Output does not depend on it.")
    var threads: Int?

    @Flag(name: .shortAndLong, help: "Print no progress on standard error.")
    var quiet = false

    func validate() throws {
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, got \(threads)")
        }
    }

    /// The progress reporter to pass to the library.
    var progress: any ProgressReporter {
        quiet ? SilentProgress() : StandardErrorProgress()
    }
}

/// The `--json PATH` option, with the same name and meaning in every command.
struct JSONOutputOption: ParsableArguments {
    @Option(name: .customLong("json"), help: "Also write machine-readable output to PATH ('-' for standard output).")
    var path: String?

    /// Writes `value` as JSON to the chosen path, atomically, or to standard output for `-`.
    func write<Value: Encodable>(_ value: Value) throws(SynthKitError) {
        guard let path else { return }
        let data = try JSONCoding.encode(value)
        if path == "-" {
            StandardStreams.writeOutput(data)
            StandardStreams.writeOutput("\n")
        } else {
            try AtomicFile.write(data, to: path)
        }
    }
}
