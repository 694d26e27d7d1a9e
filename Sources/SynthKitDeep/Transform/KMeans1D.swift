import SynthKitCore

/// One-dimensional k-means (Lloyd's algorithm) for initialising mixtures.
///
/// Starts from k-means++ seeding (Arthur and Vassilvitskii 2007) drawn from `seed`, then
/// alternates assignment and centre updates for at most 300 iterations or until no label
/// changes, as scikit-learn's `KMeans(n_init=1)` does. Returns one-hot responsibilities
/// (rows × clusters, row-major). O(rows × clusters × iterations).
enum KMeans1D {
    static func labels(_ values: [Double], clusters: Int, seed: Seed) -> [Double] {
        var stream = seed.derived("kmeans").stream()
        var centres: [Double] = [values[stream.nextIndex(below: values.count)]]
        var distances = values.map { ($0 - centres[0]) * ($0 - centres[0]) }
        while centres.count < clusters {
            let total = distances.reduce(0, +)
            var chosen = stream.nextIndex(below: values.count)
            if total > 0 {
                var target = stream.nextUniform() * total
                for (index, distance) in distances.enumerated() {
                    target -= distance
                    if target <= 0 {
                        chosen = index
                        break
                    }
                }
            }
            let centre = values[chosen]
            centres.append(centre)
            for index in values.indices { distances[index] = min(distances[index], (values[index] - centre) * (values[index] - centre)) }
        }
        var assignment = [Int](repeating: -1, count: values.count)
        for _ in 0..<300 {
            var changed = false
            for (row, value) in values.enumerated() {
                var best = 0
                var bestDistance = Double.infinity
                for (index, centre) in centres.enumerated() where abs(value - centre) < bestDistance {
                    bestDistance = abs(value - centre)
                    best = index
                }
                if assignment[row] != best {
                    assignment[row] = best
                    changed = true
                }
            }
            if !changed { break }
            var sums = [Double](repeating: 0, count: clusters)
            var counts = [Double](repeating: 0, count: clusters)
            for (row, value) in values.enumerated() {
                sums[assignment[row]] += value
                counts[assignment[row]] += 1
            }
            for index in 0..<clusters where counts[index] > 0 { centres[index] = sums[index] / counts[index] }
        }
        var responsibilities = [Double](repeating: 0, count: values.count * clusters)
        for (row, label) in assignment.enumerated() { responsibilities[row * clusters + label] = 1 }
        return responsibilities
    }
}
