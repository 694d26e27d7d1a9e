import Foundation
import SynthKitCore
import SynthKitLab
import SynthKitStatistical
import SynthKitTable
import SynthKitTestSupport
import Testing

/// The table-level lab over a real synthesizer (GaussianCopula) and its metrics.
@Suite struct CollapseExperimentTests {
    @Test func realTableMeasuresAsItsOwnReference() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 400)
        let metrics = GenerationMetrics(real: table, schema: schema)
        let figures = try metrics.measureReal()
        #expect(metrics.numericalColumns.contains("income") && metrics.categoricalColumns.contains("segment"))
        #expect(abs((figures["variance-ratio/income"] ?? 0) - 1) < 1e-12)
        #expect(abs(figures["mean-drift/age"] ?? 1) < 1e-12)
        #expect(abs(figures["wasserstein/score"] ?? 1) < 1e-12)
        #expect((figures["tail-mass/score"] ?? 1) <= 0.03)
        #expect(figures["surviving-categories/segment"] == 4)
        #expect(abs((figures["fidelity"] ?? 0) - 1) < 1e-9)
    }

    @Test func wassersteinOfAShiftIsTheShift() {
        let first = (0..<100).map(Double.init)
        #expect(abs(GenerationMetrics.wassersteinForTesting(first, first.map { $0 + 2.5 }) - 2.5) < 1e-12)
    }

    @Test func gaussianCopulaLoopIsDeterministicAndSummarised() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 300)
        let experiment = CollapseExperiment(
            synthesizer: GaussianCopula(), schema: schema,
            workflows: [.replace, .freshMix(realRows: 60, syntheticRows: 60)],
            generations: 3, rowsPerGeneration: 120, repeats: 2)
        let report = try experiment.run(real: table, seed: Seed(4), threads: 2)
        #expect(report.workflows.count == 2)
        let replace = report.workflows[0]
        #expect(replace.medians["variance-ratio/income"]?.count == 4)
        #expect(replace.medians["fidelity"]?.allSatisfy { $0 > 0.5 && $0 <= 1 } == true)
        #expect(!replace.summary.isEmpty && replace.summary[0].hasPrefix("After 3 generations of replace"))
        #expect(report == (try experiment.run(real: table, seed: Seed(4), threads: 1)))
    }
}
