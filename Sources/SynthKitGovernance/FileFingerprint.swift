import Foundation
public import SynthKitCore

/// SHA-256 of a file, read in 4 MiB chunks so a large file is never held whole.
public enum FileFingerprint {
    /// The hex SHA-256 of the file at `path`.
    /// - Throws: `.notFound` when the file does not exist, `.io` when it cannot be read.
    public static func sha256(of path: String) throws(SynthKitError) -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SynthKitError(.notFound, "no such file", location: .init(file: path))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SynthKitError(.io, "cannot open the file for reading", location: .init(file: path))
        }
        defer { try? handle.close() }
        var digest = SHA256Digest()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 22)
            } catch {
                throw SynthKitError(.io, "cannot read the file", location: .init(file: path), underlying: error)
            }
            guard let chunk, !chunk.isEmpty else { break }
            digest.update(chunk)
        }
        return digest.finalizeHex()
    }
}
