public import SynthKitCore
public import SynthKitTable

extension ConstraintSet {
    /// Conditioned rows that also satisfy every constraint.
    ///
    /// Condition i is first checked against the constraints (``conflicts(with:schema:)``): a
    /// fixed value no row could carry is an error naming both. Its rows are then read from a
    /// ``ConstrainedRowStream`` seeded `seed.derived("condition", index: i)` whose candidates are
    /// the model's conditioned rows (exact for ``ConditionalSampling`` models, bounded rejection
    /// otherwise), so the rows depend only on the seed and their index; `id` columns that are not
    /// conditioned are renumbered over the whole output, so ids are unique. A condition whose
    /// constraints reject too many candidates gets fewer rows, reported in `producedRows`.
    /// Without constraints this is ``SynthesisModel/sampleConditioned(conditions:seed:options:)``.
    /// - Throws: `.conditionUnsatisfiable` for a condition contradicting a constraint, plus the
    ///   errors of conditional sampling (unknown columns, unseen values).
    public func sampleConditioned(
        _ model: any SynthesisModel, conditions: [Condition], seed: Seed, options: ConditioningOptions
    ) throws(SynthKitError) -> ConditionalSample {
        let fixedColumns = Set(conditions.flatMap { $0.assignments.map(\.column) })
        if constraints.isEmpty {
            var result = try model.sampleConditioned(conditions: conditions, seed: seed, options: options)
            result.table = renumberingIdentifiers(in: result.table, schema: model.schema, offset: 0, keeping: fixedColumns)
            return result
        }
        var parts: [Table] = []
        var produced: [Int] = []
        var method = ConditionalSample.Method.exact
        for (index, condition) in conditions.enumerated() {
            let described = condition.assignments.map { "\($0.column)=\($0.value ?? "(missing)")" }.joined(separator: ", ")
            let conflicts = try conflicts(with: condition, schema: model.schema)
            if !conflicts.isEmpty {
                throw SynthKitError(
                    .conditionUnsatisfiable,
                    "the condition \(described) contradicts " + conflicts.joined(separator: "; "),
                    location: .init(field: "condition"))
            }
            let assignments = condition.assignments
            let conditionSeed = seed.derived("condition", index: index)
            if model as? any ConditionalSampling == nil { method = .rejection }
            let stream = ConstrainedRowStream(
                constraints: self, seed: conditionSeed, context: "condition \(described)",
                schema: model.schema, keepingIdentifiers: fixedColumns
            ) { range, blockSeed in
                try model.sampleConditioned(
                    conditions: [Condition(assignments: assignments, rowCount: range.count)],
                    seed: blockSeed.derived("candidates", index: range.lowerBound), options: options
                ).table
            }
            let rows = try stream.next(upTo: condition.rowCount)
            parts.append(rows)
            produced.append(rows.rowCount)
        }
        return ConditionalSample(
            table: renumberingIdentifiers(in: try Table.concatenating(parts), schema: model.schema, offset: 0, keeping: fixedColumns),
            producedRows: produced,
            requestedRows: conditions.map(\.rowCount), method: method)
    }

    /// The constraints a condition contradicts, each as `'<constraint>' (<reason>)`.
    ///
    /// Decided from the fixed values alone: a constraint whose columns are all fixed is
    /// evaluated on them; `fixedCombinations` needs an allowed combination agreeing with the
    /// fixed columns; `unique` refuses a fixed column when more than one row is asked for.
    /// Constraints that also read generated columns are left to sampling. O(constraints × columns).
    /// - Throws: `.invalidArgument` for an unknown column or a value its column cannot hold.
    public func conflicts(with condition: Condition, schema: Schema) throws(SynthKitError) -> [String] {
        let matcher = ConditionMatcher(schema: schema)
        var columns: [Column] = []
        var fixed: [String: String?] = [:]
        for assignment in condition.assignments {
            fixed[assignment.column] = assignment.value
            switch try matcher.target(of: assignment) {
            case .number(let number): columns.append(Column(name: assignment.column, values: .numeric([number])))
            case .missing: columns.append(Column(name: assignment.column, strings: [nil]))
            case .text(let text): columns.append(Column(name: assignment.column, strings: [text]))
            }
        }
        let row = Table(unchecked: columns, rowCount: 1)
        var messages: [String] = []
        for constraint in constraints {
            switch constraint {
            case .unique(let column):
                if fixed.keys.contains(column) && condition.rowCount > 1 {
                    messages.append("'\(constraint.summary)' (every one of the \(condition.rowCount) rows would hold the same value)")
                }
            case .fixedCombinations(let names, let allowed):
                let positions = names.indices.filter { fixed.keys.contains(names[$0]) }
                guard !positions.isEmpty else { continue }
                let agrees = allowed.contains { combination in
                    positions.allSatisfy { combination[$0] == row[names[$0]]?.text(at: 0) }
                }
                if !agrees { messages.append("'\(constraint.summary)' (no allowed combination has these values)") }
            default:
                guard constraint.columnNames.allSatisfy({ fixed.keys.contains($0) }) else { continue }
                if !constraint.isSatisfied(row: 0, table: row) {
                    messages.append("'\(constraint.summary)' (the fixed values break it)")
                }
            }
        }
        return messages
    }
}
