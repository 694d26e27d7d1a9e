import RealModule

extension SpecialFunctions {
    /// The regularized incomplete beta Iₓ(a, b), for a, b > 0 and x in [0, 1].
    ///
    /// Lentz's continued fraction (Numerical Recipes 3rd ed. §6.4), using the symmetry
    /// Iₓ(a, b) = 1 - I₁₋ₓ(b, a) where it converges faster.
    public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "regularizedBeta needs a, b > 0, got a=\(a), b=\(b)")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Double.log(x) + b * Double.log(onePlus: -x)
        let front = Double.exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(x, a, b) / a
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b
    }

    /// The x with Iₓ(a, b) = p (Numerical Recipes `invbetai`: a start from the normal or
    /// power approximation, then Halley steps), relative accuracy about 1e-12.
    public static func inverseRegularizedBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "inverseRegularizedBeta needs a, b > 0, got a=\(a), b=\(b)")
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        var x: Double
        if a >= 1 && b >= 1 {
            let pp = p < 0.5 ? p : 1 - p
            let t = (-2 * Double.log(pp)).squareRoot()
            var start = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if p < 0.5 { start = -start }
            let al = (start * start - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = start * (al + h).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
            x = a / (a + b * Double.exp(2 * w))
        } else {
            let lna = Double.log(a / (a + b))
            let lnb = Double.log(b / (a + b))
            let t = Double.exp(a * lna) / a
            let u = Double.exp(b * lnb) / b
            let w = t + u
            if p < t / w {
                x = Double.pow(a * w * p, 1 / a)
            } else {
                x = 1 - Double.pow(b * w * (1 - p), 1 / b)
            }
        }
        let logBeta = logGamma(a) + logGamma(b) - logGamma(a + b)
        for iteration in 0..<40 {
            if x == 0 || x == 1 { return x }
            let error = regularizedBeta(x, a, b) - p
            let density = Double.exp((a - 1) * Double.log(x) + (b - 1) * Double.log(onePlus: -x) - logBeta)
            if density == 0 || !density.isFinite { break }
            let ratio = error / density
            let step = ratio / (1 - 0.5 * min(1, ratio * ((a - 1) / x - (b - 1) / (1 - x))))
            x -= step
            if x <= 0 { x = 0.5 * (x + step) }
            if x >= 1 { x = 0.5 * (x + step + 1) }
            if abs(step) < 1e-13 * x && iteration > 0 { break }
        }
        return min(max(x, 0), 1)
    }

    static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<10_000 {
            let mm = Double(m)
            let m2 = 2 * mm
            var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
