public import SynthKitCore
import Foundation

/// Where DP noise comes from: the operating system's secure generator by default, or a seeded
/// stream in an explicit test mode that is **not private**.
///
/// The secure source is `SystemRandomNumberGenerator` (on Linux `getrandom(2)`), so noise
/// cannot be reproduced from anything stored in a model file. ``insecureReproducible(seed:)``
/// exists for tests and debugging only; every model fitted with it records
/// `testMode = true` and is labelled "not private: reproducible test mode".
///
/// Everything the synthesizers release is sampled exactly from integers (Mironov 2012's
/// floating-point attack needs a continuous sampler): discrete Gaussian and discrete Laplace
/// noise on counts and exact Bernoulli(exp(−γ)) selection (`NoiseSource+Exact.swift`,
/// ``ExponentialMechanism``). The continuous draws here (Box-Muller ``nextNormal()``,
/// inversion ``nextLaplace(scale:)``, ``nextGumbel()``) remain for real-valued statistics and
/// ``PrivateQuantile/estimate(sortedValues:quantile:lower:upper:epsilon:noise:)`` only, which
/// no synthesizer uses.
public struct NoiseSource: RandomNumberGenerator, Sendable {
    enum Storage: Sendable {
        case secure
        case seeded(RandomStream)
    }

    var storage: Storage
    var cachedNormal: Double?

    /// The label shown wherever a seeded DP run appears.
    public static let testModeLabel = "not private: reproducible test mode"

    /// Noise from the operating system's cryptographically secure generator.
    public static var secure: NoiseSource { NoiseSource(storage: .secure, cachedNormal: nil) }

    /// Noise from a seeded stream: reproducible and therefore **not private**.
    public static func insecureReproducible(seed: Seed) -> NoiseSource {
        NoiseSource(storage: .seeded(seed.derived("privacy.noise").stream()), cachedNormal: nil)
    }

    /// Whether this source is the secure one (a fit with it may claim privacy).
    public var isSecure: Bool {
        if case .secure = storage { return true }
        return false
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        switch storage {
        case .secure:
            var generator = SystemRandomNumberGenerator()
            return generator.next()
        case .seeded(var stream):
            let value = stream.next()
            storage = .seeded(stream)
            return value
        }
    }

    /// A uniform double in the open interval (0, 1).
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
        let angle = 2 * Double.pi * nextOpenUniform()
        cachedNormal = radius * sin(angle)
        return radius * cos(angle)
    }

    /// A Laplace(0, scale) draw by inversion.
    public mutating func nextLaplace(scale: Double) -> Double {
        let uniform = nextOpenUniform() - 0.5
        return uniform < 0 ? scale * log(1 + 2 * uniform) : -scale * log(1 - 2 * uniform)
    }

    /// A standard Gumbel draw, −ln(−ln U).
    public mutating func nextGumbel() -> Double {
        -log(-log(nextOpenUniform()))
    }
}
