import Foundation
import SynthKitCore
import SynthKitGovernance
import SynthKitLab
import SynthKitTable
import Testing

/// The defence of reference §3.3 item 5: watermark every sample, remove recognised rows before
/// each refit, and the loop keeps learning from real rows only, where `replace` collapses.
@Suite struct WatermarkFilterTests {
    /// A Gaussian MLE refit over a table: `x` (two decimals, σ0 = 1000, so the watermark is
    /// eligible) and `origin` (`real` or `synthetic`, never learned, kept to audit the filter).
    struct TableGaussianRefit: CollapseGenerator {
        /// The fit, and what the training set held.
        struct Model: Sendable {
            var mean: Double
            var variance: Double
            var trainingRows: Int
            var syntheticShare: Double
        }

        func fit(_ pool: Table, seed: Seed) throws(SynthKitError) -> Model {
            let values = pool["x"]?.numbers ?? []
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            let origin = pool["origin"]
            let synthetic = (0..<pool.rowCount).filter { origin?.text(at: $0) == "synthetic" }.count
            return Model(mean: mean, variance: variance, trainingRows: pool.rowCount, syntheticShare: Double(synthetic) / Double(pool.rowCount))
        }

        func sample(_ model: Model, count: Int, seed: Seed) throws(SynthKitError) -> Table {
            try Self.table(count: count, mean: model.mean, deviation: model.variance.squareRoot(), origin: "synthetic", seed: seed)
        }

        /// `count` rows of N(mean, deviation²) to two decimals.
        static func table(count: Int, mean: Double, deviation: Double, origin: String, seed: Seed) throws(SynthKitError) -> Table {
            var stream = seed.stream()
            let values = (0..<count).map { _ in ((mean + deviation * stream.nextNormal()) * 100).rounded() / 100 }
            return try Table(columns: [
                Column(name: "x", numbers: values), Column(name: "origin", strings: Array(repeating: origin, count: count)),
            ])
        }
    }

    static let deviation = 1000.0
    static let realRows: @Sendable (Int, Seed) throws(SynthKitError) -> Table = { count, seed in
        try TableGaussianRefit.table(count: count, mean: 0, deviation: deviation, origin: "real", seed: seed)
    }

    @Test func filteredFreshMixLearnsFromRealRowsOnlyWhileReplaceCollapses() throws {
        let generations = 20, repeats = 120
        let watermark = GreenListWatermark(key: WatermarkKey.derived(from: Seed(31)))
        let schema = SchemaInference.infer(table: try Self.realRows(400, Seed(1)))
        #expect(GreenListWatermark.eligibleColumns(in: try Self.realRows(200, Seed(2)), schema: schema).map(\.name) == ["x"])
        let marking = WatermarkingGenerator(base: TableGaussianRefit(), watermark: watermark, schema: schema)
        let filtered = try RecursiveLoop(
            workflow: .freshMix(realRows: 200, syntheticRows: 200), generations: generations, rowsPerGeneration: 200, repeats: repeats
        ).run(
            generator: marking, seed: Seed(5), realRows: Self.realRows, filter: { watermark.removingMarkedRows($0) },
            measure: { _, model, _ in model })
        let replaced = try RecursiveLoop(workflow: .replace, generations: generations, rowsPerGeneration: 200, repeats: repeats)
            .run(generator: TableGaussianRefit(), seed: Seed(5), realRows: Self.realRows, measure: { _, model, _ in model })
        let variance = Self.deviation * Self.deviation
        // Filtered: from generation 2 on, the marked rows are gone and about half the fresh real
        // rows go too (one eligible cell, green by chance), so each fit sees n ≈ 100 fresh real
        // rows: E[σ²]/σ0² = E[(n − 1)/n] ≈ 0.99 at every generation, the fresh-data regime with
        // no compounding. A sample's minimum and maximum stay unmarked with probability 1/4 each
        // (their green partner lies outside the sample's range), so about 0.5 synthetic rows at
        // ≈ ±2.7σ re-enter each fit and add about 0.03: the band is [0.97, 1.07].
        let last = generations - 1
        let shares = filtered.map { $0[last].syntheticShare }
        #expect(shares.allSatisfy { $0 <= 0.03 }, "synthetic share after the filter: max \(shares.max() ?? 1)")
        let rows = ReplicateSummary(filtered.map { Double($0[last].trainingRows) })
        #expect(rows.agrees(with: 100.5, within: 4), "training rows \(rows)")
        let kept = ReplicateSummary(filtered.map { $0[last].variance / variance })
        #expect(kept.mean > 0.97 && kept.mean < 1.07, "filtered E[σ²] \(kept)")
        let early = ReplicateSummary(filtered.map { $0[1].variance / variance })
        #expect(abs(kept.mean - early.mean) < 3.5 * (kept.standardError + early.standardError), "drift \(early) -> \(kept)")
        // Replace, m = 200: E[σ_20²] = (199/200)^20 = 0.9046, median exp(20·(ψ(99.5) + ln(2/200))) ≈ 0.818.
        let collapsed = ReplicateSummary(replaced.map { $0[last].variance / variance })
        #expect(collapsed.agrees(with: pow(199.0 / 200, 20), within: 3.5), "replace E[σ²] \(collapsed)")
        #expect(median(replaced.map { $0[last].variance / variance }) < median(filtered.map { $0[last].variance / variance }))
    }
}
