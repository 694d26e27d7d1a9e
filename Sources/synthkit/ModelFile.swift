import Foundation
import SynthKit

/// Reads model files with located errors.
enum ModelFile {
    /// Loads the model at `path` with the complete registry (every synthesizer, DP ones included).
    /// - Throws: `.notFound` for a missing file, `.io` when unreadable, `.corruptArchive` or
    ///   `.unsupported` for a file that is not a model this build can read.
    static func load(_ path: String) throws(SynthKitError) -> any SynthesisModel {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SynthKitError(.notFound, "no such model file", location: .init(file: path))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SynthKitError(.io, "cannot read the model file", location: .init(file: path), underlying: error)
        }
        return try SynthesizerRegistry.standard.decode(data, file: path)
    }
}
