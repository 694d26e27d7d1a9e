import SynthKitCore

/// Anonymeter's linkability attack (`anonymeter/evaluators/linkability_evaluator.py`): the
/// attacker holds two disjoint sets of columns of the same target rows and tries to join them
/// through the synthetic rows. For each target, find its `neighbours` nearest synthetic rows on
/// the first set and on the second set (``MixedTypeNeighbours``); the attack succeeds when the
/// two neighbour sets share a synthetic row. Main attack on training rows, control attack on
/// rows the generator never saw, baseline on random neighbour sets. Risk and interval:
/// ``AttackRisk``.
///
/// Complexity: O(attacks · m · c) for m synthetic rows and c columns.
struct LinkabilityAttack: Sendable {
    /// Targets attacked in each set (anonymeter's `n_attacks`).
    var attacks = 500
    /// Neighbours compared (anonymeter's `n_neighbors`).
    var neighbours = 1

    /// The outcome: the risk and the success counts.
    struct Outcome: Sendable, Equatable {
        var risk: AttackRisk
        var attacks: Int
        var mainSuccesses: Int
        var controlSuccesses: Int
    }

    /// Runs the attack with `auxiliary` column indices (two disjoint, non-empty sets), or returns
    /// `nil` when a table is empty. Targets are the first rows of a seeded permutation of each
    /// table, unless `sampleTargets` is false (every row attacked in order).
    func run(
        training: AttackColumns, control: AttackColumns, synthetic: AttackColumns, auxiliary: ([Int], [Int]), seed: Seed,
        threads: Int?, sampleTargets: Bool = true
    ) -> Outcome? {
        let count = min(attacks, training.rowCount, control.rowCount)
        guard count > 0, synthetic.rowCount > 0, !auxiliary.0.isEmpty, !auxiliary.1.isEmpty else { return nil }
        let neighbourCount = min(neighbours, synthetic.rowCount)
        func targets(_ data: AttackColumns, _ label: String) -> AttackColumns {
            sampleTargets ? data.gathering(Array(SeededPermutation.of(count: data.rowCount, seed: seed.derived(label)).prefix(count))) : data.gathering(Array(0..<count))
        }
        func links(_ data: AttackColumns) -> Int {
            let first = MixedTypeNeighbours(queries: data, candidates: synthetic, columns: auxiliary.0).nearest(k: neighbourCount, threads: threads)
            let second = MixedTypeNeighbours(queries: data, candidates: synthetic, columns: auxiliary.1).nearest(k: neighbourCount, threads: threads)
            return (0..<data.rowCount).filter { row in
                !Set(first[(row * neighbourCount)..<((row + 1) * neighbourCount)]).isDisjoint(with: second[(row * neighbourCount)..<((row + 1) * neighbourCount)])
            }.count
        }
        let mainSuccesses = links(targets(training, "linkability.training"))
        let controlSuccesses = links(targets(control, "linkability.control"))
        var stream = seed.derived("linkability.baseline").stream()
        var baselineSuccesses = 0
        for _ in 0..<count {
            let first = Set(Self.randomSubset(of: synthetic.rowCount, size: neighbourCount, stream: &stream))
            let second = Self.randomSubset(of: synthetic.rowCount, size: neighbourCount, stream: &stream)
            if !first.isDisjoint(with: second) { baselineSuccesses += 1 }
        }
        let risk = AttackRisk(
            mainSuccesses: Double(mainSuccesses), controlSuccesses: Double(controlSuccesses), baselineSuccesses: Double(baselineSuccesses),
            attempts: count)
        return Outcome(risk: risk, attacks: count, mainSuccesses: mainSuccesses, controlSuccesses: controlSuccesses)
    }

    /// `size` distinct indices below `count` (Floyd's algorithm).
    static func randomSubset(of count: Int, size: Int, stream: inout RandomStream) -> [Int] {
        var chosen = Set<Int>()
        var result: [Int] = []
        for upper in (count - size)..<count {
            let candidate = stream.nextIndex(below: upper + 1)
            let pick = chosen.contains(candidate) ? upper : candidate
            chosen.insert(pick)
            result.append(pick)
        }
        return result
    }
}
