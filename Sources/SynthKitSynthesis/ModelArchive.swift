public import Foundation
public import SynthKitCore

/// The on-disk model file: a versioned JSON envelope, never a Swift type name.
///
/// ```json
/// {"format": "synthkit-model", "formatVersion": 1, "kind": "gaussian-copula",
///  "model": {...}, "provenance": {...}}
/// ```
/// Keys are sorted (``JSONCoding``), so the same model gives the same bytes. Reading goes
/// header first (``readHeader(_:file:)``) so that a file from a newer SynthKit or of an unknown
/// kind gives a clear `.unsupported` error rather than a decoding failure deep in the payload.
/// ``SynthesizerRegistry`` maps kinds to model types.
public enum ModelArchive {
    /// The `format` literal of every model file.
    public static let formatName = "synthkit-model"
    /// The newest format version this build reads and writes.
    public static let currentFormatVersion = 1

    /// The envelope fields read before the payload.
    public struct Header: Codable, Hashable, Sendable {
        /// Always ``ModelArchive/formatName`` in a model file.
        public var format: String
        /// The envelope version.
        public var formatVersion: Int
        /// The synthesizer family of the payload.
        public var kind: SynthesizerKind
    }

    /// Reads and checks the envelope header.
    /// - Throws: `.corruptArchive` when the bytes are not a JSON object with `format`,
    ///   `formatVersion` and `kind`, or `format` is wrong; `.unsupported` for a newer version.
    public static func readHeader(_ data: Data, file: String) throws(SynthKitError) -> Header {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw SynthKitError(
                .corruptArchive, "not a SynthKit model file: the content is not valid JSON",
                location: .init(file: file), underlying: error)
        }
        guard let fields = object as? [String: Any] else {
            throw SynthKitError(
                .corruptArchive, "not a SynthKit model file: expected a JSON object at the top level",
                location: .init(file: file))
        }
        guard let format = fields["format"] as? String else {
            throw SynthKitError(
                .corruptArchive, "not a SynthKit model file: the 'format' field is missing or not a string",
                location: .init(file: file, field: "format"))
        }
        guard format == formatName else {
            throw SynthKitError(
                .corruptArchive, "not a SynthKit model file: 'format' is '\(format)', expected '\(formatName)'",
                location: .init(file: file, field: "format"))
        }
        guard let version = fields["formatVersion"] as? Int else {
            throw SynthKitError(
                .corruptArchive, "the 'formatVersion' field is missing or not an integer",
                location: .init(file: file, field: "formatVersion"))
        }
        guard version >= 1 else {
            throw SynthKitError(
                .corruptArchive, "'formatVersion' is \(version); versions start at 1",
                location: .init(file: file, field: "formatVersion"))
        }
        guard version <= currentFormatVersion else {
            throw SynthKitError(
                .unsupported,
                "this model file has format version \(version); this build of SynthKit "
                    + "(\(SynthKitVersion.current)) reads versions up to \(currentFormatVersion). Upgrade SynthKit to load it",
                location: .init(file: file, field: "formatVersion"))
        }
        guard let kind = fields["kind"] as? String, !kind.isEmpty else {
            throw SynthKitError(
                .corruptArchive, "the 'kind' field is missing or not a non-empty string",
                location: .init(file: file, field: "kind"))
        }
        return Header(format: format, formatVersion: version, kind: SynthesizerKind(rawValue: kind))
    }
}

/// The full envelope for one concrete model type.
struct ArchiveEnvelope<Model: SynthesisModel>: Codable {
    var format: String
    var formatVersion: Int
    var kind: SynthesizerKind
    var model: Model
    var provenance: Provenance
}
