import ArgumentParser
import Foundation
import SynthKit

/// Maps library errors to the CLI's exit codes and messages (sysexits.h numbering).
enum CommandFailure {
    /// Exit code for a usage error.
    static let usage: Int32 = 64
    /// Exit code for bad data, including refusals the data causes.
    static let badData: Int32 = 65
    /// Exit code for a missing input file.
    static let missingInput: Int32 = 66
    /// Exit code for an I/O failure.
    static let ioFailure: Int32 = 74

    /// The exit code for a library error.
    static func exitCode(for error: SynthKitError) -> Int32 {
        switch error.code {
        case .invalidArgument: return usage
        case .notFound: return missingInput
        case .io: return ioFailure
        case .internalFailure: return 1
        default: return badData
        }
    }

    /// Prints `error` to standard error and returns the exit code to leave with.
    static func report(_ error: SynthKitError) -> ExitCode {
        StandardStreams.writeError("synthkit: error: \(error.description)")
        return ExitCode(exitCode(for: error))
    }
}

/// Runs a command body, turning a `SynthKitError` into a located message and an exit code.
///
/// Interrupts (Ctrl-C) remove any half-written temporary output before the process exits.
func runReportingErrors(_ body: () throws(SynthKitError) -> Void) throws {
    InterruptCleanup.install()
    do {
        try body()
    } catch {
        throw CommandFailure.report(error)
    }
}
