import Foundation

/// Zero-concentrated differential privacy (zCDP): costs of the basic mechanisms and the
/// conversions between ρ-zCDP and (ε, δ)-DP.
///
/// **Costs.** A Gaussian mechanism with L2 sensitivity Δ and noise N(0, σ²) is
/// ρ = Δ² / (2σ²)-zCDP; an ε-DP exponential mechanism is ε²/8-zCDP (bounded range, Cesar &
/// Rogers 2021); an ε-DP (pure) mechanism is ε²/2-zCDP (Bun & Steinke 2016, Prop. 1.4).
/// zCDP composes by adding ρ.
///
/// **Conversion** (Canonne, Kamath & Steinke 2020, Prop. 12, the `cdp2adp` code of
/// private-pgm): ρ-zCDP implies (ε, δ)-DP for
/// δ(ρ, ε) = min over α > 1 of exp((α−1)(αρ − ε) + α·ln(1 − 1/α)) / (α − 1),
/// the optimum α found by bisection on the derivative (2α−1)ρ − ε + ln(1 − 1/α) over
/// [1.01, (ε+1)/(2ρ) + 2]. ``rho(epsilon:delta:)`` and ``epsilon(rho:delta:)`` invert it by
/// bisection, each keeping the side that is a valid guarantee. Bisections stop when the
/// interval no longer shrinks in double precision (at most 1,100 steps), which gives the same
/// numbers as the reference's fixed 1,000 steps.
public enum ZeroConcentratedPrivacy {
    /// The smallest δ for which ρ-zCDP implies (ε, δ)-DP; capped at 1.
    /// - Precondition: ρ ≥ 0 and ε ≥ 0.
    public static func delta(rho: Double, epsilon: Double) -> Double {
        precondition(rho >= 0 && epsilon >= 0, "delta(rho:epsilon:) needs rho, epsilon >= 0, got rho=\(rho), epsilon=\(epsilon)")
        if rho == 0 { return 0 }
        var lower = 1.01
        var upper = (epsilon + 1) / (2 * rho) + 2
        var alpha = (lower + upper) / 2
        for _ in 0..<1_100 {
            alpha = (lower + upper) / 2
            let derivative = (2 * alpha - 1) * rho - epsilon + log1p(-1 / alpha)
            if derivative < 0 { lower = alpha } else { upper = alpha }
            if alpha == (lower + upper) / 2 { break }
        }
        let value = exp((alpha - 1) * (alpha * rho - epsilon) + alpha * log1p(-1 / alpha)) / (alpha - 1)
        return min(value, 1)
    }

    /// The smallest ε such that ρ-zCDP implies (ε, δ)-DP.
    /// - Precondition: ρ ≥ 0 and δ > 0.
    public static func epsilon(rho: Double, delta: Double) -> Double {
        precondition(rho >= 0 && delta > 0, "epsilon(rho:delta:) needs rho >= 0 and delta > 0, got rho=\(rho), delta=\(delta)")
        if delta >= 1 || rho == 0 { return 0 }
        var lower = 0.0
        var upper = rho + 2 * (rho * log(1 / delta)).squareRoot()
        for _ in 0..<1_100 {
            let middle = (lower + upper) / 2
            if middle == lower || middle == upper { break }
            if Self.delta(rho: rho, epsilon: middle) <= delta { upper = middle } else { lower = middle }
        }
        return upper
    }

    /// The largest ρ such that ρ-zCDP implies (ε, δ)-DP.
    /// - Precondition: ε ≥ 0 and δ > 0.
    public static func rho(epsilon: Double, delta: Double) -> Double {
        precondition(epsilon >= 0 && delta > 0, "rho(epsilon:delta:) needs epsilon >= 0 and delta > 0, got epsilon=\(epsilon), delta=\(delta)")
        if delta >= 1 { return 0 }
        var lower = 0.0
        var upper = epsilon + 1
        for _ in 0..<1_100 {
            let middle = (lower + upper) / 2
            if middle == lower || middle == upper { break }
            if Self.delta(rho: middle, epsilon: epsilon) <= delta { lower = middle } else { upper = middle }
        }
        return lower
    }

    /// The ρ of a Gaussian mechanism: Δ² / (2σ²).
    public static func gaussianCost(sensitivity: Double, standardDeviation: Double) -> Double {
        precondition(standardDeviation > 0, "gaussianCost needs a positive standard deviation, got \(standardDeviation)")
        return sensitivity * sensitivity / (2 * standardDeviation * standardDeviation)
    }

    /// The σ of a Gaussian mechanism costing ρ: Δ / √(2ρ).
    public static func gaussianStandardDeviation(rho: Double, sensitivity: Double) -> Double {
        precondition(rho > 0, "gaussianStandardDeviation needs rho > 0, got \(rho)")
        return sensitivity / (2 * rho).squareRoot()
    }

    /// The ρ of an ε-DP exponential mechanism (or permute-and-flip): ε²/8.
    public static func exponentialMechanismCost(epsilon: Double) -> Double { epsilon * epsilon / 8 }

    /// The ε of an exponential mechanism costing ρ: √(8ρ).
    public static func exponentialMechanismEpsilon(rho: Double) -> Double { (8 * rho).squareRoot() }

    /// The ρ of a pure ε-DP mechanism (Laplace): ε²/2.
    public static func pureCost(epsilon: Double) -> Double { epsilon * epsilon / 2 }
}
