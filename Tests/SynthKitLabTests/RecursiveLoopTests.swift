import Foundation
import SynthKitCore
import SynthKitLab
import Testing

/// Wright-Fisher and KDE closed forms (collapse-dp-watermark.md §5 items 8-9), determinism and parsing.
@Suite struct RecursiveLoopTests {
    @Test func wrightFisherDiversityAndCategoryLoss() throws {
        // p0 = [.5, .3, .15, .04, .01], n = 200: E[H_t] = H0·(1 − 1/n)^t; P(p = 0.01 lost at t = 1) = 0.995^200 = 0.1340.
        let shares = [0.5, 0.3, 0.15, 0.04, 0.01]
        let loop = RecursiveLoop(workflow: .replace, generations: 10, rowsPerGeneration: 200, repeats: 3000)
        let fits = try loop.run(
            generator: CategoricalRefit(), seed: Seed(3),
            realRows: { count, seed in CategorySample.drawing(shares, count: count, seed: seed) },
            measure: { _, model, _ in model })
        let initialDiversity = CategoricalRefit.giniSimpson(shares)
        let diversity = ReplicateSummary(fits.map { CategoricalRefit.giniSimpson($0[9]) })
        #expect(diversity.agrees(with: initialDiversity * pow(1 - 1 / 200.0, 10)), "E[H_10] \(diversity)")
        let lost = ReplicateSummary(fits.map { $0[0][4] == 0 ? 1.0 : 0.0 })
        #expect(lost.agrees(with: pow(0.99, 200)), "P(lost) \(lost)")
    }

    @Test(arguments: [0.05, 0.2])
    func kernelDensityVarianceFollowsItsFixedPoint(bandwidth: Double) throws {
        // E[S_t] = r^t·r + (m − 1)h²·(1 − r^t), m = 100, t = 200: 0.3470 (h = 0.05), 3.5621 (h = 0.2).
        let loop = RecursiveLoop(workflow: .replace, generations: 200, rowsPerGeneration: 100, repeats: 150)
        let variances = try loop.run(
            generator: KernelDensityRefit(bandwidth: bandwidth), seed: Seed(9),
            realRows: { count, seed in VectorSample.standardNormal(dimension: 1, count: count, seed: seed) },
            measure: { _, _, rows in
                let mean = rows.values.reduce(0, +) / Double(rows.rowCount)
                return rows.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows.rowCount)
            })
        let r = 0.99
        let expected = pow(r, 200) * r + 99 * bandwidth * bandwidth * (1 - pow(r, 200))
        let summary = ReplicateSummary(variances.map { $0[199] })
        #expect(summary.agrees(with: expected), "E[S_200] \(summary) vs \(expected)")
    }

    @Test func resultsDependOnTheSeedOnlyNotOnThreads() throws {
        let loop = RecursiveLoop(workflow: .accumulateSubsample, generations: 6, rowsPerGeneration: 20, repeats: 5)
        func run(_ seed: UInt64, threads: Int) throws -> [[Double]] {
            try loop.run(
                generator: GaussianRefit(), seed: Seed(seed), threads: threads,
                realRows: { count, seed in VectorSample.standardNormal(dimension: 1, count: count, seed: seed) },
                measure: { _, model, _ in model.variance })
        }
        let single = try run(1, threads: 1)
        #expect(single == (try run(1, threads: 2)))
        #expect(single != (try run(2, threads: 2)))
        #expect(single.count == 5 && single.allSatisfy { $0.count == 6 })
    }

    @Test func workflowsParseAndPrint() throws {
        for text in ["replace", "accumulate", "accumulate-subsample", "fresh-mix:1000:9000"] {
            #expect(try CollapseWorkflow(parsing: text).description == text)
        }
        #expect(throws: SynthKitError.self) { try CollapseWorkflow(parsing: "fresh-mix:1") }
        #expect(throws: SynthKitError.self) { try CollapseWorkflow(parsing: "recycle") }
    }

    @Test func invalidSizesAreRejected() {
        let loop = RecursiveLoop(workflow: .replace, generations: 0, rowsPerGeneration: 1, repeats: 0)
        #expect(throws: SynthKitError.self) {
            try loop.run(
                generator: GaussianRefit(), seed: Seed(1),
                realRows: { count, seed in VectorSample.standardNormal(dimension: 1, count: count, seed: seed) },
                measure: { _, model, _ in model.variance })
        }
    }
}
