import Foundation

/// Counting and information measures over coded attributes, shared by the discrete synthesizers.
package enum DiscreteStatistics {
    /// Joint counts over (`parents`..., `child`) laid out as ``DiscreteNetwork`` tables. O(rows).
    package static func jointCounts(codes: [[Int32]], cardinalities: [Int], parents: [Int], child: Int) -> [Double] {
        let childCardinality = cardinalities[child]
        let size = parents.reduce(childCardinality) { $0 * cardinalities[$1] }
        var counts = [Double](repeating: 0, count: size)
        let rows = codes[child].count
        for row in 0..<rows {
            var index = 0
            for parent in parents { index = index * cardinalities[parent] + Int(codes[parent][row]) }
            counts[index * childCardinality + Int(codes[child][row])] += 1
        }
        return counts
    }

    /// Mutual information I(child; parents) in nats from joint counts laid out as above.
    package static func mutualInformation(jointCounts counts: [Double], childCardinality: Int) -> Double {
        let total = counts.reduce(0, +)
        guard total > 0 else { return 0 }
        var childMarginal = [Double](repeating: 0, count: childCardinality)
        let configurations = counts.count / childCardinality
        var parentMarginal = [Double](repeating: 0, count: configurations)
        for (index, count) in counts.enumerated() {
            childMarginal[index % childCardinality] += count
            parentMarginal[index / childCardinality] += count
        }
        var information = 0.0
        for (index, count) in counts.enumerated() where count > 0 {
            let expected = childMarginal[index % childCardinality] * parentMarginal[index / childCardinality] / total
            information += count / total * log(count / expected)
        }
        return max(0, information)
    }

    /// Every subset of `pool` of size `size`, in lexicographic order of positions.
    package static func subsets(of pool: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard size <= pool.count else { return [] }
        var result: [[Int]] = []
        var chosen: [Int] = []
        func extend(from start: Int) {
            if chosen.count == size {
                result.append(chosen)
                return
            }
            guard start < pool.count else { return }
            for index in start..<pool.count where pool.count - index >= size - chosen.count {
                chosen.append(pool[index])
                extend(from: index + 1)
                chosen.removeLast()
            }
        }
        extend(from: 0)
        return result
    }
}
