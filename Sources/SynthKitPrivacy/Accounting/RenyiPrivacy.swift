import Foundation
import SynthKitMath

/// Rényi differential privacy of the Poisson-subsampled Gaussian mechanism (DP-SGD), and its
/// conversion to (ε, δ).
///
/// **RDP.** For sampling rate q and noise multiplier σ (noise std / clipping norm), order α:
/// integer α: A_α = Σᵢ₌₀^α C(α,i) qⁱ (1−q)^{α−i} exp((i² − i)/(2σ²)); fractional α: the two
/// series of Mironov, Talwar & Zhang 2019 §3.3 with z₀ = σ² ln(1/q − 1) + ½, summed until both
/// terms fall below e⁻³⁰; RDP(α) = ln A_α / (α − 1). q = 1 gives α/(2σ²). T steps give
/// T·RDP(α). Code followed: opacus `accountants/analysis/rdp.py` (TF-Privacy lineage).
///
/// **Conversion** (Balle et al. 2020 Thm 21): ε = min over α of
/// RDP(α) + ln(1 − 1/α) − (ln δ + ln α)/(α − 1), over ``defaultOrders`` (opacus' grid).
public enum RenyiPrivacy {
    /// Opacus' default orders: 1.1, 1.2, …, 10.9, then 12, 13, …, 63.
    public static let defaultOrders: [Double] = (1..<100).map { 1 + Double($0) / 10 } + (12..<64).map { Double($0) }

    /// The RDP of `steps` compositions of the subsampled Gaussian at each order.
    /// - Precondition: q in [0, 1], σ ≥ 0, steps ≥ 0, every order > 1.
    public static func subsampledGaussian(
        samplingRate: Double, noiseMultiplier: Double, steps: Int, orders: [Double] = defaultOrders
    ) -> [Double] {
        precondition(samplingRate >= 0 && samplingRate <= 1, "samplingRate must lie in [0, 1], got \(samplingRate)")
        precondition(noiseMultiplier >= 0 && steps >= 0, "needs noiseMultiplier >= 0 and steps >= 0, got \(noiseMultiplier), \(steps)")
        return orders.map { order in
            precondition(order > 1, "RDP orders must exceed 1, got \(order)")
            return Double(steps) * singleStep(samplingRate: samplingRate, noiseMultiplier: noiseMultiplier, order: order)
        }
    }

    /// The smallest ε (and the order reaching it) for which the RDP curve implies (ε, δ)-DP.
    /// - Precondition: `orders` and `rdp` align; δ in (0, 1).
    public static func epsilon(rdp: [Double], orders: [Double] = defaultOrders, delta: Double) -> (epsilon: Double, order: Double) {
        precondition(rdp.count == orders.count, "rdp has \(rdp.count) values for \(orders.count) orders")
        precondition(delta > 0 && delta < 1, "delta must lie in (0, 1), got \(delta)")
        var best = (epsilon: Double.infinity, order: Double.nan)
        for (order, value) in zip(orders, rdp) {
            let candidate = value - (log(delta) + log(order)) / (order - 1) + log((order - 1) / order)
            if candidate.isFinite && candidate < best.epsilon { best = (candidate, order) }
        }
        return best
    }

    /// RDP of one step at one order.
    static func singleStep(samplingRate q: Double, noiseMultiplier sigma: Double, order alpha: Double) -> Double {
        if q == 0 { return 0 }
        if sigma == 0 { return .infinity }
        if q == 1 { return alpha / (2 * sigma * sigma) }
        if alpha == alpha.rounded() {
            return logAIntegerOrder(q: q, sigma: sigma, alpha: Int(alpha)) / (alpha - 1)
        }
        return logAFractionalOrder(q: q, sigma: sigma, alpha: alpha) / (alpha - 1)
    }

    static func logAIntegerOrder(q: Double, sigma: Double, alpha: Int) -> Double {
        var total = -Double.infinity
        for i in 0...alpha {
            let logBinomial = SpecialFunctions.logGamma(Double(alpha + 1)) - SpecialFunctions.logGamma(Double(i + 1))
                - SpecialFunctions.logGamma(Double(alpha - i + 1))
            let term = logBinomial + Double(i) * log(q) + Double(alpha - i) * log1p(-q)
                + Double(i * i - i) / (2 * sigma * sigma)
            total = logAdd(total, term)
        }
        return total
    }

    static func logAFractionalOrder(q: Double, sigma: Double, alpha: Double) -> Double {
        var logA0 = -Double.infinity
        var logA1 = -Double.infinity
        let z0 = sigma * sigma * log(1 / q - 1) + 0.5
        var logAbsBinomial = 0.0
        var binomialSign = 1.0
        var i = 0
        while i < 10_000 {
            let index = Double(i)
            if i > 0 {
                let factor = (alpha - index + 1) / index
                logAbsBinomial += log(abs(factor))
                if factor < 0 { binomialSign = -binomialSign }
            }
            let j = alpha - index
            let logT0 = logAbsBinomial + index * log(q) + j * log1p(-q)
            let logT1 = logAbsBinomial + j * log(q) + index * log1p(-q)
            let logE0 = log(0.5) + logErfc((index - z0) / (2.0.squareRoot() * sigma))
            let logE1 = log(0.5) + logErfc((z0 - j) / (2.0.squareRoot() * sigma))
            let logS0 = logT0 + (index * index - index) / (2 * sigma * sigma) + logE0
            let logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1
            if binomialSign > 0 {
                logA0 = logAdd(logA0, logS0)
                logA1 = logAdd(logA1, logS1)
            } else {
                logA0 = logSubtract(logA0, logS0)
                logA1 = logSubtract(logA1, logS1)
            }
            i += 1
            if max(logS0, logS1) < -30 { break }
        }
        return logAdd(logA0, logA1)
    }

    /// ln(eˣ + eʸ) without overflow.
    static func logAdd(_ x: Double, _ y: Double) -> Double {
        let (small, large) = x < y ? (x, y) : (y, x)
        if small == -.infinity { return large }
        return log1p(exp(small - large)) + large
    }

    /// ln(eˣ − eʸ) for x ≥ y (opacus `_log_sub`).
    static func logSubtract(_ x: Double, _ y: Double) -> Double {
        precondition(x >= y, "logSubtract needs x >= y, got x=\(x), y=\(y)")
        if y == -.infinity { return x }
        if x == y { return -.infinity }
        let difference = expm1(x - y)
        return difference.isFinite ? log(difference) + y : x
    }

    /// ln erfc(x), with the asymptotic series where erfc underflows.
    static func logErfc(_ x: Double) -> Double {
        if x < 25 { return log(SpecialFunctions.erfc(x)) }
        let inverseSquare = 1 / (x * x)
        return -x * x - log(x * Double.pi.squareRoot())
            + log1p(-inverseSquare / 2 + 3 * inverseSquare * inverseSquare / 4 - 15 * inverseSquare * inverseSquare * inverseSquare / 8)
    }
}
