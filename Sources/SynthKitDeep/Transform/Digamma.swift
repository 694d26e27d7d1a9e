import Foundation

/// The digamma function ψ(x) = d/dx log Γ(x) for x > 0.
///
/// Recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 6, then the asymptotic series
/// ψ(x) ≈ log x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (Abramowitz and Stegun 6.3.18), about 1e-13 relative.
enum Digamma {
    static func value(_ argument: Double) -> Double {
        precondition(argument > 0, "digamma needs a positive argument, got \(argument)")
        var x = argument
        var result = 0.0
        while x < 6 {
            result -= 1 / x
            x += 1
        }
        let inverse = 1 / x
        let square = inverse * inverse
        let series = square * (1.0 / 12 - square * (1.0 / 120 - square * (1.0 / 252 - square * (1.0 / 240 - square / 132))))
        return result + log(x) - 0.5 * inverse - series
    }
}
