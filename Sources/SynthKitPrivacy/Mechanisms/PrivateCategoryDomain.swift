public import SynthKitCore
import SynthKitMath

/// A differentially private category domain for a column whose domain is not declared.
///
/// Stability-based histogram (Korolova et al. 2009; Wilson et al. 2020): every category seen
/// in the data gets its count plus N(0, σ²) with σ from `rho` (one row changes one count by
/// 1, Δ = 1); a category is released when its noisy count exceeds
/// τ = 1 + σ·Φ⁻¹(1 − δ₀). A category only the differing row has (count 1) is then released
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
        let threshold = 1 + mechanism.standardDeviation * NormalDistribution.quantile(1 - deltaShare)
        var released: [(String, Double)] = []
        for category in counts.keys.sorted() {
            let noisy = Double(counts[category] ?? 0) + mechanism.standardDeviation * noise.nextNormal()
            if noisy > threshold { released.append((category, noisy)) }
        }
        return released.sorted { $0.1 > $1.1 }.map(\.0)
    }
}
