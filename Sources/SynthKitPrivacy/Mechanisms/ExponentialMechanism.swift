public import SynthKitCore
import Foundation

/// Private selection of one candidate by score: the exponential mechanism and permute-and-flip.
///
/// **Exponential mechanism** (McSherry & Talwar 2007): candidate r is chosen with probability
/// ∝ exp(ε·q(r)/(2Δ)), where Δ bounds how much one row changes any score; ε-DP and ε²/8-zCDP
/// (Cesar & Rogers 2021). Sampled by the Gumbel-max trick: argmax of ε·q/(2Δ) + Gumbel noise.
///
/// **Permute-and-flip** (McKenna & Sheldon 2020): visit candidates in random order and accept
/// r with probability exp(ε·(q(r) − q*)/(2Δ)); ε-DP, never worse in expected score than the
/// exponential mechanism. Both are O(candidates).
public enum ExponentialMechanism {
    /// The exponential mechanism's choice among `scores` (higher is better).
    public static func select(scores: [Double], epsilon: Double, sensitivity: Double, noise: inout NoiseSource) -> Int {
        precondition(!scores.isEmpty, "the exponential mechanism needs at least one candidate")
        precondition(epsilon > 0 && sensitivity > 0, "needs positive epsilon and sensitivity, got \(epsilon), \(sensitivity)")
        let factor = epsilon / (2 * sensitivity)
        var best = 0
        var bestValue = -Double.infinity
        for (index, score) in scores.enumerated() {
            let value = factor * score + noise.nextGumbel()
            if value > bestValue {
                bestValue = value
                best = index
            }
        }
        return best
    }

    /// The permute-and-flip choice among `scores` (higher is better).
    public static func permuteAndFlip(scores: [Double], epsilon: Double, sensitivity: Double, noise: inout NoiseSource) -> Int {
        precondition(!scores.isEmpty, "permute-and-flip needs at least one candidate")
        precondition(epsilon > 0 && sensitivity > 0, "needs positive epsilon and sensitivity, got \(epsilon), \(sensitivity)")
        let best = scores.max() ?? 0
        let factor = epsilon / (2 * sensitivity)
        var order = Array(scores.indices)
        while true {
            order.shuffle(using: &noise)
            for index in order where noise.nextOpenUniform() <= exp(factor * (scores[index] - best)) {
                return index
            }
        }
    }

    /// Charges ε²/8 to `budget`, then selects with the exponential mechanism.
    public static func select(
        scores: [Double], epsilon: Double, sensitivity: Double, purpose: String,
        budget: inout PrivacyBudget, noise: inout NoiseSource
    ) throws(SynthKitError) -> Int {
        try budget.charge(rho: ZeroConcentratedPrivacy.exponentialMechanismCost(epsilon: epsilon), purpose: purpose)
        return select(scores: scores, epsilon: epsilon, sensitivity: sensitivity, noise: &noise)
    }
}
