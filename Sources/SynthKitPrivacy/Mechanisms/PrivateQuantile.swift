public import SynthKitCore
import Foundation
import SynthKitMath

/// Differentially private quantiles and bounds of a numerical column.
///
/// **Quantile** (Smith 2011, the exponential mechanism over intervals): with the values
/// clamped to [lower, upper] and sorted, x₀ = lower ≤ x₁ ≤ … ≤ xₙ ≤ xₙ₊₁ = upper, interval i
/// = [xᵢ, xᵢ₊₁] gets utility −|i − q·n| (sensitivity 1) and is chosen with probability
/// ∝ (xᵢ₊₁ − xᵢ)·exp(ε·utility/2); the answer is uniform in it. ε-DP, ε²/8-zCDP. O(n log n).
/// Sampled in double precision (Gumbel-max over log-widths, a uniform point): not hardened
/// against floating-point attacks, and not used by the synthesizers.
///
/// **Bounds without public facts** (``bounds(of:rho:countSensitivity:noise:budget:purpose:)``):
/// ρ measures a histogram over sign × power-of-two magnitude bins (±[2ᵏ, 2ᵏ⁺¹),
/// k = −20…62, and zero) with the discrete Gaussian mechanism (each row in one bin, Δ = 1);
/// the range spans the bins whose noisy count exceeds a Bonferroni threshold and the bin of
/// the largest noisy count (so small tables still get a range, if a narrow one). Rows
/// outside are clamped.
public enum PrivateQuantile {
    /// The ε-DP estimate of quantile `quantile` of `values` within [lower, upper].
    public static func estimate(
        sortedValues: [Double], quantile: Double, lower: Double, upper: Double, epsilon: Double, noise: inout NoiseSource
    ) -> Double {
        precondition(lower < upper, "quantile search needs lower < upper, got \(lower), \(upper)")
        precondition(quantile >= 0 && quantile <= 1, "quantile must lie in [0, 1], got \(quantile)")
        let clamped = sortedValues.map { min(max($0, lower), upper) }
        let points = [lower] + clamped + [upper]
        let target = quantile * Double(clamped.count)
        var best = 0
        var bestValue = -Double.infinity
        for index in 0..<(points.count - 1) {
            let width = points[index + 1] - points[index]
            guard width > 0 else { continue }
            let value = log(width) - epsilon * abs(Double(index) - target) / 2 + noise.nextGumbel()
            if value > bestValue {
                bestValue = value
                best = index
            }
        }
        return points[best] + (points[best + 1] - points[best]) * noise.nextOpenUniform()
    }

    /// Private [lower, upper] bounds of `values` (NaN ignored), charging `rho` to `budget`.
    /// `countSensitivity` is the histogram's L2 sensitivity: 1 for add/remove-one neighbours,
    /// √2 for replace-one.
    /// - Throws: the budget's refusal; `.invalidInput` (field = `purpose`) for a column
    ///   without values (declare the bounds in the schema instead).
    public static func bounds(
        of values: [Double], rho: Double, countSensitivity: Double = 1, noise: inout NoiseSource,
        budget: inout PrivacyBudget, purpose: String
    ) throws(SynthKitError) -> (lower: Double, upper: Double) {
        let finite = values.filter { $0.isFinite }
        let histogram = GaussianMechanism(sensitivity: countSensitivity, rho: rho)
        let edges = magnitudeEdges()
        var counts = [Int](repeating: 0, count: edges.count - 1)
        for value in finite { counts[bin(of: value, edges: edges)] += 1 }
        let noisy = try histogram.release(counts: counts, purpose: "\(purpose): magnitude histogram", budget: &budget, noise: &noise)
            .map(Double.init)
        // Bonferroni over the bins: an empty bin passes with probability at most 1% overall.
        let threshold = histogram.standardDeviation * NormalDistribution.quantile(1 - 0.01 / Double(counts.count))
        let kept = noisy.indices.filter { noisy[$0] > threshold }
        guard let largest = noisy.indices.max(by: { noisy[$0] < noisy[$1] }), !finite.isEmpty else {
            throw SynthKitError(
                .invalidInput, "no values to estimate private bounds for \(purpose); declare the bounds in the schema",
                location: .init(field: purpose))
        }
        let first = min(kept.first ?? largest, largest)
        let last = max(kept.last ?? largest, largest)
        return (edges[first], edges[last + 1])
    }

    /// Edges −2⁶³ … −2⁻²⁰, 0, 2⁻²⁰ … 2⁶³ (each magnitude bin between consecutive edges).
    static func magnitudeEdges() -> [Double] {
        let positive = (-20...63).map { pow(2.0, Double($0)) }
        return positive.reversed().map { -$0 } + [0] + positive
    }

    static func bin(of value: Double, edges: [Double]) -> Int {
        var low = 0
        var high = edges.count - 1
        if value <= edges[0] { return 0 }
        if value >= edges[high] { return high - 1 }
        while high - low > 1 {
            let middle = (low + high) / 2
            if edges[middle] <= value { low = middle } else { high = middle }
        }
        return low
    }
}
