import Foundation
import SynthKit
import Testing

/// `synthkit collapse` over synthesizers other than the copula, and its option checks.
@Suite struct CollapseCommandTests {
    /// The JSON report `c.json` in `directory`.
    static func report(in directory: URL) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("c.json"))) as? [String: Any])
    }

    /// Every synthesizer of the standard registry runs in the lab, with its own options.
    @Test(arguments: SynthesizerRegistry.standard.kinds.map(\.rawValue))
    func everyRegisteredSynthesizerRuns(kind: String) throws {
        let directory = try WatermarkCollapseCommandTests.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        var extra: [String] = []
        if ["mst", "privbayes"].contains(kind) { extra = ["--epsilon", "5", "--insecure-reproducible", "--seed", "2"] }
        if ["ctgan", "tvae"].contains(kind) { extra = ["--epochs", "2", "--batch-size", "20"] }
        let outcome = try CommandRunner.run(
            ["collapse", "--data", "data.csv", "--synthesizer", kind, "--workflows", "replace", "--generations", "2",
             "--rows-per-generation", "60", "--repeats", "1", "-q", "-o", "c.html", "--json", "c.json"] + extra,
            in: directory)
        #expect(outcome.status == 0, "\(kind): \(outcome.standardError)")
        #expect(outcome.standardError.contains("not private") == extra.contains("--insecure-reproducible"))
        let report = try Self.report(in: directory)
        #expect(report["synthesizer"] as? String == kind)
        let workflows = try #require(report["workflows"] as? [[String: Any]])
        let fidelity = (workflows.first?["medians"] as? [String: [Double]])?["fidelity"]
        #expect(fidelity?.count == 3 && fidelity?.allSatisfy { $0 >= 0 && $0 <= 1 } == true, "\(kind): \(fidelity ?? [])")
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
