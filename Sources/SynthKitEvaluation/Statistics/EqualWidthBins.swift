/// Ten equal-width bins as `numpy.histogram_bin_edges` makes them, and `numpy.digitize`.
///
/// Edges: `linspace(min, max, binCount + 1)`, i.e. eᵢ = i · ((max − min) / binCount) + min with the
/// last edge set to max exactly; a constant sample widens to [v − 0.5, v + 0.5]; an empty sample
/// gives [0, 1]. `digitize(x)` is the number of edges ≤ x (`searchsorted(edges, x, 'right')`), so
/// values below the first edge get 0, the sample maximum gets `binCount + 1`, and NaN gets
/// `binCount + 1` too (NaN sorts last in NumPy).
///
/// Complexity: O(n) for the edges, O(log binCount) per digitized value.
package struct EqualWidthBins: Sendable, Equatable {
    /// The `binCount + 1` increasing edges.
    package var edges: [Double]

    /// Edges from the non-missing values of `values`, or `nil` when a value is infinite or the
    /// range is too small for distinct edges (NumPy raises `ValueError` in both cases).
    package init?(values: [Double], binCount: Int = 10) {
        precondition(binCount > 0, "bin count must be positive, got \(binCount)")
        var lowest = Double.infinity
        var highest = -Double.infinity
        var present = 0
        for value in values where !value.isNaN {
            present += 1
            lowest = min(lowest, value)
            highest = max(highest, value)
        }
        var first = 0.0
        var last = 1.0
        if present > 0 {
            guard lowest.isFinite && highest.isFinite else { return nil }
            first = lowest
            last = highest
            if first == last {
                first -= 0.5
                last += 0.5
            }
        }
        let delta = last - first
        let step = delta / Double(binCount)
        var edges: [Double] = []
        edges.reserveCapacity(binCount + 1)
        for index in 0..<binCount {
            let offset = step == 0 ? Double(index) / Double(binCount) * delta : Double(index) * step
            edges.append(offset + first)
        }
        edges.append(last)
        for index in 1..<edges.count where !(edges[index - 1] < edges[index]) {
            return nil
        }
        self.edges = edges
    }

    /// Edges given explicitly (for real-edge binning with open ends).
    package init(edges: [Double]) {
        self.edges = edges
    }

    /// `numpy.digitize(value, edges)` for increasing edges.
    package func index(of value: Double) -> Int {
        if value.isNaN { return edges.count }
        var low = 0
        var high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] <= value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// `numpy.digitize` of every value, as codes 0…`edges.count`.
    package func indices(of values: [Double]) -> [Int32] {
        values.map { Int32(index(of: $0)) }
    }
}
