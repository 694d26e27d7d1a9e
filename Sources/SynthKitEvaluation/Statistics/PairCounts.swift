/// Joint counts of two coded columns: the cells of a contingency table that occur.
///
/// Cells are keyed by `firstCode · secondCategoryCount + secondCode`; counting is dense when the
/// table is small and by sorting otherwise, so a pair of high-cardinality columns never allocates
/// a quadratic table.
///
/// Complexity: O(n) dense, O(n log n) sparse.
package struct PairCounts: Sendable {
    /// Cell keys in increasing order.
    package var keys: [Int64]
    /// The count of each cell in `keys`.
    package var counts: [Int]
    /// The number of rows counted.
    package var total: Int

    private static let denseLimit = 1 << 20

    /// Counts rows (`first[i]`, `second[i]`); codes must be non-negative.
    package init(first: [Int32], second: [Int32], secondCategoryCount: Int, firstCategoryCount: Int) {
        precondition(first.count == second.count, "paired code arrays differ in length: \(first.count) vs \(second.count)")
        let width = Int64(secondCategoryCount)
        total = first.count
        if firstCategoryCount * secondCategoryCount <= Self.denseLimit {
            var dense = [Int](repeating: 0, count: max(1, firstCategoryCount * secondCategoryCount))
            for index in first.indices {
                dense[Int(first[index]) * secondCategoryCount + Int(second[index])] += 1
            }
            keys = []
            counts = []
            for (cell, count) in dense.enumerated() where count > 0 {
                keys.append(Int64(cell))
                counts.append(count)
            }
        } else {
            var all = first.indices.map { Int64(first[$0]) * width + Int64(second[$0]) }
            all.sort()
            keys = []
            counts = []
            for key in all {
                if let last = keys.last, last == key {
                    counts[counts.count - 1] += 1
                } else {
                    keys.append(key)
                    counts.append(1)
                }
            }
        }
    }

    /// ½ Σ over the union of cells of |p_self − p_other| (total variation distance of the joint
    /// relative frequencies).
    package func totalVariation(to other: PairCounts) -> Double {
        let selfTotal = Double(total)
        let otherTotal = Double(other.total)
        var sum = 0.0
        var selfIndex = 0
        var otherIndex = 0
        while selfIndex < keys.count || otherIndex < other.keys.count {
            if otherIndex == other.keys.count || (selfIndex < keys.count && keys[selfIndex] < other.keys[otherIndex]) {
                sum += abs(Double(counts[selfIndex]) / selfTotal)
                selfIndex += 1
            } else if selfIndex == keys.count || other.keys[otherIndex] < keys[selfIndex] {
                sum += abs(Double(other.counts[otherIndex]) / otherTotal)
                otherIndex += 1
            } else {
                sum += abs(Double(counts[selfIndex]) / selfTotal - Double(other.counts[otherIndex]) / otherTotal)
                selfIndex += 1
                otherIndex += 1
            }
        }
        return sum / 2
    }

    /// Cramér's V of these counts without bias correction
    /// (`scipy.stats.contingency.association(method="cramer")`), or `nil` when the table has fewer
    /// than two rows or columns with data.
    ///
    /// V = √(χ² / n / (min(r, c) − 1)), χ² = Σ (O − E)² / E over the r × c occurring rows and
    /// columns, E = rowSum · columnSum / n. Zero cells contribute E each, which is summed in closed
    /// form: Σ_zero E = n − Σ_nonzero E.
    package func cramersV(secondCategoryCount: Int) -> Double? {
        guard total > 0 else { return nil }
        let width = Int64(secondCategoryCount)
        var rowSums: [Int64: Int] = [:]
        var columnSums: [Int64: Int] = [:]
        for (key, count) in zip(keys, counts) {
            rowSums[key / width, default: 0] += count
            columnSums[key % width, default: 0] += count
        }
        guard min(rowSums.count, columnSums.count) >= 2 else { return nil }
        let n = Double(total)
        var chiSquare = 0.0
        var expectedOnOccupied = 0.0
        for (key, count) in zip(keys, counts) {
            let rowSum = Double(rowSums[key / width] ?? 0)
            let columnSum = Double(columnSums[key % width] ?? 0)
            let expected = rowSum * columnSum / n
            let deviation = Double(count) - expected
            chiSquare += deviation * deviation / expected
            expectedOnOccupied += expected
        }
        chiSquare += max(0, n - expectedOnOccupied)
        let phiSquare = chiSquare / n
        return (phiSquare / Double(min(rowSums.count, columnSums.count) - 1)).squareRoot()
    }
}
