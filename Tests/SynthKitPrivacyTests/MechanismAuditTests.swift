import SynthKitCore
@testable import SynthKitPrivacy
import Testing

@Suite("Noise calibration and empirical-epsilon audits")
struct MechanismAuditTests {
    static func standardDeviation(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
    }

    /// PrivBayes' count noise: m tables sharing ρ₂, replace-one sensitivity √2 → σ = √(m/ρ₂).
    @Test func privBayesCountNoiseHasTheStatedScale() {
        let tables = 14.0
        let tableBudget = 0.9 * 0.0149730577
        let mechanism = PrivBayes.countMechanism(tableRho: tableBudget / tables)
        let stated = (tables / tableBudget).squareRoot()
        #expect(abs(mechanism.standardDeviation - stated) <= 1e-9 * stated)
        var noise = NoiseSource.insecureReproducible(seed: Seed(1))
        let draws = mechanism.release(counts: [Int](repeating: 100, count: 3000), noise: &noise).map(Double.init)
        let empirical = Self.standardDeviation(draws)
        #expect(abs(empirical / stated - 1) < 0.05, "empirical sd \(empirical), stated \(stated)")
    }

    @Test func laplaceNoiseHasTheStatedScale() {
        let mechanism = LaplaceMechanism(sensitivity: 1, epsilon: 0.5)
        var noise = NoiseSource.insecureReproducible(seed: Seed(2))
        let draws = mechanism.release(counts: [Int](repeating: 0, count: 3000), noise: &noise).map(Double.init)
        let stated = 2.0.squareRoot() * mechanism.scale
        #expect(abs(Self.standardDeviation(draws) / stated - 1) < 0.05)
    }

    @Test func clopperPearsonMatchesKnownValues() {
        let interval = EmpiricalPrivacyAudit.clopperPearson(successes: 5, trials: 100, confidence: 0.95)
        #expect(abs(interval.lower - 0.016431) < 1e-5)
        #expect(abs(interval.upper - 0.112835) < 1e-5)
    }

    /// Discrete Laplace count at ε = 1, attack threshold at c + 1 (the tightest for Laplace);
    /// the broken variant divides the noise scale by `noiseDivisor`.
    static func laplaceAudit(noiseDivisor: Double, seed: UInt64) -> EmpiricalPrivacyAudit.Result {
        let mechanism = LaplaceMechanism(sensitivity: 1, epsilon: noiseDivisor)
        var noise = NoiseSource.insecureReproducible(seed: Seed(seed))
        return EmpiricalPrivacyAudit.run(trials: 2000, threshold: 100.5, delta: 0, noise: &noise) { includesCanary, noise in
            Double(mechanism.release(counts: [includesCanary ? 101 : 100], noise: &noise)[0])
        }
    }

    @Test func laplaceAuditStaysBelowTheClaimAndCatchesTooLittleNoise() {
        let honest = Self.laplaceAudit(noiseDivisor: 1, seed: 3)
        #expect(honest.epsilonLowerBound <= 1, "honest Laplace flagged: \(honest)")
        let broken = Self.laplaceAudit(noiseDivisor: 10, seed: 3)
        #expect(broken.epsilonLowerBound > 1, "noise / 10 not flagged: \(broken)")
    }

    /// Discrete Gaussian count at (ε = 1, δ = 1e-5), as the synthesizers release counts; the
    /// controls divide the noise by 10 and use the probability-scale noise σ/n on counts
    /// (DataSynthesizer #34, n = 200).
    @Test(arguments: [(1.0, false), (10.0, true), (200.0, true)])
    func gaussianAudit(noiseDivisor: Double, mustFlag: Bool) {
        let rho = ZeroConcentratedPrivacy.rho(epsilon: 1, delta: 1e-5)
        let honest = GaussianMechanism(sensitivity: 1, rho: rho)
        let mechanism = GaussianMechanism(sensitivity: 1, standardDeviation: honest.standardDeviation / noiseDivisor)
        var noise = NoiseSource.insecureReproducible(seed: Seed(4))
        let result = EmpiricalPrivacyAudit.run(trials: 2000, threshold: 100.5, delta: 1e-5, noise: &noise) { includesCanary, noise in
            Double(mechanism.release(counts: [includesCanary ? 101 : 100], noise: &noise)[0])
        }
        #expect((result.epsilonLowerBound > 1) == mustFlag, "divisor \(noiseDivisor): \(result)")
    }

    @Test func exponentialMechanismPrefersHighScoresAndPermuteAndFlipToo() {
        var noise = NoiseSource.insecureReproducible(seed: Seed(5))
        var exponential = [0, 0, 0]
        var flip = [0, 0, 0]
        for _ in 0..<2000 {
            exponential[ExponentialMechanism.select(scores: [0, 1, 2], epsilon: 2, sensitivity: 1, noise: &noise)] += 1
            flip[ExponentialMechanism.permuteAndFlip(scores: [0, 1, 2], epsilon: 2, sensitivity: 1, noise: &noise)] += 1
        }
        // Exponential mechanism: P ∝ e^0, e^1, e^2 → 0.090, 0.245, 0.665.
        #expect(abs(Double(exponential[2]) / 2000 - 0.665) < 0.04)
        #expect(flip[2] > exponential[2])
    }

    @Test func privateBoundsAndDomainsAreChargedAndSensible() throws {
        var budget = try PrivacyBudget(epsilon: 1, delta: 1e-9, reservedDelta: 1e-10)
        var noise = NoiseSource.insecureReproducible(seed: Seed(6))
        let values = (0..<5000).map { Double(17 + $0 % 74) }
        let range = try PrivateQuantile.bounds(of: values, rho: budget.totalRho / 2, noise: &noise, budget: &budget, purpose: "bounds(age)")
        #expect(range.lower == 16 && range.upper == 128, "\(range)")
        let domain = try PrivateCategoryDomain.release(
            counts: ["common": 3000, "rare": 1], rho: budget.remainingRho, deltaShare: 1e-10, noise: &noise, budget: &budget,
            purpose: "categories(x)")
        #expect(domain == ["common"])
        #expect(abs(budget.spentRho - budget.totalRho) <= 1e-15)
        #expect(budget.spends.count == 2)
    }

    @Test func quantileEstimateIsNearTheTruth() {
        var noise = NoiseSource.insecureReproducible(seed: Seed(9))
        let values = (1...1000).map(Double.init)
        let median = PrivateQuantile.estimate(sortedValues: values, quantile: 0.5, lower: 0, upper: 2000, epsilon: 1, noise: &noise)
        #expect(abs(median - 500) < 25, "\(median)")
    }
}
