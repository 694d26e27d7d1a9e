public import SynthKitCore
public import SynthKitTable

extension ConstraintSet {
    /// Draws `rowCount` rows of `model` that satisfy every constraint, by bounded rejection.
    ///
    /// Rows come from the model's row sequence for `seed.derived("constraints")` in batches and
    /// are kept when ``violations(in:)`` (with `unique` across everything kept so far) passes;
    /// at most `rowCount × maximumDrawsPerRow` rows are drawn, so an unsatisfiable set ends with
    /// an error naming the constraint that rejected most rows, never a hang. Deterministic for a
    /// seed, independent of `threads`. Expected cost O(rowCount / acceptance rate).
    /// - Throws: `.conditionUnsatisfiable` when the budget runs out.
    public func enforce(
        sampling model: any SynthesisModel, rowCount: Int, seed: Seed, threads: Int?, maximumDrawsPerRow: Int = 100
    ) throws(SynthKitError) -> Table {
        if constraints.isEmpty { return try model.sample(rows: 0..<rowCount, seed: seed, threads: threads) }
        let budget = max(rowCount, 1) * max(1, maximumDrawsPerRow)
        let drawSeed = seed.derived("constraints")
        var kept: [Table] = []
        var keptCount = 0
        var drawn = 0
        var rejections = [Int](repeating: 0, count: constraints.count)
        var uniqueSeen: [String: Set<String>] = [:]
        while keptCount < rowCount && drawn < budget {
            let count = min(max(rowCount - keptCount, 1024) * 2, budget - drawn)
            let batch = try model.sample(rows: drawn..<(drawn + count), seed: drawSeed, threads: threads)
            drawn += count
            var indices: [Int] = []
            for row in 0..<batch.rowCount where keptCount + indices.count < rowCount {
                var ok = true
                for (index, constraint) in constraints.enumerated() where !constraint.isSatisfied(row: row, table: batch) {
                    rejections[index] += 1
                    ok = false
                }
                guard ok else { continue }
                var duplicate = false
                for case .unique(let column) in constraints {
                    if let value = batch[column]?.text(at: row), uniqueSeen[column]?.contains(value) == true { duplicate = true }
                }
                if duplicate { continue }
                for case .unique(let column) in constraints {
                    if let value = batch[column]?.text(at: row) { uniqueSeen[column, default: []].insert(value) }
                }
                indices.append(row)
            }
            keptCount += indices.count
            kept.append(batch.gatheringRows(indices))
        }
        guard keptCount >= rowCount else {
            let worst = rejections.indices.max { rejections[$0] < rejections[$1] } ?? 0
            throw SynthKitError(
                .conditionUnsatisfiable,
                "only \(keptCount) of \(rowCount) rows satisfied every constraint after drawing \(drawn) rows; "
                    + "'\(constraints[worst].summary)' rejected \(rejections[worst]) of them. Relax it, or check that the model can produce such rows",
                location: .init(field: "constraints"))
        }
        return try Table.concatenating(kept)
    }
}
