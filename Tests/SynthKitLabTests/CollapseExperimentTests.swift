import Foundation
import SynthKitCore
import SynthKitGovernance
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

    @Test func bayesianNetworkLoopRunsAndIsDeterministic() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 200)
        let experiment = CollapseExperiment(
            synthesizer: BayesianNetwork(), schema: schema, workflows: [.replace, .accumulate],
            generations: 2, rowsPerGeneration: 100, repeats: 2)
        let report = try experiment.run(real: table, seed: Seed(9), threads: 2)
        #expect(report.synthesizer == "bayesian-network")
        #expect(report.workflows.map(\.workflow) == ["replace", "accumulate"])
        let accumulate = report.workflows[1]
        #expect(accumulate.medians["surviving-categories/segment"]?.count == 3)
        #expect(accumulate.medians["fidelity"]?.dropFirst().allSatisfy { $0 > 0.5 && $0 <= 1 } == true)
        #expect(report == (try experiment.run(real: table, seed: Seed(9), threads: 1)))
    }

    @Test func targetAddsTrainSyntheticTestRealCurves() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 300)
        let experiment = CollapseExperiment(
            synthesizer: GaussianCopula(), schema: schema, workflows: [.replace],
            generations: 2, rowsPerGeneration: 150, repeats: 2)
        let report = try experiment.run(real: table, seed: Seed(5), threads: 2, target: "member")
        #expect(report.target == "member" && report.utilityMetric == "AUC" && report.holdoutRows == 60)
        let tstr = try #require(report.workflows[0].medians["tstr"])
        #expect(tstr.count == 3)
        #expect(tstr[0] > 0.6, "a model trained on real rows predicts member: \(tstr)")
        #expect(tstr.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(report.workflows[0].summary.contains { $0.contains("held-out real rows") })
        let regression = try experiment.run(real: table, seed: Seed(5), threads: 2, target: "income")
        #expect(regression.utilityMetric == "R²" && regression.workflows[0].medians["tstr"]?.count == 3)
        #expect(throws: SynthKitError.self) { try experiment.run(real: table, seed: Seed(5), target: "email") }
    }

    @Test func filteringWithoutAnEligibleColumnSaysSo() throws {
        let categorical = try SynthesisFixtures.mixed(rows: 200).table.selecting(["segment", "member"])
        let experiment = CollapseExperiment(
            synthesizer: GaussianCopula(), schema: SchemaInference.infer(table: categorical),
            workflows: [.freshMix(realRows: 50, syntheticRows: 50)], generations: 2, rowsPerGeneration: 100, repeats: 1)
        let report = try experiment.run(real: categorical, seed: Seed(1), filteringWith: GreenListWatermark(key: .derived(from: Seed(2))))
        #expect(report.workflows[0].summary.contains { $0.hasPrefix("No numerical column is eligible") })
    }
}
