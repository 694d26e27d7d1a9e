/// How many synthetic rows of which class an ``Augmentation`` adds to a table, and the class
/// counts before and after.
public struct AugmentationPlan: Codable, Hashable, Sendable {
    /// The column whose class is augmented.
    public var targetColumn: String
    /// The class rows are added for (the minority class unless one was named).
    public var targetClass: String
    /// The share of `targetClass` asked for, in (0, 1).
    public var targetShare: Double
    /// Rows of the real table.
    public var realRows: Int
    /// Rows of each class in the real table (missing values not counted).
    public var classCountsBefore: [String: Int]
    /// Synthetic rows to add: the least `m` with `(k + m) / (n + m) ≥ share`, i.e.
    /// `m = ⌈(share·n − k) / (1 − share)⌉` for `k` rows of the class among `n`.
    public var syntheticRows: Int

    /// Creates a plan.
    public init(targetColumn: String, targetClass: String, targetShare: Double, realRows: Int, classCountsBefore: [String: Int], syntheticRows: Int) {
        self.targetColumn = targetColumn
        self.targetClass = targetClass
        self.targetShare = targetShare
        self.realRows = realRows
        self.classCountsBefore = classCountsBefore
        self.syntheticRows = syntheticRows
    }

    /// The class's share of the real table.
    public var shareBefore: Double {
        realRows == 0 ? 0 : Double(classCountsBefore[targetClass] ?? 0) / Double(realRows)
    }

    /// The class's share once `produced` synthetic rows are added.
    public func shareAfter(produced: Int) -> Double {
        let total = realRows + produced
        return total == 0 ? 0 : Double((classCountsBefore[targetClass] ?? 0) + produced) / Double(total)
    }
}
