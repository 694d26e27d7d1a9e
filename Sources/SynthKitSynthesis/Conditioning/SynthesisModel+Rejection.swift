public import SynthKitCore
import SynthKitTable

extension SynthesisModel {
    /// Conditional sampling for any model: draws unconditional rows and keeps those matching
    /// the condition, with a bounded budget.
    ///
    /// Condition i draws from the row sequence of `seed.derived("condition.rejection", index: i)`
    /// in batches, stopping when `rowCount` rows match or `rowCount ×`
    /// ``ConditioningOptions/rejectionDrawsPerRow`` rows have been drawn; the result reports how
    /// many rows each condition got (never a hang). An unseen value under
    /// ``ConditioningOptions/allowsUnseen`` is not matched but written as given.
    /// Expected cost O(rowCount / P(condition)) rows per condition.
    /// - Throws: `.invalidArgument` for unknown columns or malformed values;
    ///   `.conditionUnsatisfiable` for an unseen value without `allowsUnseen`.
    public func sampleByRejection(
        conditions: [Condition], seed: Seed, options: ConditioningOptions
    ) throws(SynthKitError) -> ConditionalSample {
        let matcher = ConditionMatcher(schema: schema)
        var parts: [Table] = []
        var produced: [Int] = []
        for (index, condition) in conditions.enumerated() {
            var matched: [(column: String, target: ConditionMatcher.Target)] = []
            var written: [(assignment: Condition.Assignment, target: ConditionMatcher.Target)] = []
            for assignment in condition.assignments {
                let target = try matcher.target(of: assignment)
                if matcher.isSeen(target, column: assignment.column) {
                    matched.append((assignment.column, target))
                } else if options.allowsUnseen {
                    written.append((assignment, target))
                } else {
                    throw Self.unseenError(assignment)
                }
            }
            let conditionSeed = seed.derived("condition.rejection", index: index)
            let budget = condition.rowCount * max(1, options.rejectionDrawsPerRow)
            let batch = max(Self.sampleChunkRows, min(budget, condition.rowCount * 4))
            var kept: [Table] = []
            var keptCount = 0
            var drawn = 0
            while keptCount < condition.rowCount && drawn < budget {
                let count = min(batch, budget - drawn)
                let rows = try sample(rows: drawn..<(drawn + count), seed: conditionSeed, threads: options.threads)
                drawn += count
                let columns = matched.map { (rows[$0.column], $0.target) }
                var indices: [Int] = []
                for row in 0..<rows.rowCount where keptCount + indices.count < condition.rowCount {
                    if columns.allSatisfy({ column, target in column.map { matcher.matches($0, row: row, target: target) } ?? false }) {
                        indices.append(row)
                    }
                }
                keptCount += indices.count
                kept.append(rows.gatheringRows(indices))
            }
            var table = try Table.concatenating(kept)
            for (assignment, target) in written {
                guard let column = table[assignment.column] else { continue }
                table = table.replacing(matcher.constantColumn(like: column, target: target, text: assignment.value, count: table.rowCount))
            }
            parts.append(table)
            produced.append(keptCount)
        }
        return ConditionalSample(
            table: try Table.concatenating(parts), producedRows: produced,
            requestedRows: conditions.map(\.rowCount), method: .rejection)
    }

    /// The error for a value the model never saw.
    package static func unseenError(_ assignment: Condition.Assignment) -> SynthKitError {
        SynthKitError(
            .conditionUnsatisfiable,
            "column '\(assignment.column)' never held \(assignment.value.map { "'\($0)'" } ?? "a missing value") in the training data; "
                + "condition on a seen value, or pass --allow-unseen (allowsUnseen) to write it anyway",
            location: .init(column: assignment.column, field: "condition"))
    }
}
