import Foundation

/// Runs the built `synthkit` executable and captures what it prints.
struct CommandRunner {
    /// The outcome of one run.
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The executable beside the test bundle (SwiftPM builds both into the same directory).
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("synthkit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("synthkit")
    }

    /// The environment of a run in `directory`: ledger and keys inside it, never in the real `~/.synthkit`.
    static func environment(in directory: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SYNTHKIT_LEDGER"] = directory.appendingPathComponent("ledger.sqlite").path
        environment["SYNTHKIT_HOME"] = directory.appendingPathComponent(".synthkit").path
        return environment
    }

    /// Runs `synthkit` with `arguments` in `directory`.
    static func run(_ arguments: [String], in directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment(in: directory)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synthkit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
