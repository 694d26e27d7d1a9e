import Foundation
import Testing

/// `fit --synthesizer ctgan|tvae` end to end: epochs and batch size options, progress per
/// epoch on standard error, a model file that `sample` reads.
@Suite struct DeepFitCommandTests {
    @Test(arguments: ["ctgan", "tvae"])
    func fitsAndSamplesADeepModel(synthesizer: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let fit = try CommandRunner.run(
            ["fit", "data.csv", "--synthesizer", synthesizer, "--epochs", "1", "--batch-size", "100", "-o", "m.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        #expect(fit.standardError.contains("epoch 1/1"))
        let sample = try CommandRunner.run(["sample", "m.synth", "--rows", "50", "-o", "out.csv"], in: directory)
        #expect(sample.status == 0, "\(sample.standardError)")
        let text = try String(contentsOf: directory.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(text.split(separator: "\n").count == 51)
    }

    @Test func epochsOnlyApplyToDeepSynthesizers() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(["fit", "x.csv", "--epochs", "3", "-o", "m.synth"], in: directory)
        #expect(outcome.status == 64)
    }
}
