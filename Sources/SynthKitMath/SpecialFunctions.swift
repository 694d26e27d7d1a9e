import RealModule

/// Error function, log-gamma and the regularized incomplete gamma function with its inverse.
///
/// `erf`, `erfc` and `logGamma` delegate to the C library through swift-numerics (a few ulps).
/// The incomplete gamma follows Numerical Recipes 3rd ed. §6.2 (series for x < a + 1,
/// Lentz continued fraction otherwise); its inverse is §6.2.1 (Halley steps from the
/// Wilson-Hilferty start), relative accuracy about 1e-12.
public enum SpecialFunctions {
    /// The error function erf(x) = 2/√π ∫₀ˣ e^(-t²) dt.
    public static func erf(_ x: Double) -> Double { Double.erf(x) }

    /// The complementary error function erfc(x) = 1 - erf(x), accurate in the upper tail.
    public static func erfc(_ x: Double) -> Double { Double.erfc(x) }

    /// log |Γ(x)| (thread-safe: no global sign variable).
    public static func logGamma(_ x: Double) -> Double { Double.logGamma(x) }

    /// The regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), for a > 0, x ≥ 0.
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "regularizedGammaP needs a > 0, got \(a)")
        if x <= 0 { return 0 }
        if x.isInfinite { return 1 }
        if x < a + 1 { return gammaSeries(a, x) }
        return 1 - gammaContinuedFraction(a, x)
    }

    /// The regularized upper incomplete gamma Q(a, x) = 1 - P(a, x).
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "regularizedGammaQ needs a > 0, got \(a)")
        if x <= 0 { return 1 }
        if x.isInfinite { return 0 }
        if x < a + 1 { return 1 - gammaSeries(a, x) }
        return gammaContinuedFraction(a, x)
    }

    /// The x with P(a, x) = p (Numerical Recipes `invgammp`), for a > 0, p in [0, 1].
    public static func inverseRegularizedGammaP(_ a: Double, _ p: Double) -> Double {
        precondition(a > 0, "inverseRegularizedGammaP needs a > 0, got \(a)")
        if p <= 0 { return 0 }
        if p >= 1 { return .infinity }
        let logGammaA = logGamma(a)
        let aMinusOne = a - 1
        let logAMinusOne = aMinusOne > 0 ? Double.log(aMinusOne) : 0
        let scale = aMinusOne > 0 ? Double.exp(aMinusOne * (logAMinusOne - 1) - logGammaA) : 0
        var x: Double
        if a > 1 {
            let pp = p < 0.5 ? p : 1 - p
            let t = (-2 * Double.log(pp)).squareRoot()
            var start = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if p < 0.5 { start = -start }
            x = max(1e-3, a * Double.pow(1 - 1 / (9 * a) - start / (3 * a.squareRoot()), 3))
        } else {
            let t = 1 - a * (0.253 + a * 0.12)
            if p < t {
                x = Double.pow(p / t, 1 / a)
            } else {
                x = 1 - Double.log(1 - (p - t) / (1 - t))
            }
        }
        for _ in 0..<24 {
            if x <= 0 { return 0 }
            let error = regularizedGammaP(a, x) - p
            let density: Double
            if a > 1 {
                density = scale * Double.exp(-(x - aMinusOne) + aMinusOne * (Double.log(x) - logAMinusOne))
            } else {
                density = Double.exp(-x + aMinusOne * Double.log(x) - logGammaA)
            }
            if density == 0 { break }
            let ratio = error / density
            let step = ratio / (1 - 0.5 * min(1, ratio * (aMinusOne / x - 1)))
            x -= step
            if x <= 0 { x = 0.5 * (x + step) }
            if abs(step) < 1e-12 * x { break }
        }
        return x
    }

    static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var denominator = a
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * Double.exp(-x + a * Double.log(x) - logGamma(a))
    }

    static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for index in 1..<10_000 {
            let an = -Double(index) * (Double(index) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return Double.exp(-x + a * Double.log(x) - logGamma(a)) * h
    }
}
