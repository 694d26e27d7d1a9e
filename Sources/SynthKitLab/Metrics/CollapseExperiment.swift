import Foundation
public import SynthKitCore
public import SynthKitGovernance
public import SynthKitSynthesis
public import SynthKitTable

/// A collapse experiment over a real table and any ``Synthesizer``: each workflow runs a
/// ``RecursiveLoop`` whose generations are measured with ``GenerationMetrics`` and reduced to
/// medians across repeats in a ``CollapseReport``.
///
/// Fresh real rows (and generation 1's training rows) are uniform subsamples without
/// replacement of the real table. Generation 0 of every curve is the median over repeats of real
/// subsamples as large as a generation's sample, so sampling alone (for example, rare
/// categories absent from a few hundred rows) is not mistaken for collapse. Cost: `workflows × repeats × generations` fits and samples.
public struct CollapseExperiment<Configuration: Synthesizer>: Sendable {
    /// The synthesizer refitted each generation.
    public var synthesizer: Configuration
    /// The real table's schema, used for every fit.
    public var schema: Schema
    /// The workflows to compare.
    public var workflows: [CollapseWorkflow]
    /// Fits per repeat.
    public var generations: Int
    /// Rows sampled per generation.
    public var rowsPerGeneration: Int
    /// Independent repeats per workflow.
    public var repeats: Int

    /// Creates an experiment.
    public init(
        synthesizer: Configuration, schema: Schema, workflows: [CollapseWorkflow], generations: Int,
        rowsPerGeneration: Int, repeats: Int
    ) {
        self.synthesizer = synthesizer
        self.schema = schema
        self.workflows = workflows
        self.generations = generations
        self.rowsPerGeneration = rowsPerGeneration
        self.repeats = repeats
    }

    /// The share of real rows held out to test the TSTR utility when a target is given.
    public static var holdoutShare: Double { 0.2 }

