/// Orders the categories of each categorical column so that the latent normal line keeps
/// their associations with everything else.
///
/// For a categorical column with category weights wₖ (frequencies), let Mₖᵥ be the mean of
/// the standardised latent score of every other dimension v among rows in category k. The
/// category quantification q maximising Σᵥ corr(q, sᵥ)² is q = W^(-1/2) a with a the leading
/// eigenvector of B Bᵀ, B = W^(1/2) M: the between-category principal axis (multiple
/// correspondence analysis / PRINCALS-style optimal scaling; Gifi, Nonlinear Multivariate
/// Analysis, 1990, ch. 4). Categories are then laid out along the latent line in the order of q.
/// Because every column's scores depend on the others' orders, a few rounds are made.
/// Cost per round: O(rows × dimensions) per categorical column plus a power iteration
/// on k × dimensions.
enum OptimalScaling {
    /// One categorical column under optimisation.
    struct Categorical {
        var dimension: Int
        var codes: [Int32]
        var counts: [Int]
        var order: [Int32]
        var fixedOrder: Bool
    }

    /// Improves `categoricals[i].order` in place, updating `scores` for their dimensions.
    static func optimise(categoricals: inout [Categorical], scores: inout [[Double]], rounds: Int) {
        let dimensionCount = scores.count
        guard dimensionCount > 1 else { return }
        var standardised = scores.map(standardise)
        for _ in 0..<rounds {
            for index in categoricals.indices where !categoricals[index].fixedOrder {
                let categorical = categoricals[index]
                let levelCount = categorical.counts.count
                let others = (0..<dimensionCount).filter { $0 != categorical.dimension }
                guard levelCount > 2, !others.isEmpty else { continue }
                var means = [Double](repeating: 0, count: levelCount * others.count)
                for row in categorical.codes.indices {
                    let base = Int(categorical.codes[row]) * others.count
                    for (slot, other) in others.enumerated() { means[base + slot] += standardised[other][row] }
                }
                let weights = categorical.counts.map { Double($0) }
                let total = weights.reduce(0, +)
                for level in 0..<levelCount where weights[level] > 0 {
                    for slot in others.indices { means[level * others.count + slot] /= weights[level] }
                }
                let roots = weights.map { ($0 / total).squareRoot() }
                // B = W^(1/2) M; power iteration a <- B (Bᵀ a), warm-started from current scores.
                let currentScores = GaussianCopulaFitting.codeScores(counts: categorical.counts, order: categorical.order)
                var vector = (0..<levelCount).map { roots[$0] * currentScores[$0] }
                for _ in 0..<60 {
                    var projected = [Double](repeating: 0, count: others.count)
                    for level in 0..<levelCount where roots[level] > 0 {
                        for slot in others.indices { projected[slot] += roots[level] * means[level * others.count + slot] * vector[level] }
                    }
                    var next = [Double](repeating: 0, count: levelCount)
                    for level in 0..<levelCount where roots[level] > 0 {
                        var sum = 0.0
                        for slot in others.indices { sum += means[level * others.count + slot] * projected[slot] }
                        next[level] = roots[level] * sum
                    }
                    let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    guard norm > 1e-300 else { break }
                    vector = next.map { $0 / norm }
                }
                let quantification = (0..<levelCount).map { roots[$0] > 0 ? vector[$0] / roots[$0] : .infinity }
                let order = (0..<levelCount).sorted { first, second in
                    if quantification[first] != quantification[second] { return quantification[first] < quantification[second] }
                    return first < second
                }.map { Int32($0) }
                categoricals[index].order = order
                let levelScores = GaussianCopulaFitting.codeScores(counts: categorical.counts, order: order)
                scores[categorical.dimension] = categorical.codes.map { levelScores[Int($0)] }
                standardised[categorical.dimension] = standardise(scores[categorical.dimension])
            }
        }
    }

    /// Scores with mean 0 and variance 1 over finite entries; missing entries become 0.
    static func standardise(_ values: [Double]) -> [Double] {
        var count = 0.0
        var sum = 0.0
        for value in values where value.isFinite {
            count += 1
            sum += value
        }
        guard count > 1 else { return values.map { _ in 0 } }
        let mean = sum / count
        var squares = 0.0
        for value in values where value.isFinite { squares += (value - mean) * (value - mean) }
        let deviation = (squares / count).squareRoot()
        guard deviation > 0 else { return values.map { _ in 0 } }
        return values.map { $0.isFinite ? ($0 - mean) / deviation : 0 }
    }
}
