/// Pearson's product-moment correlation of paired samples (`scipy.stats.pearsonr`'s statistic).
///
/// r = Σ (xᵢ − x̄)(yᵢ − ȳ) / √(Σ (xᵢ − x̄)² · Σ (yᵢ − ȳ)²), computed with centred values in two
/// passes for accuracy and clipped to [−1, 1] as SciPy does.
///
/// Complexity: O(n).
package enum PearsonCorrelation {
    /// The outcome of a correlation on rows where both values are present.
    package enum Outcome: Equatable, Sendable {
        /// The coefficient.
        case value(Double)
        /// Fewer than two complete rows (SciPy raises `ValueError`).
        case tooFewRows(Int)
        /// One of the samples is constant (SciPy warns and returns NaN).
        case constantInput
    }

    /// r over the rows where neither `first` nor `second` is NaN (pandas `dropna` on the pair).
    package static func coefficient(_ first: [Double], _ second: [Double]) -> Outcome {
        precondition(first.count == second.count, "paired samples differ in length: \(first.count) vs \(second.count)")
        var xs: [Double] = []
        var ys: [Double] = []
        xs.reserveCapacity(first.count)
        ys.reserveCapacity(first.count)
        for index in first.indices where !first[index].isNaN && !second[index].isNaN {
            xs.append(first[index])
            ys.append(second[index])
        }
        guard xs.count >= 2 else { return .tooFewRows(xs.count) }
        let firstValue = xs[0]
        let secondValue = ys[0]
        if xs.allSatisfy({ $0 == firstValue }) || ys.allSatisfy({ $0 == secondValue }) {
            return .constantInput
        }
        let count = Double(xs.count)
        let meanX = xs.reduce(0, +) / count
        let meanY = ys.reduce(0, +) / count
        var sumXY = 0.0
        var sumXX = 0.0
        var sumYY = 0.0
        for index in xs.indices {
            let dx = xs[index] - meanX
            let dy = ys[index] - meanY
            sumXY += dx * dy
            sumXX += dx * dx
            sumYY += dy * dy
        }
        let denominator = (sumXX * sumYY).squareRoot()
        guard denominator > 0 else { return .constantInput }
        return .value(max(-1, min(1, sumXY / denominator)))
    }
}