    /// Runs every workflow on `real`.
    ///
    /// With a `target`, ``holdoutShare`` of the real rows (a uniform random subset drawn from
    /// `seed`) are held out: no generation trains on them and every generation's `tstr` figure
    /// tests a learner trained on its synthetic rows on them (see ``GenerationMetrics``).
    /// Generation 0 is then a learner trained on real rows of the same size.
    /// - Parameters:
    ///   - target: the column whose train-synthetic-test-real utility is measured, if any.
    ///   - watermark: when given, every sample is watermarked and marked rows are removed from
    ///     each training set before the refit (the defence of reference §3.3 item 5); `replace`
    ///     has no real rows to fall back on and is run unfiltered.
    ///   - progress: told after each workflow.
    /// - Throws: `.invalidArgument` for impossible sizes; whatever fitting or sampling throws.
    public func run(
        real table: Table, seed: Seed, threads: Int? = nil, target: String? = nil,
        filteringWith watermark: GreenListWatermark? = nil, progress: (any ProgressReporter)? = nil
    ) throws(SynthKitError) -> CollapseReport {
        guard !workflows.isEmpty else {
            throw SynthKitError(.invalidArgument, "name at least one workflow", location: .init(field: "workflows"))
        }
        let real: Table
        let metrics: GenerationMetrics
        if let target {
            let (training, holdout) = try Self.holdingOut(from: table, seed: seed.derived("collapse.holdout"))
            real = training
            metrics = try GenerationMetrics(real: training, schema: schema, target: target, holdout: holdout, seed: seed)
        } else {
            real = table
            metrics = GenerationMetrics(real: table, schema: schema)
        }
        let realFigures = try metrics.measureReal()
        let generator = SynthesizerGenerator(synthesizer: synthesizer, schema: schema)
        let watermarkable = !GreenListWatermark.eligibleColumns(in: real, schema: schema).isEmpty
        var curves: [CollapseReport.WorkflowCurves] = []
        var realCategoryCounts: [String: Int] = [:]
        for name in metrics.categoricalColumns {
            if let value = realFigures["surviving-categories/\(name)"] { realCategoryCounts[name] = Int(value) }
        }
        for (index, workflow) in workflows.enumerated() {
            let loop = RecursiveLoop(workflow: workflow, generations: generations, rowsPerGeneration: rowsPerGeneration, repeats: repeats)
            let workflowSeed = seed.derived("collapse.workflow", index: index)
            let measure = { @Sendable (_: Int, _: Configuration.Model, rows: Table) throws(SynthKitError) -> [String: Double] in
                try metrics.measure(rows)
            }
            let runs: [[[String: Double]]]
            if let watermark, workflow != .replace {
                runs = try loop.run(
                    generator: WatermarkingGenerator(base: generator, watermark: watermark, schema: schema), seed: workflowSeed,
                    threads: threads, realRows: real.realRowSource(), filter: { watermark.removingMarkedRows($0) }, measure: measure)
            } else {
                runs = try loop.run(
                    generator: generator, seed: workflowSeed, threads: threads, realRows: real.realRowSource(), measure: measure)
            }
            let baselines = try (0..<repeats).map { (repeatIndex: Int) throws(SynthKitError) -> [String: Double] in
                try metrics.measure(real.subsample(loop.sampledRows, seed: workflowSeed.derived("collapse.baseline", index: repeatIndex)))
            }
            var medians: [String: [Double]] = [:]
            for key in realFigures.keys.sorted() {
                var series = [Self.median(baselines.compactMap { $0[key] })]
                for generation in 0..<generations {
                    let values = runs.compactMap { $0[generation][key] }
                    series.append(Self.median(values))
                }
                medians[key] = series
            }
            let summary = CollapseSummaryWriter(
                workflow: workflow.description, generations: generations, medians: medians,
                numericalColumns: metrics.numericalColumns, realCategoryCounts: realCategoryCounts,
                utility: metrics.utilityTarget.map { ($0, metrics.utilityMetricName ?? "", metrics.utilityTestRows) }
            ).sentences()
                + (watermark != nil && workflow == .replace
                    ? ["Watermark filtering does not apply to replace: it has no real rows to keep."] : [])
                + (watermark != nil && workflow != .replace && !watermarkable
                    ? ["No numerical column is eligible for the watermark, so the filter could not recognise synthetic rows."] : [])
            curves.append(.init(workflow: workflow.description, medians: medians, summary: summary))
            progress?.report(stage: "collapse workflow \(workflow)", fraction: Double(index + 1) / Double(workflows.count))
        }
        return CollapseReport(
            synthesizer: Configuration.kind.rawValue, generations: generations, rowsPerGeneration: rowsPerGeneration,
            repeats: repeats, seed: seed.rawValue, filteredWatermarked: watermark != nil,
            numericalColumns: metrics.numericalColumns, categoricalColumns: metrics.categoricalColumns,
            realCategoryCounts: realCategoryCounts, target: metrics.utilityTarget, utilityMetric: metrics.utilityMetricName,
            holdoutRows: target == nil ? nil : metrics.utilityTestRows, workflows: curves)
    }

    /// Splits `table` into training rows and ``holdoutShare`` held-out rows (at least one of
    /// each), uniformly at random from `seed`; both keep the table's row order.
    /// - Throws: `.invalidInput` when the table has fewer than 4 rows.
    static func holdingOut(from table: Table, seed: Seed) throws(SynthKitError) -> (training: Table, holdout: Table) {
        guard table.rowCount >= 4 else {
            throw SynthKitError(
                .invalidInput, "the real table has \(table.rowCount) rows; holding out rows for --target needs at least 4",
                location: .init(field: "target"))
        }
        let count = min(table.rowCount - 2, max(1, Int((Double(table.rowCount) * holdoutShare).rounded())))
        var indices = Array(0..<table.rowCount)
        var stream = seed.stream()
        for position in 0..<count {
            indices.swapAt(position, position + stream.nextIndex(below: table.rowCount - position))
        }
        let held = Set(indices[0..<count])
        return (
            table.gatheringRows((0..<table.rowCount).filter { !held.contains($0) }),
            table.gatheringRows((0..<table.rowCount).filter { held.contains($0) })
        )
    }

    /// The median of `values` (NaN when empty).
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
