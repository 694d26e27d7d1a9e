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

    /// The model at `path` and its stored constraints; a model fitted under constraint
    /// transforms comes wrapped in ``ConstraintTransformedModel`` so it samples in the data's schema.
    static func model(_ path: String) throws(SynthKitError) -> (model: any SynthesisModel, constraints: ConstraintSet) {
        let loaded = try ModelFile.load(path)
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            throw SynthKitError(.io, "cannot read the model file", location: .init(file: path))
        }
        guard let (transforms, schema) = try ConstraintSet.storedTransforms(in: data, file: path) else {
            return (loaded, try ConstraintSet.stored(in: data, file: path, schema: loaded.schema))
        }
        let model = ConstraintTransformedModel(inner: loaded, transforms: transforms, schema: schema)
        return (model, try ConstraintSet.stored(in: data, file: path, schema: schema))
    }

    /// The reversible transforms for `constraints` on `table` (none for DP synthesizers, whose
    /// every look at the data must be accounted), and the table and schema to fit on.
    static func transforming(
        _ table: Table, schema: Schema, constraints: ConstraintSet?, isDifferentiallyPrivate: Bool
    ) -> (transforms: [ConstraintTransform], table: Table, schema: Schema) {
        guard let constraints, !isDifferentiallyPrivate else { return ([], table, schema) }
        let transforms = ConstraintTransform.planned(for: constraints, table: table, schema: schema)
        return (
            transforms, transforms.reduce(table) { $1.forward($0) },
            transforms.reduce(schema) { $1.transforming($0) })
    }
}
