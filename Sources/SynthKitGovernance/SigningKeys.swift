import Crypto
public import Foundation
import SynthKitCore

/// Ed25519 keys for manifests: a signing key created on first use, and a keyring of trusted public keys.
///
/// Files hold base64 text of the 32-byte raw keys: `<home>/keys/signing.key` (mode 0600) and
/// `signing.pub`; every `*.pub` in the keys directory is trusted by `verify`. A key's identifier
/// is the first 16 hex digits of the SHA-256 of its raw public key.
public enum SigningKeys {
    /// The private key file name in the keys directory.
    public static let privateKeyName = "signing.key"
    /// The public key file name in the keys directory.
    public static let publicKeyName = "signing.pub"

    /// The identifier of a raw public key.
    public static func identifier(ofPublicKey raw: Data) -> String {
        String(SHA256Digest.hex(of: raw).prefix(16))
    }

    /// The signing key at `path`, or the default key in `directory` (created there on first use).
    /// - Throws: `.notFound` for a missing explicit key, `.invalidInput` for a malformed one, `.io`.
    static func signingKey(explicit path: String?, directory: String) throws(SynthKitError) -> Curve25519.Signing.PrivateKey {
        if let path {
            return try privateKey(at: path)
        }
        let privatePath = (directory as NSString).appendingPathComponent(privateKeyName)
        if FileManager.default.fileExists(atPath: privatePath) { return try privateKey(at: privatePath) }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SynthKitError(.io, "cannot create the keys directory", location: .init(file: directory), underlying: error)
        }
        let key = Curve25519.Signing.PrivateKey()
        try AtomicFile.write(Data(key.rawRepresentation.base64EncodedString().utf8), to: privatePath)
        chmod(privatePath, 0o600)
        let publicPath = (directory as NSString).appendingPathComponent(publicKeyName)
        try AtomicFile.write(Data(key.publicKey.rawRepresentation.base64EncodedString().utf8), to: publicPath)
        return key
    }

    /// The trusted public keys: the one at `explicit` only, when given; else every `*.pub` in `directory`.
    static func trustedKeys(explicit: String?, directory: String) throws(SynthKitError) -> [Curve25519.Signing.PublicKey] {
        if let explicit { return [try publicKey(at: explicit)] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var keys: [Curve25519.Signing.PublicKey] = []
        for name in names.sorted() where name.hasSuffix(".pub") {
            keys.append(try publicKey(at: (directory as NSString).appendingPathComponent(name)))
        }
        return keys
    }

    private static func privateKey(at path: String) throws(SynthKitError) -> Curve25519.Signing.PrivateKey {
        let raw = try rawKey(at: path, what: "signing key")
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        } catch {
            throw SynthKitError(.invalidInput, "not an Ed25519 private key (expected base64 of 32 bytes)", location: .init(file: path))
        }
    }

    static func publicKey(at path: String) throws(SynthKitError) -> Curve25519.Signing.PublicKey {
        let raw = try rawKey(at: path, what: "public key")
        do {
            return try Curve25519.Signing.PublicKey(rawRepresentation: raw)
        } catch {
            throw SynthKitError(.invalidInput, "not an Ed25519 public key (expected base64 of 32 bytes)", location: .init(file: path))
        }
    }

    private static func rawKey(at path: String, what: String) throws(SynthKitError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SynthKitError(.notFound, "no such \(what) file", location: .init(file: path))
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SynthKitError(.io, "cannot read the \(what)", location: .init(file: path), underlying: error)
        }
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 32 else {
            throw SynthKitError(.invalidInput, "the \(what) is not base64 of 32 bytes", location: .init(file: path))
        }
        return raw
    }
}
