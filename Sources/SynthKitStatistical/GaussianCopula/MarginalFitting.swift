import SynthKitMath
import SynthKitSynthesis

/// Fits the numeric marginal families and chooses among them by Kolmogorov-Smirnov distance.
///
/// Parametric fits use the method of moments on the observed range (as SDV/copulas'
/// `fit` does for beta and gamma). The KS distance is computed on at most
/// `ksSampleLimit` evenly strided order statistics, O(m) cdf evaluations per family.
enum MarginalFitting {
    static let ksSampleLimit = 4000

    /// The marginal of `sortedValues` (ascending, finite, non-empty) for a requested family.
    static func fit(
        sortedValues: [Double], family: MarginalFamily, tolerance: Double, knotCount: Int, discreteLimit: Int
    ) -> NumericMarginal {
        precondition(!sortedValues.isEmpty, "fit needs at least one value")
        let lowest = sortedValues[0]
        let highest = sortedValues[sortedValues.count - 1]
        if lowest == highest || family == .empirical {
            return empirical(sortedValues, knotCount: knotCount, discreteLimit: discreteLimit)
        }
        let probe = EmpiricalDistribution(strided(sortedValues))
        if family != .auto {
            if var marginal = parametric(family, sortedValues) {
                marginal.kolmogorovSmirnov = probe.kolmogorovSmirnov(against: marginal.cdf)
                return marginal
            }
            return empirical(sortedValues, knotCount: knotCount, discreteLimit: discreteLimit)
        }
        var best: NumericMarginal?
        for candidate in [MarginalFamily.truncatedNormal, .beta, .gamma, .uniform] {
            guard var marginal = parametric(candidate, sortedValues) else { continue }
            marginal.kolmogorovSmirnov = probe.kolmogorovSmirnov(against: marginal.cdf)
            if marginal.kolmogorovSmirnov.isFinite && marginal.kolmogorovSmirnov < (best?.kolmogorovSmirnov ?? .infinity) {
                best = marginal
            }
        }
        if let best, best.kolmogorovSmirnov <= tolerance { return best }
        return empirical(sortedValues, knotCount: knotCount, discreteLimit: discreteLimit)
    }

    /// At most `ksSampleLimit` evenly strided order statistics (keeps the distribution).
    static func strided(_ sortedValues: [Double]) -> [Double] {
        guard sortedValues.count > ksSampleLimit else { return sortedValues }
        let step = Double(sortedValues.count - 1) / Double(ksSampleLimit - 1)
        return (0..<ksSampleLimit).map { sortedValues[Int((Double($0) * step).rounded())] }
    }

    /// A parametric fit, or `nil` when the moments do not admit one.
    static func parametric(_ family: MarginalFamily, _ values: [Double]) -> NumericMarginal? {
        let lowest = values[0]
        let highest = values[values.count - 1]
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(count - 1, 1)
        guard variance > 0, highest > lowest else { return nil }
        switch family {
        case .truncatedNormal:
            return NumericMarginal(
                family: .truncatedNormal, parameters: [mean, variance.squareRoot(), lowest, highest], knots: nil,
                cumulative: nil, kolmogorovSmirnov: .infinity)
        case .uniform:
            return NumericMarginal(
                family: .uniform, parameters: [lowest, highest], knots: nil, cumulative: nil, kolmogorovSmirnov: .infinity)
        case .beta:
            let scale = highest - lowest
            let scaledMean = (mean - lowest) / scale
            let scaledVariance = variance / (scale * scale)
            let common = scaledMean * (1 - scaledMean) / scaledVariance - 1
            let alpha = scaledMean * common
            let beta = (1 - scaledMean) * common
            guard alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else { return nil }
            return NumericMarginal(
                family: .beta, parameters: [alpha, beta, lowest, scale], knots: nil, cumulative: nil,
                kolmogorovSmirnov: .infinity)
        case .gamma:
            let shifted = mean - lowest
            guard shifted > 0 else { return nil }
            let shape = shifted * shifted / variance
            let scale = variance / shifted
            guard shape > 0, scale > 0, shape.isFinite, scale.isFinite else { return nil }
            return NumericMarginal(
                family: .gamma, parameters: [shape, scale, lowest], knots: nil, cumulative: nil,
                kolmogorovSmirnov: .infinity)
        case .empirical, .auto:
            return nil
        }
    }

    /// The empirical marginal: discrete support with cumulative probabilities when there are at
    /// most `discreteLimit` distinct values, else `knotCount` evenly spaced quantiles.
    static func empirical(_ values: [Double], knotCount: Int, discreteLimit: Int) -> NumericMarginal {
        var support: [Double] = []
        var cumulative: [Double] = []
        var index = 0
        let total = Double(values.count)
        while index < values.count && support.count <= discreteLimit {
            var end = index
            while end + 1 < values.count && values[end + 1] == values[index] { end += 1 }
            support.append(values[index])
            cumulative.append(Double(end + 1) / total)
            index = end + 1
        }
        if support.count <= discreteLimit {
            cumulative[cumulative.count - 1] = 1
            return NumericMarginal(
                family: .empirical, parameters: [], knots: Base64Doubles(support),
                cumulative: Base64Doubles(cumulative), kolmogorovSmirnov: 0)
        }
        let distribution = EmpiricalDistribution(values)
        let knots = (0..<knotCount).map { distribution.quantile(Double($0) / Double(knotCount - 1)) }
        var marginal = NumericMarginal(
            family: .empirical, parameters: [], knots: Base64Doubles(knots), cumulative: nil, kolmogorovSmirnov: 0)
        let probe = EmpiricalDistribution(strided(values))
        marginal.kolmogorovSmirnov = probe.kolmogorovSmirnov { x in
            continuousEmpiricalCDF(knots, x)
        }
        return marginal
    }

    /// The cdf of the piecewise-linear quantile function through `knots`.
    static func continuousEmpiricalCDF(_ knots: [Double], _ x: Double) -> Double {
        guard let first = knots.first, let last = knots.last else { return 0 }
        if x < first { return 0 }
        if x >= last { return 1 }
        var low = 0
        var high = knots.count - 1
        while low < high {
            let middle = (low + high) / 2
            if knots[middle] <= x { low = middle + 1 } else { high = middle }
        }
        let upper = low
        let lower = upper - 1
        let width = knots[upper] - knots[lower]
        let fraction = width > 0 ? (x - knots[lower]) / width : 1
        return (Double(lower) + fraction) / Double(knots.count - 1)
    }
}
