public import Foundation
public import SynthKitCore

extension Schema {
    /// Reads and checks the schema file at `path`.
    /// - Throws: `.notFound` when the file does not exist, `.io` when it cannot be read, and
    ///   as ``decode(data:file:)`` for its content.
    public static func load(path: String) throws(SynthKitError) -> Schema {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SynthKitError(.notFound, "no such schema file; check the path", location: .init(file: path))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SynthKitError(.io, "cannot read the schema file", location: .init(file: path), underlying: error)
        }
        return try decode(data: data, file: path)
    }

    /// Decodes and checks a schema; `file` names the source in error locations.
    ///
    /// Every problem is reported at once, each located by a field path
    /// (`columns[3].numerical.minimum`):
    /// - `.invalidSchema`: not JSON, a wrong `format`, an unknown `kind`, `piiKind` or fact
    ///   source (the message lists the allowed values), a missing or mistyped field, facts
    ///   missing for a kind, inconsistent facts (see ``validate()``);
    /// - `.unsupported`: a `formatVersion` newer than ``currentFormatVersion``.
    public static func decode(data: Data, file: String) throws(SynthKitError) -> Schema {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SynthKitError(.invalidSchema, "the schema file is not valid JSON", location: .init(file: file), underlying: error)
        }
        guard let object = root as? [String: Any] else {
            throw SynthKitError(.invalidSchema, "the schema must be a JSON object with format, formatVersion and columns", location: .init(file: file))
        }
        try checkEnvelope(object, file: file)
        let problems = enumerationProblems(object, file: file)
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
        let schema = try JSONCoding.decode(Schema.self, from: data, file: file, code: .invalidSchema)
        let semantic = schema.problems(file: file)
        if !semantic.isEmpty { throw SynthKitError.collecting(semantic) }
        return schema
    }

    /// The schema as the JSON a person edits (sorted keys, pretty printed).
    public func encode() throws(SynthKitError) -> Data {
        try JSONCoding.encode(self)
    }

    private static func checkEnvelope(_ object: [String: Any], file: String) throws(SynthKitError) {
        guard let format = object["format"] as? String else {
            throw SynthKitError(
                .invalidSchema, "required key 'format' is missing; a schema file starts with \"format\": \"\(formatName)\"",
                location: .init(file: file, field: "format"))
        }
        guard format == formatName else {
            throw SynthKitError(
                .invalidSchema, "format is '\(format)', expected '\(formatName)'; is this a schema file?",
                location: .init(file: file, field: "format"))
        }
        guard let version = object["formatVersion"] as? Int else {
            throw SynthKitError(.invalidSchema, "formatVersion must be an integer", location: .init(file: file, field: "formatVersion"))
        }
        guard version <= currentFormatVersion else {
            throw SynthKitError(
                .unsupported,
                "schema formatVersion \(version) is newer than this build of SynthKit reads (up to \(currentFormatVersion)); update SynthKit",
                location: .init(file: file, field: "formatVersion"))
        }
        guard version >= 1 else {
            throw SynthKitError(.invalidSchema, "formatVersion \(version) is not a valid version (versions start at 1)", location: .init(file: file, field: "formatVersion"))
        }
    }

    /// Unknown enumeration values, found before decoding so all are reported and the
    /// allowed values can be listed.
    private static func enumerationProblems(_ object: [String: Any], file: String) -> [SynthKitError] {
        guard let columns = object["columns"] as? [Any] else { return [] }
        var problems: [SynthKitError] = []
        func check(_ value: Any?, allowed: [String], field: String, what: String) {
            guard let text = value as? String, !allowed.contains(text) else { return }
            problems.append(SynthKitError(
                .invalidSchema, "unknown \(what) '\(text)'; allowed: \(allowed.joined(separator: ", "))",
                location: .init(file: file, field: field)))
        }
        let kinds = ColumnKind.allCases.map(\.rawValue)
        let piiKinds = PIIKind.allCases.map(\.rawValue)
        let sources = ["observed", "declared"]
        for (index, element) in columns.enumerated() {
            guard let column = element as? [String: Any] else { continue }
            let path = "columns[\(index)]"
            check(column["kind"], allowed: kinds, field: "\(path).kind", what: "kind")
            check(column["piiKind"], allowed: piiKinds, field: "\(path).piiKind", what: "piiKind")
            if let facts = column["numerical"] as? [String: Any] {
                check(facts["boundsSource"], allowed: sources, field: "\(path).numerical.boundsSource", what: "fact source")
            }
            if let facts = column["categories"] as? [String: Any] {
                check(facts["source"], allowed: sources, field: "\(path).categories.source", what: "fact source")
            }
            if let facts = column["datetime"] as? [String: Any] {
                check(facts["boundsSource"], allowed: sources, field: "\(path).datetime.boundsSource", what: "fact source")
            }
        }
        return problems
    }
}
