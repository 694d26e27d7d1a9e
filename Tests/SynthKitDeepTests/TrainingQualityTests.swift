import SynthKit
import SynthKitTestSupport
import Testing

@Suite struct TrainingQualityTests {
    /// A short TVAE run measurably improves SDMetrics' overall quality over the untrained model.
    @Test func trainingImprovesQualityOverEpochZero() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 300)
        let learned = try table.selecting(["age", "income", "segment", "member", "score"])
        let narrow = Schema(columns: schema.columns.filter { learned.columnNames.contains($0.name) })
        var configuration = TVAE(embeddingDimension: 16, compressDimensions: [32], decompressDimensions: [32], batchSize: 50, epochs: 0)
        let untrained = try configuration.fit(learned, schema: narrow, options: FitOptions(seed: Seed(3)))
        configuration.epochs = 40
        let trained = try configuration.fit(learned, schema: narrow, options: FitOptions(seed: Seed(3)))
        let report = SDMetricsQualityReport()
        let before = try #require(try report.evaluate(real: learned, synthetic: untrained.sample(count: 600, seed: Seed(4))).overall)
        let after = try #require(try report.evaluate(real: learned, synthetic: trained.sample(count: 600, seed: Seed(4))).overall)
        #expect(after > before + 0.03, "quality before \(before), after \(after)")
    }
}
