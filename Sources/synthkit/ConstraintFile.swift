import Foundation
import SynthKit

/// Reads constraints files and the constraints stored in model files, with located errors.
enum ConstraintFile {
    /// The constraints file at `path`, checked against `schema`.
    static func load(_ path: String, schema: Schema) throws(SynthKitError) -> ConstraintSet {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SynthKitError(.notFound, "no such constraints file", location: .init(file: path))
        }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            throw SynthKitError(.io, "cannot read the constraints file", location: .init(file: path))
        }
        return try ConstraintSet.decode(data, file: path, schema: schema)
    }

    /// The constraints stored in the model file at `path` (empty when none).
    static func stored(in path: String, schema: Schema) throws(SynthKitError) -> ConstraintSet {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            throw SynthKitError(.io, "cannot read the model file", location: .init(file: path))
        }
        return try ConstraintSet.stored(in: data, file: path, schema: schema)
    }
}
