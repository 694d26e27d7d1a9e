import Crypto
import Foundation
public import SynthKitCore

/// The secret of a keyed watermark: at least 32 random bytes, stored as one line of base64.
///
/// Key generation uses the system's cryptographically secure generator (never a seed: a
/// reproducible key would be guessable). The scheme uses the key only through
/// ``greenListKey``, an HMAC-SHA256 of a fixed label, so one key can serve other schemes later.
public struct WatermarkKey: Sendable, Hashable {
    /// The raw key bytes.
    public let bytes: [UInt8]

    /// The fewest bytes a key may have.
    public static let minimumByteCount = 32

    /// Wraps raw bytes.
    /// - Throws: `.invalidInput` when there are fewer than ``minimumByteCount`` bytes.
    public init(bytes: [UInt8]) throws(SynthKitError) {
        guard bytes.count >= Self.minimumByteCount else {
            throw SynthKitError(.invalidInput, "a watermark key needs at least \(Self.minimumByteCount) bytes, got \(bytes.count)")
        }
        self.bytes = bytes
    }

    /// A new key of `byteCount` bytes from the system's secure random source.
    public static func generate(byteCount: Int = 32) -> WatermarkKey {
        precondition(byteCount >= minimumByteCount, "watermark keys need at least \(minimumByteCount) bytes, got \(byteCount)")
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return WatermarkKey(unchecked: bytes)
    }

    /// A key from `seed`, for tests and experiments only (such a key is as guessable as its seed).
    public static func derived(from seed: Seed) -> WatermarkKey {
        var stream = seed.derived("watermark.key").stream()
        return WatermarkKey(unchecked: (0..<32).map { _ in UInt8(truncatingIfNeeded: stream.next()) })
    }

    init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The file text: one line of base64 and a newline.
    public var fileText: String { Data(bytes).base64EncodedString() + "\n" }

    /// Reads a key file: one line of base64 (surrounding whitespace ignored) of at least 32 bytes.
    /// - Throws: `.notFound` when the file is missing; `.invalidInput` naming the file otherwise.
    public static func load(path: String) throws(SynthKitError) -> WatermarkKey {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SynthKitError(.notFound, "no watermark key file at \(path); create one with `synthkit watermark keygen -o \(path)`", location: .init(file: path))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SynthKitError(.io, "cannot read the watermark key file", location: .init(file: path))
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let decoded = Data(base64Encoded: trimmed) else {
            throw SynthKitError(.invalidInput, "the watermark key file is not one line of base64", location: .init(file: path))
        }
        do {
            return try WatermarkKey(bytes: Array(decoded))
        } catch {
            throw SynthKitError(.invalidInput, error.message, location: .init(file: path))
        }
    }

    /// A public name for the key, recorded in manifests and the ledger so a marked file says which
    /// key to detect it with: the first 16 hex digits (64 bits) of SHA-256 of the key bytes.
    /// It reveals nothing useful about the key (a preimage search over 256 random bits).
    public var identifier: String {
        SHA256.hash(data: Data(bytes)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// The 64-bit key of the green-list scheme: the first 8 bytes of
    /// HMAC-SHA256(key, "synthkit.watermark.green-list.v1").
    public var greenListKey: UInt64 {
        schemeKey(label: "synthkit.watermark.green-list.v1")
    }

    /// The 64-bit key of the selection scheme: the first 8 bytes of
    /// HMAC-SHA256(key, "synthkit.watermark.selection.v1").
    public var selectionKey: UInt64 {
        schemeKey(label: "synthkit.watermark.selection.v1")
    }

    /// The first 8 bytes (big-endian) of HMAC-SHA256(key, label).
    func schemeKey(label: String) -> UInt64 {
        let code = HMAC<SHA256>.authenticationCode(for: Data(label.utf8), using: SymmetricKey(data: bytes))
        return Array(code).prefix(8).reduce(0) { ($0 << 8) | UInt64($1) }
    }
}
