extension NoiseSource {
    /// A uniform integer in 0..<bound, exactly (rejection on the source's 64-bit words).
    mutating func uniformInteger(below bound: UInt128) -> UInt128 {
        precondition(bound > 0, "uniformInteger(below:) needs a positive bound")
        return UInt128.random(in: 0..<bound, using: &self)
    }

    /// Bernoulli(n/d), exactly. O(1).
    mutating func bernoulli(numerator: UInt128, denominator: UInt128) -> Bool {
        precondition(denominator > 0 && numerator <= denominator, "bernoulli needs 0 <= \(numerator) <= \(denominator)")
        return uniformInteger(below: denominator) < numerator
    }

    /// Bernoulli(exp(−n/d)), exactly, for any rational n/d ≥ 0 (Canonne, Kamath & Steinke
    /// 2020, Algorithm 1).
    ///
    /// For γ ≤ 1: draw A_K ~ Bernoulli(γ/K) for K = 1, 2, … until one fails; the result is
    /// whether that K is odd (P = Σ_odd (γ^(K−1)/(K−1)! − γ^K/K!) = e^−γ). For γ > 1: ⌊γ⌋
    /// independent Bernoulli(e⁻¹) successes, then Bernoulli(e^−(γ−⌊γ⌋)); it stops at the first
    /// failure, so the expected cost is O(1) whatever γ.
    mutating func bernoulliExpMinus(numerator: UInt128, denominator: UInt128) -> Bool {
        precondition(denominator > 0, "bernoulliExpMinus needs a positive denominator")
        var whole = numerator / denominator
        while whole > 0 {
            if !bernoulliExpMinusAtMostOne(numerator: 1, denominator: 1) { return false }
            whole -= 1
        }
        return bernoulliExpMinusAtMostOne(numerator: numerator % denominator, denominator: denominator)
    }

    /// Bernoulli(exp(−n/d)) for 0 ≤ n/d ≤ 1.
    private mutating func bernoulliExpMinusAtMostOne(numerator: UInt128, denominator: UInt128) -> Bool {
        var k: UInt128 = 1
        while true {
            let (scaled, overflow) = denominator.multipliedReportingOverflow(by: k)
            // γ/K below 2^-(127 − log₂ d): treated as 0 (probability of continuing < 2^-80).
            if overflow || !bernoulli(numerator: numerator, denominator: scaled) { break }
            k += 1
        }
        return k % 2 == 1
    }

    /// A discrete Laplace draw: P(y) ∝ exp(−|y|·d/n) on the integers, with scale n/d
    /// (Canonne, Kamath & Steinke 2020, Algorithm 2: a geometric magnitude with exact
    /// Bernoulli steps, a random sign, and 0 counted once). Expected O(1) steps.
    mutating func discreteLaplace(scale: DyadicRational) -> Int64 {
        let t = scale.numerator
        let s = scale.denominator
        precondition(t > 0, "the discrete Laplace scale must be positive")
        while true {
            let uniform = uniformInteger(below: t)
            if !bernoulliExpMinus(numerator: uniform, denominator: t) { continue }
            var geometric: UInt128 = 0
            while bernoulliExpMinus(numerator: 1, denominator: 1) { geometric += 1 }
            let magnitude = (uniform + t * geometric) / s
            let negative = bernoulli(numerator: 1, denominator: 2)
            if negative && magnitude == 0 { continue }
            let value = Int64(clamping: magnitude)
            return negative ? -value : value
        }
    }

    /// A discrete Gaussian draw: P(y) ∝ exp(−y²/(2σ²)) on the integers, σ² = a/b exactly
    /// (Canonne, Kamath & Steinke 2020, Algorithm 3).
    ///
    /// Proposal Y ~ discrete Laplace with integer scale t = ⌊σ⌋ + 1, accepted with probability
    /// exp(−(|Y| − σ²/t)²/(2σ²)) = exp(−(|Y|·b·t − a)²/(2·a·b·t²)), all in 128-bit integers.
    /// When that numerator would overflow, γ > 2⁴⁰ and the draw is rejected (its acceptance
    /// probability is below e^(−2⁴⁰)). Expected O(1) proposals.
    mutating func discreteGaussian(variance: DyadicRational) -> Int64 {
        let a = variance.numerator
        let b = variance.denominator
        precondition(a > 0, "the discrete Gaussian variance must be positive")
        let t = UInt128(variance.doubleValue.squareRoot().rounded(.down)) + 1
        let laplaceScale = DyadicRational(numerator: t, denominator: 1)
        while true {
            let proposal = discreteLaplace(scale: laplaceScale)
            let magnitude = UInt128(proposal.magnitude)
            let (bt, overflowA) = b.multipliedReportingOverflow(by: t)
            let (scaled, overflowB) = magnitude.multipliedReportingOverflow(by: bt)
            guard !overflowA, !overflowB else { continue }
            let difference = scaled >= a ? scaled - a : a - scaled
            let (squared, overflowC) = difference.multipliedReportingOverflow(by: difference)
            let (ab, overflowD) = (2 * a).multipliedReportingOverflow(by: b)
            let (denominator, overflowE) = ab.multipliedReportingOverflow(by: t * t)
            precondition(!overflowD && !overflowE, "discrete Gaussian variance \(variance) too large for 128-bit arithmetic")
            guard !overflowC else { continue }
            if bernoulliExpMinus(numerator: squared, denominator: denominator) { return proposal }
        }
    }
}
