public import Foundation
public import SynthKitCore
public import SynthKitTable

extension ConstraintSet {
    /// The constraints as a constraints-file JSON object (learned `fixedCombinations` included
    /// as `allowed`, so a model file carries them).
    public func fileObject() -> [String: Any] {
        let entries: [[String: Any]] = constraints.map { constraint in
            switch constraint {
            case .range(let column, let minimum, let maximum):
                var entry: [String: Any] = ["type": "range", "column": column]
                if let minimum { entry["min"] = minimum }
                if let maximum { entry["max"] = maximum }
                return entry
            case .inequality(let low, let high, let strict): return ["type": "inequality", "low": low, "high": high, "strict": strict]
            case .positive(let column, let strict): return ["type": "positive", "column": column, "strict": strict]
            case .negative(let column, let strict): return ["type": "negative", "column": column, "strict": strict]
            case .fixedCombinations(let columns, let allowed):
                return ["type": "fixedCombinations", "columns": columns, "allowed": allowed.map { $0.map { $0 ?? NSNull() as Any } }]
            case .oneHot(let columns): return ["type": "oneHot", "columns": columns]
            case .unique(let column): return ["type": "unique", "column": column]
            case .fixedIncrements(let column, let increment): return ["type": "fixedIncrements", "column": column, "increment": increment]
            case .expression(let rule, _): return ["type": "expression", "rule": rule]
            }
        }
        return ["formatVersion": Self.currentFormatVersion, "constraints": entries]
    }

    /// A model file with these constraints stored under the envelope key `constraints` (the
    /// first key in sorted order, so the rest of the bytes are unchanged), together with the
    /// ``ConstraintTransform``s the model was fitted under and the data's `schema` (key
    /// `transforms` and `schema` inside that object; absent when there are no transforms).
    /// - Throws: `.corruptArchive` when `model` is not a JSON object.
    public func attaching(to model: Data, transforms: [ConstraintTransform] = [], schema: Schema? = nil) throws(SynthKitError) -> Data {
        guard let brace = model.firstIndex(of: UInt8(ascii: "{")) else {
            throw SynthKitError(.corruptArchive, "the model file is not a JSON object")
        }
        var object = fileObject()
        if !transforms.isEmpty, let schema {
            guard let transformData = try? JSONEncoder().encode(transforms),
                  let transformObject = try? JSONSerialization.jsonObject(with: transformData),
                  let schemaObject = try? JSONSerialization.jsonObject(with: try schema.encode())
            else { throw SynthKitError(.internalFailure, "constraint transforms could not be encoded") }
            object["transforms"] = transformObject
            object["schema"] = schemaObject
        }
        guard let encoded = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            throw SynthKitError(.internalFailure, "constraints could not be encoded")
        }
        var result = Data(model[...brace])
        result.append(Data(#""constraints":"#.utf8))
        result.append(encoded)
        result.append(UInt8(ascii: ","))
        result.append(model[model.index(after: brace)...])
        return result
    }

    /// The transforms and data schema stored beside the constraints of a model file, or `nil`
    /// when the model was fitted on untransformed data.
    /// - Throws: `.corruptArchive` when they are present but malformed.
    public static func storedTransforms(in model: Data, file: String) throws(SynthKitError) -> (transforms: [ConstraintTransform], schema: Schema)? {
        guard holdsConstraints(model) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: model) as? [String: Any],
              let constraints = object["constraints"] as? [String: Any],
              let transforms = constraints["transforms"], let schema = constraints["schema"]
        else { return nil }
        guard let transformData = try? JSONSerialization.data(withJSONObject: transforms),
              let decoded = try? JSONDecoder().decode([ConstraintTransform].self, from: transformData),
              let schemaData = try? JSONSerialization.data(withJSONObject: schema),
              let decodedSchema = try? Schema.decode(data: schemaData, file: file)
        else {
            throw SynthKitError(.corruptArchive, "the stored constraint transforms are malformed", location: .init(file: file, field: "constraints.transforms"))
        }
        return (decoded, decodedSchema)
    }

    /// The constraints stored in a model file (empty when none).
    public static func stored(in model: Data, file: String, schema: Schema) throws(SynthKitError) -> ConstraintSet {
        guard holdsConstraints(model) else { return ConstraintSet(constraints: []) }
        guard let object = try? JSONSerialization.jsonObject(with: model) as? [String: Any],
              let constraints = object["constraints"]
        else { return ConstraintSet(constraints: []) }
        guard let data = try? JSONSerialization.data(withJSONObject: constraints) else {
            throw SynthKitError(.corruptArchive, "the stored constraints are not valid JSON", location: .init(file: file, field: "constraints"))
        }
        return try decode(data, file: file, schema: schema)
    }

    /// Whether the model file's first key is `constraints` (where ``attaching(to:transforms:schema:)``
    /// puts it, and where sorted keys put it), so files without constraints are not parsed twice. O(1).
    static func holdsConstraints(_ model: Data) -> Bool {
        let key = Array(#""constraints""#.utf8)
        guard let brace = model.firstIndex(of: UInt8(ascii: "{")) else { return false }
        let rest = model[model.index(after: brace)...].drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return rest.starts(with: key)
    }
}
