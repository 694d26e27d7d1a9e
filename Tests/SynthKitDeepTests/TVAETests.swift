import Foundation
import SynthKit
import SynthKitTestSupport
import Testing

@Suite struct TVAETests {
    static let small = TVAE(embeddingDimension: 8, compressDimensions: [16], decompressDimensions: [16], batchSize: 50, epochs: 2)

    @Test func conformsToTheSynthesizerContract() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 120)
        try checkSynthesizer(Self.small, on: table, schema: schema)
    }

    @Test func conditioningAndConstraintsWorkByRejection() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 200)
        let model = try Self.small.fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
        try checkConditioning(model)
        try checkConstraints(model)
    }

    @Test func reportsEveryEpochAndRejectsBadHyperparameters() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 60)
        let recorder = ProgressRecorder()
        _ = try Self.small.fit(table, schema: schema, options: FitOptions(seed: Seed(1), progress: recorder))
        let epochs = recorder.stages.filter { $0.hasPrefix("epoch ") }
        #expect(epochs.count == 2)
        #expect(epochs.last?.contains("s left") == true)
        var bad = Self.small
        bad.batchSize = 0
        bad.epochs = -1
        do {
            _ = try bad.fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
            Issue.record("bad hyperparameters were accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.description.contains("batchSize") && error.description.contains("epochs"))
        }
    }

    @Test func storesParametersAsBase64Float32() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 60)
        let model = try Self.small.fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
        let text = String(decoding: try SynthesizerRegistry.standard.encode(model), as: UTF8.self)
        #expect(text.contains("\"float32\""))
        #expect(text.contains("\"kind\" : \"tvae\""))
        var corrupted = text
        if let range = corrupted.range(of: "\"sigma\" : {") {
            corrupted.replaceSubrange(range, with: "\"sigmaX\" : {")
        }
        #expect(throws: SynthKitError.self) { _ = try SynthesizerRegistry.standard.decode(Data(corrupted.utf8), file: "bad.synth") }
    }
}

/// Records progress stages (thread-safe).
final class ProgressRecorder: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func report(stage: String, fraction: Double?) {
        lock.lock()
        recorded.append(stage)
        lock.unlock()
    }

    var stages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
