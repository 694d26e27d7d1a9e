import Crypto
public import Foundation
public import SynthKitCore
public import SynthKitSynthesis

/// A signed statement about one output file: `<file>.manifest.json`.
///
/// ```json
/// {"format": "synthkit-manifest", "formatVersion": 1,
///  "content": {"file": "synthetic.csv", "sha256": "...", "bytes": 123, "kind": "data", "ledgerEntry": 7,
///              "generator": "synthkit sample (gaussian-copula)", "lineage": {...}, "privacy": null,
///              "keyIdentifier": "...", "watermarkKeyIdentifier": "...", "createdAt": "...", "synthkitVersion": "..."},
///  "signature": "<base64 Ed25519 signature of the canonical content>"}
/// ```
/// The signed bytes are the content encoded as compact JSON with sorted keys, so re-indenting a
/// manifest does not break it but changing any value does. The key identifier is informational:
/// verification uses only keys the verifier trusts, never a key carried in the manifest.
public struct Manifest: Codable, Sendable, Hashable {
    /// The lineage part of a manifest.
    public struct Lineage: Codable, Sendable, Hashable {
        /// Origin class of the rows.
        public var origin: DataOrigin
        /// Generation depth (`nil`: unknown).
        public var generationDepth: Int?
        /// Synthetic share (`nil`: unknown).
        public var syntheticShare: Double?
        /// Fingerprints of the inputs it was derived from.
        public var derivedFrom: [String]

        /// Creates a lineage record.
        public init(origin: DataOrigin, generationDepth: Int?, syntheticShare: Double?, derivedFrom: [String]) {
            self.origin = origin
            self.generationDepth = generationDepth
            self.syntheticShare = syntheticShare
            self.derivedFrom = derivedFrom
        }
    }

    /// The signed content.
    public struct Content: Codable, Sendable, Hashable {
        /// The file's name (last path component).
        public var file: String
        /// Hex SHA-256 of the file.
        public var sha256: String
        /// Size in bytes.
        public var bytes: Int
        /// What kind of file.
        public var kind: LedgerArtifact.Kind
        /// The ledger entry that wrote it.
        public var ledgerEntry: Int64?
        /// The command and synthesizer that made it.
        public var generator: String
        /// Origin, depth, share and parents.
        public var lineage: Lineage
        /// The privacy spend, for DP outputs.
        public var privacy: PrivacyRecord?
        /// The identifier of the signing key (informational).
        public var keyIdentifier: String
        /// The identifier of the watermark key the file's rows were marked with
        /// (``WatermarkKey/identifier``), or `nil` when it carries no watermark. Absent from
        /// manifests written before it existed, which still verify.
        public var watermarkKeyIdentifier: String?
        /// When it was signed, ISO 8601 UTC.
        public var createdAt: String
        /// The SynthKit version that signed it.
        public var synthkitVersion: String
    }

    /// The `format` literal.
    public static let formatName = "synthkit-manifest"
    /// The format version this build writes.
    public static let currentFormatVersion = 1

    /// Always ``formatName``.
    public var format: String
    /// The format version.
    public var formatVersion: Int
    /// What is signed.
    public var content: Content
    /// Base64 of the Ed25519 signature of ``canonicalBytes(of:)``.
    public var signature: String

    /// The manifest path for an output file.
    public static func path(for file: String) -> String { file + ".manifest.json" }

    /// The bytes a signature covers: compact, sorted-key JSON of the content.
    public static func canonicalBytes(of content: Content) throws(SynthKitError) -> Data {
        do {
            return Data(try Ledger.text(content).utf8)
        } catch {
            throw SynthKitError(.internalFailure, "cannot encode a manifest", underlying: error)
        }
    }

    /// Fingerprints `file`, signs a manifest for it and writes `<file>.manifest.json` atomically.
    /// - Parameters:
    ///   - signingKey: an explicit private key file, else the default key under `keysDirectory`
    ///     (created on first use).
    ///   - watermarkKeyIdentifier: the watermark key's identifier, for a watermarked file.
    /// - Returns: the manifest written.
    @discardableResult
    public static func write(
        for file: String, kind: LedgerArtifact.Kind, sha256: String, ledgerEntry: Int64?, generator: String,
        lineage: Lineage, privacy: PrivacyRecord?, signingKey: String?, keysDirectory: String,
        watermarkKeyIdentifier: String? = nil
    ) throws(SynthKitError) -> Manifest {
        let key = try SigningKeys.signingKey(explicit: signingKey, directory: keysDirectory)
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let content = Content(
            file: (file as NSString).lastPathComponent, sha256: sha256,
            bytes: (attributes?[.size] as? NSNumber)?.intValue ?? 0, kind: kind, ledgerEntry: ledgerEntry,
            generator: generator, lineage: lineage, privacy: privacy,
            keyIdentifier: SigningKeys.identifier(ofPublicKey: key.publicKey.rawRepresentation),
            watermarkKeyIdentifier: watermarkKeyIdentifier, createdAt: Provenance.timestamp(.now), synthkitVersion: SynthKitVersion.current)
        let signature: Data
        do {
            signature = try key.signature(for: try canonicalBytes(of: content))
        } catch {
            throw SynthKitError(.internalFailure, "cannot sign the manifest", location: .init(file: file), underlying: error)
        }
        let manifest = Manifest(
            format: formatName, formatVersion: currentFormatVersion, content: content,
            signature: signature.base64EncodedString())
        try AtomicFile.write(try JSONCoding.encode(manifest), to: path(for: file))
        return manifest
    }
}
