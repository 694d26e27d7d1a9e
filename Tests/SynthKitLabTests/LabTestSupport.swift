import Foundation
import Testing

/// Mean and standard error of independent replicates.
struct ReplicateSummary: CustomStringConvertible {
    let mean: Double
    let standardError: Double

    init(_ values: [Double]) {
        precondition(values.count > 1, "need at least two replicates")
        let count = Double(values.count)
        let average = values.reduce(0, +) / count
        mean = average
        let variance = values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (count - 1)
        standardError = (variance / count).squareRoot()
    }

    /// "mean ± standard error".
    var description: String { "\(mean) ± \(standardError)" }

    /// Whether `expected` lies within `multiple` standard errors of the mean.
    func agrees(with expected: Double, within multiple: Double = 3) -> Bool {
        abs(mean - expected) <= multiple * standardError
    }
}

/// The median of `values`.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
