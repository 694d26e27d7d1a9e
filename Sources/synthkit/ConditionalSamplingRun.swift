import SynthKit

/// The conditional branch of `sample`: `--condition col=value` (repeatable, all rows) or
/// `--conditions file.csv` (SDV's sample_remaining_columns: each row's known values fixed, the
/// rest generated, output in the file's row order) or `--rebalance col=shares` (a target
/// distribution for one column, with any `--condition` values held in every row). The model's
/// constraints hold in every row.
struct ConditionalSamplingRun {
    var assignments: [String]
    var conditionsFile: String?
    var rows: Int?
    var allowsUnseen: Bool
    var rebalance: String?

    /// Whether any conditioning option was given.
    var isRequested: Bool { !assignments.isEmpty || conditionsFile != nil || rebalance != nil }

    /// Draws the conditioned rows; the second value reports produced and requested row counts.
    func sample(
        _ model: any SynthesisModel, constraints: ConstraintSet, seed: Seed, threads: Int?, reader: CSVReader
    ) throws(SynthKitError) -> (table: Table, output: ConditionalSampleOutput) {
        let options = ConditioningOptions(allowsUnseen: allowsUnseen, threads: threads)
        if let rebalance {
            let fixed = try assignments.map { text throws(SynthKitError) in try Condition.parseAssignment(text) }
            let result = try Rebalancing.parse(rebalance).sample(
                model, rows: rows ?? 0, fixed: fixed, constraints: constraints, seed: seed, options: options)
            return (result.table, ConditionalSampleOutput(result, requested: rows ?? 0))
        }
        if let conditionsFile {
            var known = try reader.read(path: conditionsFile)
            let fixed = try assignments.map { text throws(SynthKitError) in try Condition.parseAssignment(text) }
            for assignment in fixed where known[assignment.column] == nil {
                known = try known.appending(Column(name: assignment.column, strings: Array(repeating: assignment.value, count: known.rowCount)))
            }
            let (conditions, rowOrder) = Condition.grouping(rowsOf: known)
            let result = try constraints.sampleConditioned(model, conditions: conditions, seed: seed, options: options)
            var starts: [Int] = []
            var running = 0
            for produced in result.producedRows {
                starts.append(running)
                running += produced
            }
            let order = rowOrder.compactMap { entry in
                entry.position < result.producedRows[entry.condition] ? starts[entry.condition] + entry.position : nil
            }
            return (result.table.gatheringRows(order), ConditionalSampleOutput(result, requested: known.rowCount))
        }
        let condition = Condition(
            assignments: try assignments.map { text throws(SynthKitError) in try Condition.parseAssignment(text) },
            rowCount: rows ?? 0)
        let result = try constraints.sampleConditioned(model, conditions: [condition], seed: seed, options: options)
        return (result.table, ConditionalSampleOutput(result, requested: condition.rowCount))
    }
}

/// The conditioning part of `sample --json`.
struct ConditionalSampleOutput: Encodable {
    var method: String
    var requestedRows: Int
    var producedRows: Int

    init(_ result: ConditionalSample, requested: Int) {
        method = result.method.rawValue
        requestedRows = requested
        producedRows = result.table.rowCount
    }
}

extension Table {
    /// The table with one more column (same row count).
    func appending(_ column: Column) throws(SynthKitError) -> Table {
        try Table(columns: columns + [column])
    }
}
