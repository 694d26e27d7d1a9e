public import SynthKitCore

/// The Laplace mechanism: adds Laplace(0, b) to each coordinate of a statistic with L1
/// sensitivity Δ; ε = Δ/b (Dwork, McSherry, Nissim & Smith 2006).
///
/// As a pure ε-DP mechanism it is ε²/2-zCDP, which is what a ``PrivacyBudget`` is charged.
/// For counts, b = Δ/ε with Δ = 1 under add/remove neighbours (2 when a row is replaced);
/// noise on probabilities would need b = Δ/(n·ε): confusing the two is DataSynthesizer #34.
///
/// **Counts** go through ``release(counts:noise:)``: the discrete Laplace (two-sided
/// geometric) distribution P(y) ∝ exp(−|y|/b) on the integers, b rounded up to a dyadic
/// rational and sampled exactly (Canonne, Kamath & Steinke 2020, Algorithm 2), which is ε-DP
/// for integer statistics with L1 sensitivity Δ (Ghosh, Roughgarden & Sundararajan 2012) and
/// immune to the floating-point attack of Mironov (2012).
public struct LaplaceMechanism: Sendable, Hashable {
    /// The L1 sensitivity Δ.
    public var sensitivity: Double
    /// The pure-DP ε.
    public var epsilon: Double

    /// A mechanism with sensitivity Δ and privacy ε.
    public init(sensitivity: Double, epsilon: Double) {
        precondition(sensitivity > 0 && epsilon > 0, "LaplaceMechanism needs positive sensitivity and epsilon, got \(sensitivity), \(epsilon)")
        self.sensitivity = sensitivity
        self.epsilon = epsilon
    }

    /// The noise scale b = Δ/ε.
    public var scale: Double { sensitivity / epsilon }

    /// The zCDP cost ε²/2.
    public var rho: Double { ZeroConcentratedPrivacy.pureCost(epsilon: epsilon) }

    /// `values` with independent Laplace(0, b) noise added.
    public func release(_ values: [Double], noise: inout NoiseSource) -> [Double] {
        values.map { $0 + noise.nextLaplace(scale: scale) }
    }

    /// `counts` with independent discrete Laplace noise of scale b = Δ/ε (rounded up), exactly.
    public func release(counts: [Int], noise: inout NoiseSource) -> [Int] {
        let exactScale = DyadicRational(atLeast: scale.nextUp.nextUp)
        return counts.map { $0 + Int(noise.discreteLaplace(scale: exactScale)) }
    }

    /// Charges ``rho`` to `budget`, then releases `values`.
    public func release(
        _ values: [Double], purpose: String, budget: inout PrivacyBudget, noise: inout NoiseSource
    ) throws(SynthKitError) -> [Double] {
        try budget.charge(rho: rho, purpose: purpose)
        return release(values, noise: &noise)
    }
}
