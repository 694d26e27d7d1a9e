import Foundation
import Testing

/// `synthkit collapse` over synthesizers other than the copula, and its option checks.
@Suite struct CollapseCommandTests {
    /// The JSON report `c.json` in `directory`.
    static func report(in directory: URL) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("c.json"))) as? [String: Any])
    }

    @Test func deepSynthesizerWithFewEpochs() throws {
        let directory = try WatermarkCollapseCommandTests.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(
            ["collapse", "--data", "data.csv", "--synthesizer", "tvae", "--epochs", "2", "--batch-size", "50",
             "--workflows", "replace", "--generations", "2", "--rows-per-generation", "100", "--repeats", "1",
             "-q", "-o", "c.html", "--json", "c.json"],
            in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try Self.report(in: directory)
        #expect(report["synthesizer"] as? String == "tvae")
        let workflows = try #require(report["workflows"] as? [[String: Any]])
        let medians = try #require(workflows.first?["medians"] as? [String: [Double]])
        #expect(medians["fidelity"]?.count == 3)
        #expect(medians["fidelity"]?.allSatisfy { $0 > 0 && $0 <= 1 } == true)
    }

    @Test func targetAddsUtilityToTheReport() throws {
        let directory = try WatermarkCollapseCommandTests.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(
            ["collapse", "--data", "data.csv", "--target", "colour", "--workflows", "replace", "--generations", "2",
             "--rows-per-generation", "100", "--repeats", "1", "-q", "-o", "c.html", "--json", "c.json"],
            in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("held-out real rows"))
        let report = try Self.report(in: directory)
        #expect(report["target"] as? String == "colour" && report["utilityMetric"] as? String == "AUC")
        #expect(report["holdoutRows"] as? Int == 80)
        let workflows = try #require(report["workflows"] as? [[String: Any]])
        #expect((workflows.first?["medians"] as? [String: [Double]])?["tstr"]?.count == 3)
        let html = try String(contentsOf: directory.appendingPathComponent("c.html"), encoding: .utf8)
        #expect(html.contains("TSTR AUC of colour"))
        let unknown = try CommandRunner.run(
            ["collapse", "--data", "data.csv", "--target", "nope", "--generations", "1", "-q", "-o", "d.html"], in: directory)
        #expect(unknown.status == 64, "\(unknown.standardError)")
    }

    @Test func differentiallyPrivateSynthesizerInTestMode() throws {
        let directory = try WatermarkCollapseCommandTests.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(
            ["collapse", "--data", "data.csv", "--synthesizer", "mst", "--epsilon", "5", "--insecure-reproducible", "--seed", "2",
             "--workflows", "replace", "--generations", "2", "--rows-per-generation", "100", "--repeats", "1",
             "-q", "-o", "c.html", "--json", "c.json"],
            in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("not private"))
        #expect(try Self.report(in: directory)["synthesizer"] as? String == "mst")
    }

    @Test(arguments: [
        ["--epochs", "3"],
        ["--synthesizer", "mst"],
        ["--synthesizer", "mst", "--epsilon", "1", "--seed", "4"],
        ["--synthesizer", "privbayes", "--epsilon", "1", "--delta", "0.5", "--insecure-reproducible"],
    ])
    func optionsOutsideTheirSynthesizerAreUsageErrors(extra: [String]) throws {
        let directory = try WatermarkCollapseCommandTests.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(["collapse", "--data", "data.csv", "-q", "-o", "c.html"] + extra, in: directory)
        #expect(outcome.status == 64, "\(extra): \(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("c.html").path))
    }
}
