import SynthKitCore

/// Precision, recall, density and coverage of synthetic rows against real rows (Naeem, Oh, Uh,
/// Choi, Yoo, "Reliable Fidelity and Diversity Metrics for Generative Models", ICML 2020; the
/// synthcity `eval_statistical.py` PRDC with k = 5).
///
/// With r_i the distance of real row i to its k-th nearest other real row and B(x, r) the ball:
/// - precision = share of synthetic rows inside some real ball B(X_i, r_i);
/// - recall = share of real rows inside some synthetic ball B(Y_j, s_j), s_j the k-th nearest
///   other synthetic distance;
/// - density = (1/k) · mean over synthetic rows of the number of real balls containing it;
/// - coverage = share of real rows whose nearest synthetic row lies inside their ball.
///
/// Complexity: O((n + m)² · d) brute force; callers subsample large tables.
struct PrecisionRecallDensityCoverage: Sendable, Equatable {
    /// Fidelity of synthetic rows (in [0, 1]).
    var precision: Double
    /// Diversity: how much of the real support is reached (in [0, 1]).
    var recall: Double
    /// Like precision but counting ball multiplicity (can exceed 1).
    var density: Double
    /// Diversity robust to outliers (in [0, 1]).
    var coverage: Double

    /// The four figures for encoded real and synthetic rows, or `nil` when a side has at most k rows.
    static func compute(real: EncodedRows, synthetic: EncodedRows, k: Int = 5, threads: Int? = nil) -> PrecisionRecallDensityCoverage? {
        guard real.rowCount > k, synthetic.rowCount > k else { return nil }
        let realRadii = kthDistances(NearestNeighbours.distances(from: real, to: real, k: k, excludingSameIndex: true, threads: threads), k: k)
        let syntheticRadii = kthDistances(NearestNeighbours.distances(from: synthetic, to: synthetic, k: k, excludingSameIndex: true, threads: threads), k: k)
        var insideCounts = [Int](repeating: 0, count: synthetic.rowCount)
        var realReached = [Bool](repeating: false, count: real.rowCount)
        var realCovered = [Bool](repeating: false, count: real.rowCount)
        var nearestSynthetic = [Double](repeating: .infinity, count: real.rowCount)
        let width = real.width
        for realRow in 0..<real.rowCount {
            for syntheticRow in 0..<synthetic.rowCount {
                var sum = 0.0
                for feature in 0..<width {
                    let difference = real.values[realRow * width + feature] - synthetic.values[syntheticRow * width + feature]
                    sum += difference * difference
                }
                let distance = sum.squareRoot()
                if distance <= realRadii[realRow] { insideCounts[syntheticRow] += 1 }
                if distance <= syntheticRadii[syntheticRow] { realReached[realRow] = true }
                nearestSynthetic[realRow] = min(nearestSynthetic[realRow], distance)
            }
            realCovered[realRow] = nearestSynthetic[realRow] <= realRadii[realRow]
        }
        let syntheticCount = Double(synthetic.rowCount)
        let realCount = Double(real.rowCount)
        return PrecisionRecallDensityCoverage(
            precision: Double(insideCounts.filter { $0 > 0 }.count) / syntheticCount,
            recall: Double(realReached.filter { $0 }.count) / realCount,
            density: Double(insideCounts.reduce(0, +)) / (Double(k) * syntheticCount),
            coverage: Double(realCovered.filter { $0 }.count) / realCount)
    }

    /// The k-th (last) distance of each row of a row-major k-nearest result.
    static func kthDistances(_ distances: [Double], k: Int) -> [Double] {
        stride(from: k - 1, to: distances.count, by: k).map { distances[$0] }
    }
}
