public import SynthKitCore
import Foundation

/// A differentially private category domain for a column whose domain is not declared.
///
/// Stability-based histogram (Korolova et al. 2009; Wilson et al. 2020): every category seen
/// in the data gets its count plus discrete Gaussian noise N_ℤ(0, σ²) with σ from `rho` (one
/// row changes one count by 1, Δ = 1; exact integer sampling); a category is released when
/// its noisy count exceeds τ = 1 + σ·√(2·ln(1/δ₀)) (a subgaussian tail bound, valid for the
/// discrete Gaussian). A category only the differing row has (count 1) is then released
/// with probability at most δ₀, so the step is ρ-zCDP except with probability δ₀, which
/// ``PrivacyBudget`` accounts as reserved δ. Categories are returned most frequent (noisy)
/// first. O(categories).
public enum PrivateCategoryDomain {
    /// The released categories of `counts` (category → count); `countSensitivity` is 1 for
    /// add/remove-one neighbours, √2 for replace-one.
    /// - Throws: the budget's refusal.
    public static func release(
        counts: [String: Int], rho: Double, deltaShare: Double, countSensitivity: Double = 1, noise: inout NoiseSource,
        budget: inout PrivacyBudget, purpose: String
    ) throws(SynthKitError) -> [String] {
        precondition(deltaShare > 0 && deltaShare < 1, "deltaShare must lie in (0, 1), got \(deltaShare)")
        let mechanism = GaussianMechanism(sensitivity: countSensitivity, rho: rho)
        try budget.charge(rho: rho, purpose: purpose)
        let threshold = Self.threshold(standardDeviation: mechanism.standardDeviation, deltaShare: deltaShare)
        let categories = counts.keys.sorted()
        let noisyCounts = mechanism.release(counts: categories.map { counts[$0] ?? 0 }, noise: &noise)
        var released: [(String, Int)] = []
        for (category, noisy) in zip(categories, noisyCounts) where Double(noisy) > threshold {
            released.append((category, noisy))
        }
        return released.sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// τ = 1 + σ·√(2·ln(1/δ₀)): the discrete Gaussian is σ-subgaussian (CKS20: its moment
    /// generating function is at most that of N(0, σ²)), so
    /// P(noise ≥ τ − 1) ≤ exp(−(τ − 1)²/(2σ²)) = δ₀.
    static func threshold(standardDeviation: Double, deltaShare: Double) -> Double {
        1 + standardDeviation * (2 * log(1 / deltaShare)).squareRoot()
    }
}
