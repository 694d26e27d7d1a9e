public import SynthKitCore
public import SynthKitTable

/// How much of the real range [min R, max R] the synthetic values span (SDMetrics
/// `RangeCoverage`, `sdmetrics/single_column/statistical/range_coverage.py`).
///
/// score = max(0, 1 − [max(0, (min S − min R)/(max R − min R)) + max(0, (max R − max S)/(max R − min R))]),
/// missing values ignored; `nil` when the real column is constant or either column is empty.
///
/// Complexity: O(n + m).
public struct RangeCoverage: ColumnMetric {
    /// `"range-coverage"`.
    public static let identifier = "range-coverage"
    /// Higher is better.
    public var goal: MetricGoal { .maximize }
    /// Scores lie in [0, 1].
    public var range: ClosedRange<Double> { 0...1 }

    /// Creates the metric.
    public init() {}

    /// Numerical and datetime columns.
    public func accepts(_ kind: ColumnKind) -> Bool { kind == .numerical || kind == .datetime }

    /// The score, or `nil` when not computable.
    public func score(real: Column, synthetic: Column) throws(SynthKitError) -> Double? {
        guard let realBounds = NumericBounds(real.numbers ?? []),
              let syntheticBounds = NumericBounds(synthetic.numbers ?? []),
              realBounds.maximum > realBounds.minimum else { return nil }
        let width = realBounds.maximum - realBounds.minimum
        let lowGap = max((syntheticBounds.minimum - realBounds.minimum) / width, 0)
        let highGap = max((realBounds.maximum - syntheticBounds.maximum) / width, 0)
        return max(1 - (lowGap + highGap), 0)
    }
}

/// The smallest and largest non-missing value of a sample.
struct NumericBounds {
    /// The smallest value.
    var minimum: Double
    /// The largest value.
    var maximum: Double

    /// The bounds of the non-NaN values, or `nil` when there are none.
    init?(_ values: [Double]) {
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var present = false
        for value in values where !value.isNaN {
            present = true
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
        }
        guard present else { return nil }
        self.minimum = minimum
        self.maximum = maximum
    }
}
