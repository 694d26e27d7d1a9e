public import SynthKitCore

/// Private selection of one candidate by score: the exponential mechanism and permute-and-flip,
/// both sampled exactly (no floating-point randomness).
///
/// **Exponential mechanism** (McSherry & Talwar 2007): candidate r is chosen with probability
/// ∝ exp(ε·q(r)/(2Δ)), where Δ bounds how much one row changes any score; ε-DP and ε²/8-zCDP
/// (Cesar & Rogers 2021). **Permute-and-flip** (McKenna & Sheldon 2020): visit candidates in
/// random order and accept r with probability exp(ε·(q(r) − q*)/(2Δ)); ε-DP, never worse in
/// expected score than the exponential mechanism (accounted as pure ε-DP).
///
/// **Exact sampling.** Scores become integers Q with an integer sensitivity Δ_Q:
/// - when every score and Δ are whole numbers (MST's L1 scores on counts) they are used as
///   they are (Q = q, Δ_Q = Δ);
/// - otherwise Q = ⌊q·K/Δ⌋ with K = 2²⁰ and Δ_Q = K + 1: if |q(D) − q(D′)| ≤ Δ then
///   |Q(D) − Q(D′)| ≤ K + 1, even with the double-precision rounding of q (far below one unit
///   of Q), so the integer scores have sensitivity Δ_Q exactly; the cost is a factor
///   K/(K+1) ≈ 1 − 10⁻⁶ in effective ε and a resolution of Δ/K.
/// ε is rounded down to a dyadic rational ε̂ ≤ ε. The exponential mechanism is then sampled by
/// rejection: propose r uniformly and accept with probability exp(−ε̂·(Q* − Q_r)/(2Δ_Q)), an
/// exact Bernoulli(exp(−γ)) of a rational γ (``NoiseSource/bernoulliExpMinus(numerator:denominator:)``).
/// Accepted draws have probability exactly ∝ exp(ε̂·Q_r/(2Δ_Q)). Expected O(candidates²)
/// Bernoulli steps in the worst case (O(candidates) proposals), O(1) when scores are close.
public enum ExponentialMechanism {
    /// Resolution of the integer scores built from non-integer ones.
    static let scoreResolution: Int64 = 1 << 20

    /// Integer scores and their sensitivity for `scores` with sensitivity `sensitivity`.
    static func integerScores(_ scores: [Double], sensitivity: Double) -> (scores: [Int64], sensitivity: UInt128) {
        let limit = 0x1p62
        let whole = sensitivity == sensitivity.rounded() && sensitivity < limit
            && scores.allSatisfy { $0 == $0.rounded() && abs($0) < limit }
        if whole { return (scores.map { Int64($0) }, UInt128(sensitivity)) }
        let factor = Double(scoreResolution) / sensitivity
        let quantised = scores.map { score -> Int64 in
            let scaled = (score * factor).rounded(.down)
            precondition(abs(scaled) < limit, "score \(score) / sensitivity \(sensitivity) too large for exact selection")
            return Int64(scaled)
        }
        return (quantised, UInt128(scoreResolution) + 1)
    }

    /// The exact rational γ_r = ε̂·(Q* − Q_r)/(2Δ_Q) of each candidate, as numerators over one
    /// denominator.
    static func penalties(scores: [Double], epsilon: Double, sensitivity: Double) -> (numerators: [UInt128], denominator: UInt128) {
        precondition(!scores.isEmpty, "a selection needs at least one candidate")
        precondition(epsilon > 0 && sensitivity > 0, "needs positive epsilon and sensitivity, got \(epsilon), \(sensitivity)")
        precondition(scores.allSatisfy(\.isFinite), "selection scores must be finite")
        let (integers, integerSensitivity) = integerScores(scores, sensitivity: sensitivity)
        let exactEpsilon = DyadicRational(atMost: epsilon)
        let best = integers.max() ?? 0
        let numerators = integers.map { UInt128(best - $0) * exactEpsilon.numerator }
        return (numerators, 2 * integerSensitivity * exactEpsilon.denominator)
    }

    /// The exponential mechanism's choice among `scores` (higher is better), sampled exactly.
    public static func select(scores: [Double], epsilon: Double, sensitivity: Double, noise: inout NoiseSource) -> Int {
        let (numerators, denominator) = penalties(scores: scores, epsilon: epsilon, sensitivity: sensitivity)
        let count = UInt128(numerators.count)
        while true {
            let candidate = Int(noise.uniformInteger(below: count))
            if noise.bernoulliExpMinus(numerator: numerators[candidate], denominator: denominator) { return candidate }
        }
    }

    /// The permute-and-flip choice among `scores` (higher is better), sampled exactly.
    public static func permuteAndFlip(scores: [Double], epsilon: Double, sensitivity: Double, noise: inout NoiseSource) -> Int {
        let (numerators, denominator) = penalties(scores: scores, epsilon: epsilon, sensitivity: sensitivity)
        var order = Array(scores.indices)
        while true {
            order.shuffle(using: &noise)
            for index in order where noise.bernoulliExpMinus(numerator: numerators[index], denominator: denominator) {
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
