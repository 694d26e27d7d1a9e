public import SynthKitCore
public import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

extension CTGAN.Model: ConditionalSampling {
    /// Conditional rows through the conditional vector, checked by rejection (as SDV does).
    ///
    /// For each condition, the generator's condition input is fixed to the first conditioned
    /// categorical value the model has seen, and generated rows are kept when they match every
    /// assignment (bounded by ``ConditioningOptions/rejectionDrawsPerRow``). Unseen categories
    /// are `.conditionUnsatisfiable` (unless allowed), unknown columns `.invalidArgument`.
    /// Condition i draws from `seed.derived("condition", index: i)`.
    public func sample(conditions: [Condition], seed: Seed, options: ConditioningOptions) throws(SynthKitError) -> ConditionalSample {
        var tables: [Table] = []
        var produced: [Int] = []
        for (index, condition) in conditions.enumerated() {
            let guided = GuidedCTGAN(base: self, fixedCondition: conditionEntry(for: condition))
            let part = try ObservedDomainModel(base: guided, columns: columns)
                .sampleByRejection(conditions: [condition], seed: seed.derived("condition", index: index), options: options)
            tables.append(part.table)
            produced.append(part.producedRows.first ?? 0)
        }
        return ConditionalSample(
            table: try Table.concatenating(tables), producedRows: produced, requestedRows: conditions.map(\.rowCount),
            method: .rejection)
    }

    /// The condition-vector entry of the first assignment naming a seen category, if any.
    func conditionEntry(for condition: Condition) -> Int? {
        var block = 0
        for column in columns {
            guard case .categorical(let encoding) = column.treatment else { continue }
            defer { block += 1 }
            guard let assignment = condition.assignments.first(where: { $0.column == column.name }) else { continue }
            let code: Int?
            if let value = assignment.value {
                code = encoding.levels.firstIndex(of: value)
            } else {
                code = encoding.hasMissing ? encoding.missingCode : nil
            }
            if let code, block < conditions.blocks.count { return conditions.blocks[block].conditionStart + code }
        }
        return nil
    }
}

/// A CTGAN model whose generator always receives one fixed condition entry.
struct GuidedCTGAN: SynthesisModel {
    static var kind: SynthesizerKind { CTGAN.kind }
    let base: CTGAN.Model
    let fixedCondition: Int?
    var schema: Schema { base.schema }
    var provenance: Provenance { base.provenance }

    func sample(rows: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
        try base.sample(rows: rows, seed: seed, threads: threads, label: Self.sampleChunkLabel, fixedCondition: fixedCondition)
    }

    func summary() -> ModelSummary { base.summary() }
}
