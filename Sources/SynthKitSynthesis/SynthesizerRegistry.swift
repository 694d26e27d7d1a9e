public import Foundation
public import SynthKitCore

/// Maps persisted kinds to concrete model types, so loading returns `any SynthesisModel`.
///
/// ```swift
/// var registry = SynthesizerRegistry()
/// registry.register(GaussianCopula.self)
/// let data = try registry.encode(model)
/// let loaded = try registry.decode(data, file: "adult.synth")
/// ```
/// Decoding never traps on bad input: every failure is a ``SynthKitError`` with the file and
/// the JSON field path.
public struct SynthesizerRegistry: Sendable {
    var decoders: [SynthesizerKind: any SynthesisModel.Type] = [:]

    /// An empty registry.
    public init() {}

    /// The kinds this registry can load, sorted.
    public var kinds: [SynthesizerKind] {
        decoders.keys.sorted { $0.rawValue < $1.rawValue }
    }

    /// Registers the model type of a synthesizer under its kind (replacing any earlier one).
    public mutating func register<S: Synthesizer>(_ type: S.Type) {
        register(model: S.Model.self)
    }

    /// Registers a model type under its kind (replacing any earlier one).
    public mutating func register<M: SynthesisModel>(model type: M.Type) {
        decoders[M.kind] = type
    }

    /// The model file bytes: the envelope with sorted keys.
    /// - Throws: `.internalFailure` when the model cannot be encoded.
    public func encode(_ model: some SynthesisModel) throws(SynthKitError) -> Data {
        try Self.encodeEnvelope(model)
    }

    static func encodeEnvelope<M: SynthesisModel>(_ model: M) throws(SynthKitError) -> Data {
        let envelope = ArchiveEnvelope(
            format: ModelArchive.formatName, formatVersion: ModelArchive.currentFormatVersion, kind: M.kind,
            model: model, provenance: model.provenance)
        return try JSONCoding.encode(envelope)
    }

    /// Loads a model file: header first, then the payload of the registered kind.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the file name, for error locations.
    /// - Throws: `.corruptArchive` (not JSON, wrong format, a payload that does not decode,
    ///   with its field path); `.unsupported` (an unknown kind or a newer format version,
    ///   saying what this build supports).
    public func decode(_ data: Data, file: String) throws(SynthKitError) -> any SynthesisModel {
        let header = try ModelArchive.readHeader(data, file: file)
        guard let decoder = decoders[header.kind] else {
            let known = kinds.map(\.rawValue).joined(separator: ", ")
            throw SynthKitError(
                .unsupported,
                "model kind '\(header.kind)' is not supported by this build of SynthKit (\(SynthKitVersion.current)); "
                    + "supported kinds: \(known.isEmpty ? "none registered" : known)",
                location: .init(file: file, field: "kind"))
        }
        return try decoder.decodeArchivePayload(data, file: file)
    }
}

extension SynthesisModel {
    /// Decodes a whole envelope whose header names this model's kind.
    static func decodeArchivePayload(_ data: Data, file: String) throws(SynthKitError) -> any SynthesisModel {
        try JSONCoding.decode(ArchiveEnvelope<Self>.self, from: data, file: file, code: .corruptArchive).model
    }
}
