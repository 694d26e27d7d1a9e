import Foundation
import SynthKitMath

/// The risk an anonymeter-style attack measures, with its confidence interval (Giomi et al.,
/// "A Unified Framework for Quantifying Privacy Risk in Synthetic Data", PoPETs 2023;
/// `statice/anonymeter`, `src/anonymeter/stats/confidence.py`).
///
/// Success rates use the Wilson score: z = Φ⁻¹((1 + c)/2), rate = (k + z²/2)/(n + z²),
/// error = z/(n + z²) · √(k(n − k)/n + z²/4). The risk is the attack's success on the training
/// rows in excess of its success on control rows the generator never saw:
/// risk = (r_main − r_control)/(1 − r_control), its error propagated from both rates
/// (∂/∂r_main = 1/|1 − r_control|, ∂/∂r_control = (r_main − 1)/(1 − r_control)²), then the value
/// and the interval value ± error clipped to [0, 1]. The baseline (random guessing) rate is
/// reported to judge the attack: a main rate at or below it means the attack is too weak for
/// its risk to be trusted.
struct AttackRisk: Sendable, Equatable {
    /// A Wilson success rate and its error bound.
    struct Rate: Sendable, Equatable {
        var value: Double
        var error: Double

        /// The Wilson estimate of `successes` out of `attempts` at `confidence`.
        init(successes: Double, attempts: Int, confidence: Double = 0.95) {
            precondition(attempts > 0, "an attack rate needs at least one attempt")
            let z = NormalDistribution.quantile(0.5 * (1 + confidence))
            let total = Double(attempts)
            let squared = z * z
            let denominator = total + squared
            value = (successes + 0.5 * squared) / denominator
            error = z / denominator * (successes * (total - successes) / total + 0.25 * squared).squareRoot()
        }
    }

    /// The risk, in [0, 1].
    var risk: Double
    /// The interval's lower end, in [0, 1].
    var lower: Double
    /// The interval's upper end, in [0, 1].
    var upper: Double
    /// The attack's success rate on training rows.
    var mainRate: Rate
    /// Its success rate on control rows.
    var controlRate: Rate
    /// The random-guessing attacker's success rate.
    var baselineRate: Rate

    /// The risk from success counts (`attempts` per attack, as anonymeter counts them).
    init(mainSuccesses: Double, controlSuccesses: Double, baselineSuccesses: Double, attempts: Int, confidence: Double = 0.95) {
        mainRate = Rate(successes: mainSuccesses, attempts: attempts, confidence: confidence)
        controlRate = Rate(successes: controlSuccesses, attempts: attempts, confidence: confidence)
        baselineRate = Rate(successes: baselineSuccesses, attempts: attempts, confidence: confidence)
        let margin = 1 - controlRate.value
        var residual = 0.0
        var error = 1.0
        if margin > 1e-12 {
            // A control attack that always succeeds leaves nothing to measure: risk 0, interval [0, 1].
            residual = (mainRate.value - controlRate.value) / margin
            let mainTerm = mainRate.error / margin
            let controlTerm = controlRate.error * (mainRate.value - 1) / (margin * margin)
            error = (mainTerm * mainTerm + controlTerm * controlTerm).squareRoot()
        }
        risk = min(max(residual, 0), 1)
        lower = min(max(residual - error, 0), 1)
        upper = min(max(residual + error, 0), 1)
    }

    /// Whether the attack beats random guessing (anonymeter warns otherwise).
    var beatsBaseline: Bool { mainRate.value > baselineRate.value }

    /// The breakdown entries of a report metric.
    var breakdown: [String: Double] {
        [
            "ciLower": lower, "ciUpper": upper, "mainRate": mainRate.value, "controlRate": controlRate.value,
            "baselineRate": baselineRate.value,
        ]
    }
}
