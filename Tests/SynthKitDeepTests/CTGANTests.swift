import Foundation
import SynthKit
import SynthKitTestSupport
import Testing

@Suite struct CTGANTests {
    static let small = CTGAN(
        embeddingDimension: 8, generatorDimensions: [16], discriminatorDimensions: [16], batchSize: 20, epochs: 2, pac: 10)

    @Test func conformsToTheSynthesizerContract() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 60)
        try checkSynthesizer(Self.small, on: table, schema: schema)
    }

    @Test func conditionsThroughTheConditionalVectorAndRespectsConstraints() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 100)
        let model = try Self.small.fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
        try checkConditioning(model)
        try checkConstraints(model)
    }

    @Test func reportsEveryEpochAndRejectsBadHyperparameters() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 40)
        let recorder = ProgressRecorder()
        _ = try Self.small.fit(table, schema: schema, options: FitOptions(seed: Seed(1), progress: recorder))
        let epochs = recorder.stages.filter { $0.hasPrefix("epoch ") }
        #expect(epochs.count == 2)
        #expect(epochs.first?.contains("generator") == true && epochs.first?.contains("discriminator") == true)
        var bad = Self.small
        bad.batchSize = 25
        bad.pac = 0
        do {
            _ = try bad.fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
            Issue.record("bad hyperparameters were accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.description.contains("batchSize") && error.description.contains("pac"))
        }
    }

    @Test func publishedDefaults() {
        let defaults = CTGAN()
        #expect(defaults.generatorDimensions == [256, 256] && defaults.discriminatorDimensions == [256, 256])
        #expect(defaults.batchSize == 500 && defaults.epochs == 300 && defaults.pac == 10)
        #expect(defaults.gradientPenaltyWeight == 10 && defaults.generatorLearningRate == 2e-4 && defaults.generatorDecay == 1e-6)
        #expect(CTGAN.gumbelTemperature == 0.2)
        let tvae = TVAE()
        #expect(tvae.compressDimensions == [128, 128] && tvae.embeddingDimension == 128 && tvae.lossFactor == 2 && tvae.l2Scale == 1e-5)
    }
}
