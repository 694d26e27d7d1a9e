/// The empirical distribution of a sample: ECDF, quantiles and ranks.
///
/// Built once by sorting (O(n log n)); queries are binary searches (O(log n)).
public struct EmpiricalDistribution: Sendable, Hashable {
    /// The finite sample values, ascending (missing and non-finite values are dropped).
    public let sortedValues: [Double]

    /// Builds the distribution of the finite values in `values`.
    public init(_ values: [Double]) {
        sortedValues = values.filter(\.isFinite).sorted()
    }

    /// The sample size.
    public var count: Int { sortedValues.count }

    /// F̂(x) = #{xᵢ ≤ x} / n (0 for an empty sample).
    public func cdf(_ x: Double) -> Double {
        guard !sortedValues.isEmpty else { return 0 }
        return Double(upperBoundIndex(x)) / Double(sortedValues.count)
    }

    /// #{xᵢ < x} / n, the left limit of the ECDF at x.
    public func cdfBelow(_ x: Double) -> Double {
        guard !sortedValues.isEmpty else { return 0 }
        return Double(lowerBoundIndex(x)) / Double(sortedValues.count)
    }

    /// The quantile at probability p with linear interpolation between order statistics
    /// (Hyndman & Fan type 7, numpy's default); NaN for an empty sample.
    public func quantile(_ p: Double) -> Double {
        guard !sortedValues.isEmpty else { return .nan }
        let position = min(max(p, 0), 1) * Double(sortedValues.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sortedValues.count - 1)
        let fraction = position - Double(below)
        return sortedValues[below] + fraction * (sortedValues[above] - sortedValues[below])
    }

    /// The index of the first value greater than x.
    func upperBoundIndex(_ x: Double) -> Int {
        var low = 0
        var high = sortedValues.count
        while low < high {
            let middle = (low + high) / 2
            if sortedValues[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first value not less than x.
    func lowerBoundIndex(_ x: Double) -> Int {
        var low = 0
        var high = sortedValues.count
        while low < high {
            let middle = (low + high) / 2
            if sortedValues[middle] < x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The Kolmogorov-Smirnov statistic sup |F̂(x) - F(x)| against a continuous cdf F.
    ///
    /// Evaluated at each distinct sample value from both sides of the jump. O(n) calls of F.
    public func kolmogorovSmirnov(against distribution: (Double) -> Double) -> Double {
        let n = Double(sortedValues.count)
        guard n > 0 else { return 0 }
        var largest = 0.0
        var index = 0
        while index < sortedValues.count {
            let value = sortedValues[index]
            var end = index
            while end + 1 < sortedValues.count && sortedValues[end + 1] == value { end += 1 }
            let model = distribution(value)
            largest = max(largest, abs(Double(end + 1) / n - model), abs(model - Double(index) / n))
            index = end + 1
        }
        return largest
    }
}
