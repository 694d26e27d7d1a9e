import Crypto
import Foundation
public import SynthKitCore

/// Checks a file against its signed manifest with trusted keys only.
public enum ManifestVerifier {
    /// The outcome of verifying one file.
    public struct Outcome: Codable, Sendable, Hashable {
        /// The file checked.
        public var file: String
        /// Whether content, manifest and signature all match.
        public var verified: Bool
        /// Each mismatch, in words (`file changed: ...`, `manifest edited: ...`, `wrong key: ...`).
        public var problems: [String]
        /// The manifest's content, when it could be read.
        public var manifest: Manifest.Content?
        /// The identifier of the trusted key that verified the signature.
        public var verifiedBy: String?
    }

    /// Verifies `file` against `<file>.manifest.json`.
    ///
    /// Trusted keys are the one at `publicKey` when given, else every `*.pub` in `keysDirectory`.
    /// A missing or unreadable file is an error; every other mismatch is a problem in the outcome.
    public static func verify(file: String, publicKey: String?, keysDirectory: String) throws(SynthKitError) -> Outcome {
        guard FileManager.default.fileExists(atPath: file) else {
            throw SynthKitError(.notFound, "no such file", location: .init(file: file))
        }
        var outcome = Outcome(file: file, verified: false, problems: [], manifest: nil, verifiedBy: nil)
        let manifestPath = Manifest.path(for: file)
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            outcome.problems.append(
                "no manifest: \(manifestPath) does not exist (the file was not written by SynthKit, or its command was interrupted)")
            return outcome
        }
        let manifest: Manifest
        do {
            manifest = try JSONCoding.decoder().decode(Manifest.self, from: data)
        } catch {
            outcome.problems.append("manifest edited: \(manifestPath) is not a readable SynthKit manifest (\(error))")
            return outcome
        }
        outcome.manifest = manifest.content
        if manifest.format != Manifest.formatName || manifest.formatVersion > Manifest.currentFormatVersion {
            outcome.problems.append(
                "manifest edited or from a newer SynthKit: format '\(manifest.format)' version \(manifest.formatVersion)")
        }
        let keys = try SigningKeys.trustedKeys(explicit: publicKey, directory: keysDirectory)
        let identifiers = keys.map { SigningKeys.identifier(ofPublicKey: $0.rawRepresentation) }
        let signed = try Manifest.canonicalBytes(of: manifest.content)
        let signature = Data(base64Encoded: manifest.signature) ?? Data()
        if let index = keys.firstIndex(where: { $0.isValidSignature(signature, for: signed) }) {
            outcome.verifiedBy = identifiers[index]
        } else if keys.isEmpty {
            outcome.problems.append(
                "no trusted key: give --public-key or put the signer's .pub file in \(keysDirectory)")
        } else if identifiers.contains(manifest.content.keyIdentifier) {
            outcome.problems.append(
                "manifest edited: the signature does not match the manifest's content (key \(manifest.content.keyIdentifier) is trusted)")
        } else {
            let trusted = publicKey.map { _ in "the given public key \(identifiers.joined())" }
                ?? "any key in \(keysDirectory) (\(identifiers.joined(separator: ", ")))"
            outcome.problems.append(
                "wrong key: the manifest says it was signed by key \(manifest.content.keyIdentifier); the signature does not verify with \(trusted)")
        }
        let actual = try FileFingerprint.sha256(of: file)
        if actual != manifest.content.sha256 {
            outcome.problems.append(
                "file changed: its SHA-256 is \(actual) but the manifest records \(manifest.content.sha256)")
        }
        if (file as NSString).lastPathComponent != manifest.content.file {
            outcome.problems.append("manifest is for '\(manifest.content.file)', not '\((file as NSString).lastPathComponent)'")
        }
        outcome.verified = outcome.problems.isEmpty
        return outcome
    }
}
