public import SynthKitCore
public import SynthKitTable

extension ConstraintSet {
    /// Draws `rowCount` rows of `model` that satisfy every constraint, by bounded rejection:
    /// rows `0..<rowCount` of ``ConstrainedRowStream`` for `model` and `seed`.
    ///
    /// Deterministic for a seed, independent of `threads`, and equal to the first rows of any
    /// longer call. Expected cost O(rowCount / acceptance rate).
    /// - Throws: `.conditionUnsatisfiable` when the budget runs out, naming the constraint that
    ///   rejected most rows.
    public func enforce(
        sampling model: any SynthesisModel, rowCount: Int, seed: Seed, threads: Int?, maximumDrawsPerRow: Int = 100
    ) throws(SynthKitError) -> Table {
        if constraints.isEmpty { return try model.sample(rows: 0..<rowCount, seed: seed, threads: threads) }
        let stream = ConstrainedRowStream(
            constraints: self, model: model, seed: seed, threads: threads, maximumDrawsPerRow: maximumDrawsPerRow)
        return try stream.next(rowCount)
    }
}
