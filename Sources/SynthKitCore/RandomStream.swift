import Foundation

/// A deterministic stream of random numbers: xoshiro256** (Blackman & Vigna 2018).
///
/// The state is seeded by four SplitMix64 steps from a ``Seed``. Uniforms use the top 53 bits
/// (`(x >> 11) * 2^-53`, so values lie in [0, 1)); normals use the Box-Muller transform on two
/// uniforms, caching the second value. These recipes are fixed: changing them changes every
/// sample SynthKit has ever produced for a seed, so they are part of the file formats' contract.
///
/// A stream is a value; copying it forks the sequence. It conforms to `RandomNumberGenerator`
/// so the standard library's `shuffle(using:)` and `random(in:using:)` work with it.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline var state0: UInt64
    @usableFromInline var state1: UInt64
    @usableFromInline var state2: UInt64
    @usableFromInline var state3: UInt64
    @usableFromInline var cachedNormal: Double?

    /// Starts the stream of `seed`.
    public init(seed: Seed) {
        var x = seed.rawValue
        func step() -> UInt64 {
            x = x &+ 0x9e37_79b9_7f4a_7c15
            return SplitMix64.mix(x &- 0x9e37_79b9_7f4a_7c15)
        }
        state0 = step()
        state1 = step()
        state2 = step()
        state3 = step()
        cachedNormal = nil
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state1 &* 5, by: 7) &* 9
        let shifted = state1 << 17
        state2 ^= state0
        state3 ^= state1
        state1 ^= state2
        state0 ^= state3
        state2 ^= shifted
        state3 = rotateLeft(state3, by: 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in the open interval (0, 1), safe for logarithms.
    @inlinable
    public mutating func nextOpenUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A standard normal draw (Box-Muller, second value cached).
    public mutating func nextNormal() -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached
        }
        let radius = (-2 * log(nextOpenUniform())).squareRoot()
        let angle = 2 * Double.pi * nextUniform()
        cachedNormal = radius * sin(angle)
        return radius * cos(angle)
    }

    /// A uniform integer in `0..<upperBound` without modulo bias (Lemire's method).
    @inlinable
    public mutating func nextIndex(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "nextIndex(below:) needs a positive bound, got \(upperBound)")
        return Int(truncatingIfNeeded: next(upperBound: UInt64(upperBound)))
    }

    @inlinable
    func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
