/// A reproducible seed: every random choice in SynthKit derives from one.
///
/// Components never share a stream: each asks for an independent sub-seed by label
/// (`seed.derived("copula.sample.chunk-3")`), so adding a draw in one place never shifts
/// another's stream. Derivation hashes the label with 64-bit FNV-1a, mixes it with the parent
/// value and finalises with the SplitMix64 mixer (Steele, Lea & Flood 2014), which is a
/// bijection with full avalanche, so related labels give unrelated seeds.
public struct Seed: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The 64 bits that determine every stream drawn from this seed.
    public var rawValue: UInt64

    /// Wraps a raw value.
    public init(_ rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// An independent seed for a named sub-task.
    public func derived(_ label: String) -> Seed {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Seed(SplitMix64.mix(rawValue ^ SplitMix64.mix(hash &+ 0x9e37_79b9_7f4a_7c15)))
    }

    /// An independent seed for the `index`-th item of a family (a chunk, a repeat, a column).
    public func derived(_ label: String, index: Int) -> Seed {
        derived(label).derived(String(index))
    }

    /// A new random stream starting from this seed.
    public func stream() -> RandomStream {
        RandomStream(seed: self)
    }

    /// The decimal value, as written in model files and the ledger.
    public var description: String { String(rawValue) }

    /// Encodes as a plain JSON number (or string when above 2^53, to survive JSON readers
    /// that parse numbers as doubles).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(UInt64.self) {
            rawValue = number
        } else {
            let text = try container.decode(String.self)
            guard let number = UInt64(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "seed '\(text)' is not an unsigned 64-bit integer")
            }
            rawValue = number
        }
    }

    /// Encodes as a JSON number when exactly representable as a double, else as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if rawValue < (1 << 53) {
            try container.encode(rawValue)
        } else {
            try container.encode(String(rawValue))
        }
    }
}

/// The SplitMix64 finaliser, shared by seed derivation and stream initialisation.
package enum SplitMix64 {
    /// Mixes 64 bits into 64 well-distributed bits (a bijection).
    @inlinable
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
