public import SynthKitCore
public import SynthKitTable

/// Rare-event augmentation: appends synthetic rows of one class of a column to a real table
/// until the class reaches a share, and tags every row with its origin.
///
/// The synthetic rows are conditioned on the class (``SynthesisModel/sampleConditioned(conditions:seed:options:)``:
/// exact for ``ConditionalSampling`` models, bounded rejection for the others, so it works
/// with every synthesizer) and satisfy the model's constraints
/// (``ConstraintSet/sampleConditioned(_:conditions:seed:options:)``); their `pii` columns are
/// filled with fake values and their `id` columns continue the real ids' format after the
/// largest real id, so no id repeats. The other columns follow the model's conditional distribution
/// given the class. Deterministic for a seed, independent of threads.
public struct Augmentation: Hashable, Sendable {
    /// The column whose class is augmented (e.g. `fraud`).
    public var targetColumn: String
    /// The share the class should reach, strictly between 0 and 1.
    public var targetShare: Double
    /// The class to augment; `nil` means the least frequent class of the real table.
    public var targetClass: String?
    /// The provenance column added to the output, holding `real` or `synthetic`.
    public var originColumn: String

    /// The origin value of real rows.
    public static let realOrigin = "real"
    /// The origin value of synthetic rows.
    public static let syntheticOrigin = "synthetic"

    /// Creates an augmentation.
    public init(targetColumn: String, targetShare: Double, targetClass: String? = nil, originColumn: String = "synthkit_origin") {
        self.targetColumn = targetColumn
        self.targetShare = targetShare
        self.targetClass = targetClass
        self.originColumn = originColumn
    }

    /// The class and the number of rows to add to `table`. O(rows).
    /// - Throws: `.invalidArgument` for a share outside (0, 1), an unknown target column or an
    ///   origin column the table already has; `.conditionUnsatisfiable` for a class that never
    ///   occurs in the table or a share the class already reaches.
    public func plan(for table: Table) throws(SynthKitError) -> AugmentationPlan {
        guard targetShare > 0, targetShare < 1 else {
            throw SynthKitError(
                .invalidArgument, "the target share must lie strictly between 0 and 1, got \(targetShare)", location: .init(field: "to-share"))
        }
        guard let column = table[targetColumn] else {
            throw SynthKitError(
                .invalidArgument, "the data has no column '\(targetColumn)'; columns are \(table.columnNames.joined(separator: ", "))",
                location: .init(column: targetColumn, field: "target"))
        }
        guard table[originColumn] == nil else {
            throw SynthKitError(
                .invalidArgument, "the data already has a column '\(originColumn)'; choose another provenance column name",
                location: .init(column: originColumn, field: "origin-column"))
        }
        var counts: [String: Int] = [:]
        for row in 0..<column.count {
            if let value = column.text(at: row) { counts[value, default: 0] += 1 }
        }
        let chosen: String
        if let targetClass {
            guard counts[targetClass] != nil else {
                throw SynthKitError(
                    .conditionUnsatisfiable,
                    "class '\(targetClass)' never occurs in column '\(targetColumn)'; its classes are \(counts.keys.sorted().joined(separator: ", "))",
                    location: .init(column: targetColumn, field: "class"))
            }
            chosen = targetClass
        } else {
            guard let minority = counts.min(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else {
                throw SynthKitError(
                    .conditionUnsatisfiable, "column '\(targetColumn)' has no values, so it has no minority class",
                    location: .init(column: targetColumn, field: "target"))
            }
            chosen = minority
        }
        let classRows = Double(counts[chosen] ?? 0)
        let rows = Double(table.rowCount)
        guard classRows / rows < targetShare else {
            throw SynthKitError(
                .conditionUnsatisfiable,
                "class '\(chosen)' of '\(targetColumn)' already makes up \(classRows / rows) of the rows, at least the target share \(targetShare); nothing to add",
                location: .init(column: targetColumn, field: "to-share"))
        }
        let added = Int(((targetShare * rows - classRows) / (1 - targetShare) - 1e-9).rounded(.up))
        return AugmentationPlan(
            targetColumn: targetColumn, targetClass: chosen, targetShare: targetShare, realRows: table.rowCount,
            classCountsBefore: counts, syntheticRows: max(added, 1))
    }

    /// `table` (conformed to the model's schema) followed by the synthetic rows of ``plan(for:)``,
    /// with ``originColumn`` appended. Columns of `table` the model lacks are blank in synthetic rows.
    /// - Throws: the errors of ``plan(for:)`` and of conditioned sampling (`.conditionUnsatisfiable`
    ///   for a class the model never saw or a class contradicting a constraint).
    public func augment(
        _ table: Table, model: any SynthesisModel, constraints: ConstraintSet = ConstraintSet(constraints: []),
        seed: Seed, options: ConditioningOptions = ConditioningOptions()
    ) throws(SynthKitError) -> AugmentationResult {
        let plan = try plan(for: table)
        let condition = Condition(assignments: [.init(column: targetColumn, value: plan.targetClass)], rowCount: plan.syntheticRows)
        let drawn = try constraints.sampleConditioned(model, conditions: [condition], seed: seed.derived("augment"), options: options)
        var synthetic = FakeValueGenerator().filling(drawn.table, schema: model.schema, seed: seed.derived("pii"), offset: 0)
        for description in model.schema.columns where description.kind == .id {
            guard let real = table[description.name], synthetic[description.name] != nil else { continue }
            let format = IdentifierFormat.learned(from: real)
            synthetic = synthetic.replacing(format.generate(name: description.name, count: synthetic.rowCount, offset: format.nextNumber(after: real)))
        }
        var columns: [Column] = []
        for real in table.columns {
            let generated = synthetic[real.name] ?? blankColumn(named: real.name, count: synthetic.rowCount)
            columns.append(try Self.stacking(real, generated))
        }
        let origins = [String?](repeating: Self.realOrigin, count: table.rowCount)
            + [String?](repeating: Self.syntheticOrigin, count: synthetic.rowCount)
        columns.append(Column(name: originColumn, strings: origins))
        return AugmentationResult(
            table: try Table(columns: columns), plan: plan, producedRows: synthetic.rowCount, method: drawn.method)
    }

    /// The rows of `first` then `second`, as text when their storage differs.
    static func stacking(_ first: Column, _ second: Column) throws(SynthKitError) -> Column {
        let parts: [Column]
        if (first.numbers == nil) == (second.numbers == nil) {
            parts = [first, second]
        } else {
            parts = [first, second].map { column in
                Column(name: first.name, strings: (0..<column.count).map { column.text(at: $0) })
            }
        }
        let stacked = try Table.concatenating(parts.map { Table(unchecked: [$0.renamed(first.name)], rowCount: $0.count) })
        return stacked.columns[0]
    }
}
