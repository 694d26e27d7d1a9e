/// A normal distribution N(μ, σ²) restricted to [lower, upper].
///
/// cdf(x) = (Φ(ξ) - Φ(α)) / (Φ(β) - Φ(α)) with ξ = (x-μ)/σ, α, β the standardised bounds;
/// the quantile inverts it with Φ⁻¹. When both bounds lie in the upper tail the
/// computation uses survival functions to avoid cancellation.
public struct TruncatedNormal: Sendable, Hashable, Codable {
    /// The mean of the untruncated normal.
    public var mean: Double
    /// The standard deviation of the untruncated normal (> 0).
    public var standardDeviation: Double
    /// The lower bound (may be `-infinity`).
    public var lower: Double
    /// The upper bound (may be `+infinity`).
    public var upper: Double

    /// Creates the distribution.
    /// - Precondition: `standardDeviation > 0` and `lower < upper`.
    public init(mean: Double, standardDeviation: Double, lower: Double, upper: Double) {
        precondition(standardDeviation > 0 && lower < upper,
                     "TruncatedNormal needs sd > 0 and lower < upper, got sd=\(standardDeviation), [\(lower), \(upper)]")
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.lower = lower
        self.upper = upper
    }

    var alpha: Double { (lower - mean) / standardDeviation }
    var beta: Double { (upper - mean) / standardDeviation }
    var upperTail: Bool { alpha > 0 }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        if x <= lower { return 0 }
        if x >= upper { return 1 }
        let xi = (x - mean) / standardDeviation
        let value: Double
        if upperTail {
            let mass = NormalDistribution.survival(alpha) - NormalDistribution.survival(beta)
            value = (NormalDistribution.survival(alpha) - NormalDistribution.survival(xi)) / mass
        } else {
            let mass = NormalDistribution.cdf(beta) - NormalDistribution.cdf(alpha)
            value = (NormalDistribution.cdf(xi) - NormalDistribution.cdf(alpha)) / mass
        }
        return min(max(value, 0), 1)
    }

    /// The x with P(X ≤ x) = p, clamped into [lower, upper].
    public func quantile(_ p: Double) -> Double {
        let x: Double
        if upperTail {
            let sa = NormalDistribution.survival(alpha)
            let sb = NormalDistribution.survival(beta)
            x = mean - standardDeviation * NormalDistribution.quantile(sa - p * (sa - sb))
        } else {
            let ca = NormalDistribution.cdf(alpha)
            let cb = NormalDistribution.cdf(beta)
            x = mean + standardDeviation * NormalDistribution.quantile(ca + p * (cb - ca))
        }
        return min(max(x, lower), upper)
    }
}
