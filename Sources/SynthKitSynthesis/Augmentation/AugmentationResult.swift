public import SynthKitTable

/// The output of ``Augmentation/augment(_:model:constraints:seed:options:)``.
public struct AugmentationResult: Sendable {
    /// Real rows, then synthetic rows, with the origin column last.
    public var table: Table
    /// What was planned.
    public var plan: AugmentationPlan
    /// Synthetic rows actually produced (fewer than planned only when rejection ran out of budget).
    public var producedRows: Int
    /// How the synthetic rows were conditioned.
    public var method: ConditionalSample.Method

    /// Creates a result.
    public init(table: Table, plan: AugmentationPlan, producedRows: Int, method: ConditionalSample.Method) {
        self.table = table
        self.plan = plan
        self.producedRows = producedRows
        self.method = method
    }

    /// Rows of each class of the target column in the output.
    public var classCountsAfter: [String: Int] {
        var counts = plan.classCountsBefore
        counts[plan.targetClass, default: 0] += producedRows
        return counts
    }
}
