import Foundation
import SynthKitCore

/// Anonymeter's attribute-inference attack (`anonymeter/evaluators/inference_evaluator.py`),
/// with each column as the secret in turn: the attacker knows every other column of a target
/// row, finds the nearest synthetic row on them (``MixedTypeNeighbours``) and guesses that row's
/// secret. A categorical guess is right when equal; a numeric one when
/// |guess − secret| / (guess + 10⁻¹²) ≤ `tolerance` (anonymeter's formula, divisor the guess);
/// both missing counts as right. Main attack on training rows, control attack on rows the
/// generator never saw, baseline guesses the secret of a random synthetic row. Risk and
/// interval per secret: ``AttackRisk``.
///
/// Complexity: O(attacks · m · c) for m synthetic rows and c columns (all secrets in one pass).
struct AttributeInferenceAttack: Sendable {
    /// Targets attacked in each set (anonymeter's `n_attacks`).
    var attacks = 500
    /// Relative tolerance of a numeric guess.
    var tolerance = 0.05

    /// The outcome for one secret column.
    struct Outcome: Sendable, Equatable {
        var secret: String
        var risk: AttackRisk
        var mainSuccesses: Int
        var controlSuccesses: Int
    }

    /// Runs the attack for every column as the secret (needs at least two columns), or returns
    /// `[]` when a table is empty. Targets: as in ``LinkabilityAttack``.
    func run(
        training: AttackColumns, control: AttackColumns, synthetic: AttackColumns, seed: Seed, threads: Int?, sampleTargets: Bool = true
    ) -> [Outcome] {
        let count = min(attacks, training.rowCount, control.rowCount)
        let width = synthetic.columns.count
        guard count > 0, synthetic.rowCount > 0, width >= 2 else { return [] }
        func targets(_ data: AttackColumns, _ label: String) -> AttackColumns {
            sampleTargets ? data.gathering(Array(SeededPermutation.of(count: data.rowCount, seed: seed.derived(label)).prefix(count))) : data.gathering(Array(0..<count))
        }
        func successes(_ data: AttackColumns) -> [Int] {
            let nearest = MixedTypeNeighbours(queries: data, candidates: synthetic, columns: Array(0..<width)).nearestLeavingOneOut(threads: threads)
            return (0..<width).map { secret in (0..<data.rowCount).filter { correct(guess: (synthetic, nearest[$0][secret]), truth: (data, $0), column: secret) }.count }
        }
        let main = successes(targets(training, "inference.training"))
        let controlled = successes(targets(control, "inference.control"))
        let originals = targets(training, "inference.training")
        var stream = seed.derived("inference.baseline").stream()
        let randomRows = (0..<count).map { _ in stream.nextIndex(below: synthetic.rowCount) }
        return (0..<width).map { secret in
            let baseline = (0..<count).filter { correct(guess: (synthetic, randomRows[$0]), truth: (originals, $0), column: secret) }.count
            let risk = AttackRisk(
                mainSuccesses: Double(main[secret]), controlSuccesses: Double(controlled[secret]), baselineSuccesses: Double(baseline),
                attempts: count)
            return Outcome(secret: synthetic.names[secret], risk: risk, mainSuccesses: main[secret], controlSuccesses: controlled[secret])
        }
    }

    /// Whether the guessed cell equals the true one in anonymeter's sense.
    func correct(guess: (AttackColumns, Int), truth: (AttackColumns, Int), column: Int) -> Bool {
        switch (guess.0.columns[column], truth.0.columns[column]) {
        case (.numbers(let guesses), .numbers(let truths)):
            let guessed = guesses[guess.1]
            let actual = truths[truth.1]
            if guessed.isNaN || actual.isNaN { return guessed.isNaN && actual.isNaN }
            return abs(guessed - actual) / (guessed + 1e-12) <= tolerance
        case (.codes(let guesses), .codes(let truths)):
            return guesses[guess.1] == truths[truth.1]
        default:
            return false
        }
    }
}
