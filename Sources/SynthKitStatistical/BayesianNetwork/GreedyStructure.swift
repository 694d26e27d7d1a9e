/// GreedyBayes structure search (Zhang et al. 2017, Algorithm 4), private or not.
///
/// Starting from `first`, each step considers every pair (X, Π) with X not yet placed and Π a
/// set of min(degree, placed) placed attributes whose table has at most `maximumCells` cells
/// (fewer parents when no set qualifies, none when even a single column is larger),
/// scores it by the mutual information I(X; Π) in nats, and lets `choose` pick one (argmax
/// for the non-private network, the exponential mechanism for PrivBayes). O(steps × candidates
/// × rows).
package enum GreedyStructure {
    /// One chosen node: attribute and parents.
    package struct Choice: Sendable, Hashable {
        package var attribute: Int
        package var parents: [Int]
    }

    /// The sampling order with parents, first attribute first (with no parents).
    package static func search(
        codes: [[Int32]], cardinalities: [Int], attributes: [Int], first: Int, degree: Int, maximumCells: Int,
        choose: (_ scores: [Double]) -> Int
    ) -> [Choice] {
        precondition(attributes.contains(first), "the first attribute \(first) is not among \(attributes)")
        var placed = [first]
        var result = [Choice(attribute: first, parents: [])]
        var remaining = attributes.filter { $0 != first }
        while !remaining.isEmpty {
            var candidates: [Choice] = []
            var scores: [Double] = []
            for size in stride(from: min(degree, placed.count), through: 0, by: -1) {
                for parents in DiscreteStatistics.subsets(of: placed, size: size) {
                    let parentCells = parents.reduce(1) { $0 * cardinalities[$1] }
                    for attribute in remaining where parentCells * cardinalities[attribute] <= maximumCells {
                        let counts = DiscreteStatistics.jointCounts(codes: codes, cardinalities: cardinalities, parents: parents, child: attribute)
                        candidates.append(Choice(attribute: attribute, parents: parents))
                        scores.append(DiscreteStatistics.mutualInformation(jointCounts: counts, childCardinality: cardinalities[attribute]))
                    }
                }
                if !candidates.isEmpty { break }
            }
            if candidates.isEmpty {
                // Every remaining table is too large even without parents: place them parentless.
                candidates = remaining.map { Choice(attribute: $0, parents: []) }
                scores = [Double](repeating: 0, count: remaining.count)
            }
            let chosen = candidates[choose(scores)]
            result.append(chosen)
            placed.append(chosen.attribute)
            remaining.removeAll { $0 == chosen.attribute }
        }
        return result
    }
}
