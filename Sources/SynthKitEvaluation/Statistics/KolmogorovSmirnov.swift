/// The two-sample Kolmogorov–Smirnov statistic, as SDMetrics' `KSComplement` computes it.
///
/// D = sup_x |F_R(x) − F_S(x)|, where F are the empirical CDFs (right-continuous: a value counts
/// as at or below itself). SDMetrics first rounds both samples to 14 decimals
/// (`sys.float_info.dig - 1`, `sdmetrics/single_column/statistical/kscomplement.py`) and calls
/// `scipy.stats.ks_2samp`, whose statistic is max over the pooled sample of
/// |searchsorted(R, x, 'right')/|R| − searchsorted(S, x, 'right')/|S||; this file computes the same
/// quotients by a merge of the two sorted samples. Like SciPy's default `method='auto'`, when
/// neither sample has more than 10,000 values D is snapped to the nearest multiple of
/// 1/lcm(n, m) (`_attempt_exact_2kssamp`), which removes rounding noise from the quotients.
///
/// Complexity: O((n + m) log(n + m)) for sorting, O(n + m) for the merge.
package enum KolmogorovSmirnov {
    /// `x` rounded to 14 decimals the way `numpy.round(x, 14)` does: `rint(x · 1e14) / 1e14`.
    package static func roundedToFourteenDecimals(_ value: Double) -> Double {
        let scale = 1e14
        return (value * scale).rounded(.toNearestOrEven) / scale
    }

    /// The non-missing values of `values`, rounded as SDMetrics does, sorted ascending.
    package static func preparedSample(_ values: [Double]) -> [Double] {
        var sample: [Double] = []
        sample.reserveCapacity(values.count)
        for value in values where !value.isNaN {
            sample.append(roundedToFourteenDecimals(value))
        }
        sample.sort()
        return sample
    }

    /// D for two samples that are already sorted ascending and free of NaN.
    ///
    /// - Precondition: neither sample is empty.
    package static func statistic(sortedFirst first: [Double], sortedSecond second: [Double]) -> Double {
        precondition(!first.isEmpty && !second.isEmpty, "KS statistic needs two non-empty samples, got \(first.count) and \(second.count)")
        let firstCount = Double(first.count)
        let secondCount = Double(second.count)
        var firstIndex = 0
        var secondIndex = 0
        var largest = 0.0
        while firstIndex < first.count || secondIndex < second.count {
            let value: Double
            if firstIndex == first.count {
                value = second[secondIndex]
            } else if secondIndex == second.count {
                value = first[firstIndex]
            } else {
                value = min(first[firstIndex], second[secondIndex])
            }
            while firstIndex < first.count && first[firstIndex] <= value { firstIndex += 1 }
            while secondIndex < second.count && second[secondIndex] <= value { secondIndex += 1 }
            let difference = Double(firstIndex) / firstCount - Double(secondIndex) / secondCount
            largest = max(largest, abs(difference))
        }
        largest = min(largest, 1)
        if max(first.count, second.count) <= exactLimit {
            let divisor = greatestCommonDivisor(first.count, second.count)
            let leastCommonMultiple = Double((first.count / divisor) * second.count)
            largest = (largest * leastCommonMultiple).rounded(.toNearestOrEven) / leastCommonMultiple
        }
        return largest
    }

    /// SciPy's `MAX_AUTO_N`: larger samples use the asymptotic method, without snapping.
    static let exactLimit = 10_000

    static func greatestCommonDivisor(_ first: Int, _ second: Int) -> Int {
        var a = first
        var b = second
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
