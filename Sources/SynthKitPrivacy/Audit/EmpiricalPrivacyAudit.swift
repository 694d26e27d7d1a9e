import SynthKitMath
import Foundation

/// An empirical lower bound on ε from a distinguishing attack (Jagielski et al. 2020; Nasr et
/// al. 2021), to catch implementations that add too little noise.
///
/// A mechanism is run `trials` times on a dataset without a canary row and `trials` times with
/// it; the attack says "in" when its statistic exceeds a threshold. With Clopper-Pearson upper
/// bounds FPR⁺ and FNR⁺ (one-sided, at `confidence`), any (ε, δ)-DP mechanism satisfies
/// ε ≥ ε̂ = max(ln((1 − δ − FPR⁺)/FNR⁺), ln((1 − δ − FNR⁺)/FPR⁺)) with that confidence.
/// With N trials ε̂ can reach only about ln(N/3), so audits run at ε ≤ 1 with N ≥ 1,000.
public enum EmpiricalPrivacyAudit {
    /// The result of one audit.
    public struct Result: Sendable, Hashable {
        /// False positives among the trials without the canary.
        public var falsePositives: Int
        /// False negatives among the trials with the canary.
        public var falseNegatives: Int
        /// Trials per side.
        public var trials: Int
        /// The lower confidence bound on ε.
        public var epsilonLowerBound: Double
    }

    /// The Clopper-Pearson interval for `successes` out of `trials` at two-sided level
    /// `confidence` (Beta quantiles).
    public static func clopperPearson(successes: Int, trials: Int, confidence: Double) -> (lower: Double, upper: Double) {
        precondition(trials > 0 && successes >= 0 && successes <= trials, "needs 0 <= successes (\(successes)) <= trials (\(trials))")
        let tail = (1 - confidence) / 2
        let k = Double(successes)
        let n = Double(trials)
        let lower = successes == 0 ? 0 : SpecialFunctions.inverseRegularizedBeta(tail, k, n - k + 1)
        let upper = successes == trials ? 1 : SpecialFunctions.inverseRegularizedBeta(1 - tail, k + 1, n - k)
        return (lower, upper)
    }

    /// ε̂ from error counts, using one-sided upper bounds at `confidence` (0.95: the 90%
    /// two-sided interval's upper ends).
    public static func epsilonLowerBound(
        falsePositives: Int, falseNegatives: Int, trials: Int, delta: Double, confidence: Double = 0.95
    ) -> Double {
        let twoSided = 2 * confidence - 1
        let falsePositiveRate = clopperPearson(successes: falsePositives, trials: trials, confidence: twoSided).upper
        let falseNegativeRate = clopperPearson(successes: falseNegatives, trials: trials, confidence: twoSided).upper
        let first = log(max(0, 1 - delta - falsePositiveRate) / falseNegativeRate)
        let second = log(max(0, 1 - delta - falseNegativeRate) / falsePositiveRate)
        return max(0, first, second)
    }

    /// Runs the attack: `release(includesCanary, &noise)` returns the mechanism's output
    /// statistic; the guess is "in" when it exceeds `threshold`.
    public static func run(
        trials: Int, threshold: Double, delta: Double, noise: inout NoiseSource,
        release: (_ includesCanary: Bool, _ noise: inout NoiseSource) -> Double
    ) -> Result {
        var falsePositives = 0
        var falseNegatives = 0
        for _ in 0..<trials {
            if release(false, &noise) > threshold { falsePositives += 1 }
            if release(true, &noise) <= threshold { falseNegatives += 1 }
        }
        return Result(
            falsePositives: falsePositives, falseNegatives: falseNegatives, trials: trials,
            epsilonLowerBound: epsilonLowerBound(falsePositives: falsePositives, falseNegatives: falseNegatives, trials: trials, delta: delta))
    }
}
