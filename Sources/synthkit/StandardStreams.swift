import Foundation

/// Unbuffered writes to standard output and standard error.
enum StandardStreams {
    /// Writes bytes to standard output.
    static func writeOutput(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    /// Writes text to standard output.
    static func writeOutput(_ text: String) {
        writeOutput(Data(text.utf8))
    }

    /// Writes a line to standard error.
    static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
