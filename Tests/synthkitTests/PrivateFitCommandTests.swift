import Foundation
import Testing

/// `fit` with DP synthesizers: argument validation, the "not private" label, and the ledger
/// shown by `inspect-model`.
@Suite struct PrivateFitCommandTests {
    static func directoryWithData() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test(arguments: [
        ["fit", "data.csv", "--synthesizer", "mst", "-o", "m.synth"],
        ["fit", "data.csv", "--synthesizer", "mst", "--epsilon", "0", "-o", "m.synth"],
        ["fit", "data.csv", "--synthesizer", "privbayes", "--epsilon", "1", "--delta", "1.5", "-o", "m.synth"],
        ["fit", "data.csv", "--synthesizer", "mst", "--epsilon", "1", "--seed", "3", "-o", "m.synth"],
        ["fit", "data.csv", "--synthesizer", "mst", "--epsilon", "1", "--delta", "0.01", "-o", "m.synth"],
        ["fit", "data.csv", "--synthesizer", "gaussian-copula", "--epsilon", "1", "-o", "m.synth"],
    ])
    func refusesInvalidPrivacyArguments(arguments: [String]) throws {
        let directory = try Self.directoryWithData()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(arguments, in: directory)
        #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("m.synth").path))
    }

    @Test func reproducibleRunIsLabelledNotPrivateAndShowsTheLedger() throws {
        let directory = try Self.directoryWithData()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fit = try CommandRunner.run(
            ["fit", "data.csv", "--synthesizer", "privbayes", "--epsilon", "1", "--delta", "1e-5", "--seed", "3",
             "--insecure-reproducible", "-q", "-o", "m.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        #expect(fit.standardError.contains("not private"))
        let inspect = try CommandRunner.run(["inspect-model", "m.synth"], in: directory)
        #expect(inspect.status == 0)
        #expect(inspect.standardOutput.contains("privacy ledger (zcdp)"))
        #expect(inspect.standardOutput.contains("not private: reproducible test mode"))
        #expect(inspect.standardOutput.contains("noisy joint counts"))
        #expect(inspect.standardOutput.contains("neighbouring relation: replace one row"))
        #expect(inspect.standardOutput.contains("facts used (declared public, or paid from the budget):"))
        #expect(inspect.standardOutput.contains("row count n (public under replace-one neighbours): declared public"))
    }

    @Test func secureMSTFitRecordsASecureSeed() throws {
        let directory = try Self.directoryWithData()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fit = try CommandRunner.run(
            ["fit", "data.csv", "--synthesizer", "mst", "--epsilon", "2", "-q", "-o", "m.synth", "--json", "fit.json"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        let json = try String(contentsOf: directory.appendingPathComponent("fit.json"), encoding: .utf8)
        #expect(json.contains("\"seed\" : \"secure\""))
        #expect(json.contains("\"testMode\" : false"))
        let sample = try CommandRunner.run(["sample", "m.synth", "--rows", "50", "-q", "-o", "out.csv"], in: directory)
        #expect(sample.status == 0, "\(sample.standardError)")
        let evaluate = try CommandRunner.run(
            ["evaluate", "--real", "data.csv", "--synthetic", "out.csv", "--model", "m.synth", "-q", "--json", "report.json"],
            in: directory)
        #expect(evaluate.status == 0, "\(evaluate.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("report.json"))) as? [String: Any]
        let guarantee = (report?["privacy"] as? [String: Any])?["guarantee"] as? [String: Any]
        #expect(guarantee?["epsilon"] as? Double == 2)
        #expect((guarantee?["statement"] as? String)?.contains("differential privacy") == true)
    }

    @Test func evaluationWithoutADPModelStatesNoGuarantee() throws {
        let directory = try Self.directoryWithData()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CommandRunner.run(["fit", "data.csv", "-q", "-o", "m.synth"], in: directory).status == 0)
        #expect(try CommandRunner.run(["sample", "m.synth", "--rows", "50", "-q", "-o", "out.csv"], in: directory).status == 0)
        let evaluate = try CommandRunner.run(
            ["evaluate", "--real", "data.csv", "--synthetic", "out.csv", "--model", "m.synth", "-q", "--json", "report.json"],
            in: directory)
        #expect(evaluate.status == 0, "\(evaluate.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("report.json"))) as? [String: Any]
        let guarantee = (report?["privacy"] as? [String: Any])?["guarantee"] as? [String: Any]
        #expect(guarantee?["statement"] as? String == "none: empirical measurements only")
        #expect(guarantee?["epsilon"] is NSNull)
    }

    @Test func bayesianNetworkFitsWithoutPrivacyOptions() throws {
        let directory = try Self.directoryWithData()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fit = try CommandRunner.run(["fit", "data.csv", "--synthesizer", "bayesian-network", "-q", "-o", "m.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        let inspect = try CommandRunner.run(["inspect-model", "m.synth"], in: directory)
        #expect(inspect.standardOutput.contains("sampling order"))
    }
}
