/// The stable name of a synthesizer family, written into model files and the ledger.
///
/// A kind is a literal such as `"gaussian-copula"`; it is never derived from a Swift type
/// name, so renaming a type never breaks saved models. Never rename a kind once shipped.
public struct SynthesizerKind: Hashable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The persisted spelling.
    public let rawValue: String

    /// Wraps a persisted spelling.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A kind from a string literal: `let kind: SynthesizerKind = "gaussian-copula"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Decodes from a plain JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as a plain JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The persisted spelling.
    public var description: String { rawValue }
}
