import Foundation
import SynthKitCore

/// One-dimensional k-means (Lloyd's algorithm) for initialising mixtures.
///
/// Starts from greedy k-means++ seeding drawn from `seed`, as scikit-learn's `KMeans(n_init=1)`
/// seeds (`_kmeans_plusplus`; Arthur and Vassilvitskii 2007): the first centre is a uniform
/// row; each further centre is the best, by the resulting sum of squared distances, of
/// 2 + ⌊ln k⌋ candidates drawn with probability ∝ the squared distance to the nearest centre.
/// Then centre updates and assignments alternate for at most 300 iterations, until no label
/// changes or the centres move by at most 10⁻⁴ × the data variance in total squared shift
/// (scikit-learn's Lloyd loop and tolerance). Returns one-hot responsibilities
/// (rows × clusters, row-major).
/// O(rows × clusters × (iterations + 2 + ln clusters)).
enum KMeans1D {
    static func labels(_ values: [Double], clusters: Int, seed: Seed) -> [Double] {
        var stream = seed.derived("kmeans").stream()
        var centres = seeding(values, clusters: clusters, stream: &stream)
        // scikit-learn's tolerance: 1e-4 times the data variance, against the total squared centre shift.
        let mean = values.reduce(0, +) / Double(values.count)
        let tolerance = 1e-4 * values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        var assignment = assign(values, centres: centres)
        for _ in 0..<300 {
            var sums = [Double](repeating: 0, count: clusters)
            var counts = [Double](repeating: 0, count: clusters)
            for (row, value) in values.enumerated() {
                sums[assignment[row]] += value
                counts[assignment[row]] += 1
            }
            var shift = 0.0
            for index in 0..<clusters where counts[index] > 0 {
                let centre = sums[index] / counts[index]
                shift += (centre - centres[index]) * (centre - centres[index])
                centres[index] = centre
            }
            // Labels always refer to the final centres, as scikit-learn's closing E step ensures.
            let next = assign(values, centres: centres)
            if next == assignment { break }
            assignment = next
            if shift <= tolerance { break }
        }
        var responsibilities = [Double](repeating: 0, count: values.count * clusters)
        for (row, label) in assignment.enumerated() { responsibilities[row * clusters + label] = 1 }
        return responsibilities
    }

    /// The index of each value's nearest centre (the first on ties).
    static func assign(_ values: [Double], centres: [Double]) -> [Int] {
        values.map { value in
            var best = 0
            var bestDistance = Double.infinity
            for (index, centre) in centres.enumerated() where abs(value - centre) < bestDistance {
                bestDistance = abs(value - centre)
                best = index
            }
            return best
        }
    }

    /// Greedy k-means++ centres (scikit-learn `_kmeans_plusplus` with `n_local_trials = 2 + ⌊ln k⌋`).
    static func seeding(_ values: [Double], clusters: Int, stream: inout RandomStream) -> [Double] {
        var centres: [Double] = [values[stream.nextIndex(below: values.count)]]
        var distances = values.map { ($0 - centres[0]) * ($0 - centres[0]) }
        let trials = 2 + Int(log(Double(clusters)))
        var candidateDistances = distances
        while centres.count < clusters {
            var cumulative = [Double](repeating: 0, count: values.count)
            var running = 0.0
            for index in values.indices {
                running += distances[index]
                cumulative[index] = running
            }
            var bestCentre = values[0]
            var bestPotential = Double.infinity
            var bestDistances = distances
            for _ in 0..<trials {
                // The first row whose cumulative squared distance reaches the target (searchsorted, left).
                let target = stream.nextUniform() * running
                var low = 0
                var high = values.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    if cumulative[middle] < target { low = middle + 1 } else { high = middle }
                }
                let candidate = values[low]
                var potential = 0.0
                for index in values.indices {
                    let deviation = values[index] - candidate
                    candidateDistances[index] = min(distances[index], deviation * deviation)
                    potential += candidateDistances[index]
                }
                if potential < bestPotential {
                    bestPotential = potential
                    bestCentre = candidate
                    swap(&bestDistances, &candidateDistances)
                }
            }
            centres.append(bestCentre)
            distances = bestDistances
        }
        return centres
    }
}
