public import SynthKitCore

/// The Gaussian mechanism: adds N(0, σ²) to each coordinate of a statistic with L2 sensitivity Δ.
///
/// Costs ρ = Δ²/(2σ²) in zCDP (Bun & Steinke 2016, Prop. 1.6). For counts under
/// add/remove-one-row neighbours a histogram has Δ = 1; k histograms measured together have
/// Δ = √k. O(values).
///
/// **Counts** go through ``release(counts:noise:)``: exact discrete Gaussian noise
/// N_ℤ(0, σ²) (Canonne, Kamath & Steinke 2020, Algorithm 3) with σ² rounded up to a dyadic
/// rational, sampled with integer arithmetic only, so the output is an integer and the
/// floating-point attack of Mironov (2012) has nothing to read. The discrete Gaussian on
/// integer-valued statistics with L2 sensitivity Δ costs the same ρ = Δ²/(2σ²) (CKS20,
/// Thm. 4 and its multivariate form). ``release(_:noise:)`` (continuous, double precision) remains for real-valued
/// statistics and is not used by the synthesizers.
public struct GaussianMechanism: Sendable, Hashable {
    /// The L2 sensitivity Δ of the statistic.
    public var sensitivity: Double
    /// The noise standard deviation σ.
    public var standardDeviation: Double

    /// A mechanism with explicit σ.
    public init(sensitivity: Double, standardDeviation: Double) {
        precondition(sensitivity > 0 && standardDeviation > 0, "GaussianMechanism needs positive sensitivity and sigma, got \(sensitivity), \(standardDeviation)")
        self.sensitivity = sensitivity
        self.standardDeviation = standardDeviation
    }

    /// The mechanism that costs exactly ρ: σ = Δ/√(2ρ).
    public init(sensitivity: Double, rho: Double) {
        self.init(sensitivity: sensitivity, standardDeviation: ZeroConcentratedPrivacy.gaussianStandardDeviation(rho: rho, sensitivity: sensitivity))
    }

    /// The zCDP cost ρ.
    public var rho: Double { ZeroConcentratedPrivacy.gaussianCost(sensitivity: sensitivity, standardDeviation: standardDeviation) }

    /// `values` with independent N(0, σ²) noise added.
    public func release(_ values: [Double], noise: inout NoiseSource) -> [Double] {
        values.map { $0 + standardDeviation * noise.nextNormal() }
    }

    /// The exact noise variance used for counts: σ² rounded up (never less noise than stated).
    package var countVariance: DyadicRational {
        DyadicRational(atLeast: (standardDeviation * standardDeviation).nextUp.nextUp)
    }

    /// `counts` with independent discrete Gaussian N_ℤ(0, σ²) noise added, exactly.
    public func release(counts: [Int], noise: inout NoiseSource) -> [Int] {
        let variance = countVariance
        return counts.map { $0 + Int(noise.discreteGaussian(variance: variance)) }
    }

    /// Charges ``rho`` to `budget` for `purpose`, then releases `counts` with discrete noise.
    /// - Throws: the budget's refusal when it cannot pay.
    public func release(
        counts: [Int], purpose: String, budget: inout PrivacyBudget, noise: inout NoiseSource
    ) throws(SynthKitError) -> [Int] {
        try budget.charge(rho: rho, purpose: purpose)
        return release(counts: counts, noise: &noise)
    }

    /// Charges ``rho`` to `budget` for `purpose`, then releases `values`.
    /// - Throws: the budget's refusal when it cannot pay.
    public func release(
        _ values: [Double], purpose: String, budget: inout PrivacyBudget, noise: inout NoiseSource
    ) throws(SynthKitError) -> [Double] {
        try budget.charge(rho: rho, purpose: purpose)
        return release(values, noise: &noise)
    }
}
