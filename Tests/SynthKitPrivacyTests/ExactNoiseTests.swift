import Foundation
import SynthKitCore
@testable import SynthKitPrivacy
import Testing

/// The exact integer samplers (CKS20) against their closed-form moments.
@Suite("Exact discrete noise")
struct ExactNoiseTests {
    static let draws = 20_000

    /// Mean, variance and P(0) of the discrete Gaussian N_ℤ(0, σ²), summed over |y| ≤ 60.
    static func discreteGaussianMoments(variance: Double) -> (variance: Double, fourth: Double, zero: Double) {
        var total = 0.0
        var second = 0.0
        var fourth = 0.0
        for y in -60...60 {
            let weight = exp(-Double(y * y) / (2 * variance))
            total += weight
            second += Double(y * y) * weight
            fourth += Double(y * y * y * y) * weight
        }
        return (second / total, fourth / total, 1 / total)
    }

    static func moments(_ values: [Int64]) -> (mean: Double, variance: Double, zeroShare: Double) {
        let count = Double(values.count)
        let mean = values.reduce(0.0) { $0 + Double($1) } / count
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / (count - 1)
        return (mean, variance, Double(values.filter { $0 == 0 }.count) / count)
    }

    /// σ² = 0.25: the discrete Gaussian's variance (0.2150) and P(0) (0.7866) differ clearly
    /// from a rounded continuous Gaussian's, so this checks the exact distribution.
    @Test(arguments: [0.25, 2.25, 1400.0])
    func discreteGaussianMatchesItsExactMoments(variance: Double) {
        var noise = NoiseSource.insecureReproducible(seed: Seed(11))
        let exactVariance = DyadicRational(atLeast: variance)
        let values = (0..<Self.draws).map { _ in noise.discreteGaussian(variance: exactVariance) }
        let observed = Self.moments(values)
        // For large σ² the discrete moments equal the continuous ones to double precision.
        let exact: (variance: Double, fourth: Double, zero: Double) = variance < 100
            ? Self.discreteGaussianMoments(variance: variance)
            : (variance, 3 * variance * variance, 1 / (2 * Double.pi * variance).squareRoot())
        let n = Double(Self.draws)
        #expect(abs(observed.mean) < 4 * (exact.variance / n).squareRoot(), "mean \(observed.mean)")
        let varianceError = ((exact.fourth - exact.variance * exact.variance) / n).squareRoot()
        #expect(abs(observed.variance - exact.variance) < 4 * varianceError, "variance \(observed.variance) vs \(exact.variance)")
        let zeroError = (exact.zero * (1 - exact.zero) / n).squareRoot()
        #expect(abs(observed.zeroShare - exact.zero) < 4 * zeroError, "P(0) \(observed.zeroShare) vs \(exact.zero)")
    }

    /// Discrete Laplace with scale b: variance 2q/(1 − q)², q = e^(−1/b); P(0) = (1 − q)/(1 + q).
    @Test func discreteLaplaceMatchesItsExactMoments() {
        var noise = NoiseSource.insecureReproducible(seed: Seed(12))
        let scale = 2.5
        let values = (0..<Self.draws).map { _ in noise.discreteLaplace(scale: DyadicRational(atLeast: scale)) }
        let observed = Self.moments(values)
        let q = exp(-1 / scale)
        let variance = 2 * q / ((1 - q) * (1 - q))
        let zero = (1 - q) / (1 + q)
        #expect(abs(observed.mean) < 4 * (variance / Double(Self.draws)).squareRoot())
        #expect(abs(observed.variance / variance - 1) < 0.05, "variance \(observed.variance) vs \(variance)")
        #expect(abs(observed.zeroShare - zero) < 4 * (zero * (1 - zero) / Double(Self.draws)).squareRoot())
    }

    @Test(arguments: [(1, 2), (3, 2), (7, 1)])
    func bernoulliOfExpMinusHasTheRightRate(numerator: Int, denominator: Int) {
        var noise = NoiseSource.insecureReproducible(seed: Seed(13))
        let successes = (0..<Self.draws).filter { _ in
            noise.bernoulliExpMinus(numerator: UInt128(numerator), denominator: UInt128(denominator))
        }.count
        let rate = exp(-Double(numerator) / Double(denominator))
        let error = (rate * (1 - rate) / Double(Self.draws)).squareRoot()
        #expect(abs(Double(successes) / Double(Self.draws) - rate) < 4 * error + 1e-4)
    }

    @Test func roundingKeepsTheClaimSafe() {
        let variance = DyadicRational(atLeast: 1400.123456789)
        #expect(variance.doubleValue >= 1400.123456789)
        #expect(variance.doubleValue - 1400.123456789 < 1e-8)
        let epsilon = DyadicRational(atMost: 0.0554)
        #expect(epsilon.doubleValue <= 0.0554 && 0.0554 - epsilon.doubleValue < 1e-12)
        let mechanism = GaussianMechanism(sensitivity: 1, rho: 0.01)
        #expect(mechanism.countVariance.doubleValue >= mechanism.standardDeviation * mechanism.standardDeviation)
    }

    /// Non-integer scores are quantised (Q = ⌊q·K/Δ⌋, Δ_Q = K + 1): the probabilities stay those
    /// of the exponential mechanism on the real scores up to a factor K/(K+1) in ε.
    @Test func exponentialMechanismOnRealScoresKeepsItsProbabilities() {
        var noise = NoiseSource.insecureReproducible(seed: Seed(14))
        var counts = [0, 0, 0]
        for _ in 0..<6000 {
            counts[ExponentialMechanism.select(scores: [0, 0.25, 0.5], epsilon: 2, sensitivity: 0.25, noise: &noise)] += 1
        }
        // P ∝ e^0, e^1, e^2 → 0.090, 0.245, 0.665.
        for (index, probability) in [0.0900, 0.2447, 0.6652].enumerated() {
            let error = (probability * (1 - probability) / 6000).squareRoot()
            #expect(abs(Double(counts[index]) / 6000 - probability) < 4 * error, "\(counts)")
        }
        let (integers, sensitivity) = ExponentialMechanism.integerScores([0, 0.25, 0.5], sensitivity: 0.25)
        #expect(integers == [0, 1 << 20, 2 << 20] && sensitivity == (1 << 20) + 1)
        #expect(ExponentialMechanism.integerScores([3, 7], sensitivity: 1).sensitivity == 1)
    }
}
