import Foundation
import Testing

/// End-to-end checks of the ledger, manifests, verify and mix through the built executable.
@Suite struct GovernanceCommandTests {
    static func prepare() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    static func json(_ directory: URL, _ arguments: [String]) throws -> Any {
        let outcome = try CommandRunner.run(arguments + ["--json", "-"], in: directory)
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
        return try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
    }

    @Test func chainRecordsDepthShareAndLineage() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let steps: [[String]] = [
            ["fit", "data.csv", "--origin", "real", "-q", "-o", "m1.synth"],
            ["sample", "m1.synth", "--rows", "200", "-q", "-o", "s1.csv"],
            ["mix", "--real", "data.csv", "--synthetic", "s1.csv", "--max-synthetic-share", "0.25", "-q", "-o", "mix.csv"],
            ["fit", "mix.csv", "-q", "-o", "m2.synth"],
            ["sample", "m2.synth", "--rows", "100", "-q", "-o", "s2.csv"],
        ]
        for step in steps {
            let outcome = try CommandRunner.run(step, in: directory)
            #expect(outcome.status == 0, "\(step): \(outcome.standardError)")
        }
        let entries = try #require(try Self.json(directory, ["ledger", "list"]) as? [[String: Any]])
        #expect(entries.count == 5)
        #expect(entries.allSatisfy { $0["status"] as? String == "committed" })
        func facts(_ index: Int) -> [String: Any]? {
            ((entries[index]["outputs"] as? [[String: Any]])?.first?["facts"]) as? [String: Any]
        }
        #expect(facts(1)?["generationDepth"] as? Int == 1)
        // 300 real rows + 100 of the 200 synthetic rows: share 100/400 = 0.25, depth 1.
        #expect(facts(2)?["syntheticShare"] as? Double == 0.25)
        #expect(facts(2)?["generationDepth"] as? Int == 1)
        #expect(facts(4)?["generationDepth"] as? Int == 2)
        #expect(facts(4)?["syntheticShare"] as? Double == 1)
        let lineage = try CommandRunner.run(["ledger", "lineage", "5", "--format", "dot"], in: directory)
        for edge in ["e4 -> e5", "e3 -> e4", "e2 -> e3", "e1 -> e2"] { #expect(lineage.standardOutput.contains(edge)) }
        // Declaring known synthetic data real is refused.
        let conflict = try CommandRunner.run(["fit", "s1.csv", "--origin", "real", "-q", "-o", "bad.synth"], in: directory)
        #expect(conflict.status == 65)
        #expect(conflict.standardError.contains("ledger records"))
    }

    @Test func verifyDetectsEveryKindOfTampering() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CommandRunner.run(["fit", "data.csv", "-q", "-o", "m.synth"], in: directory).status == 0)
        #expect(try CommandRunner.run(["sample", "m.synth", "--rows", "50", "-q", "-o", "s.csv"], in: directory).status == 0)
        #expect(try CommandRunner.run(["verify", "s.csv"], in: directory).status == 0)

        let file = directory.appendingPathComponent("s.csv")
        let manifest = directory.appendingPathComponent("s.csv.manifest.json")
        let original = try Data(contentsOf: file)
        // A sample that fails while writing (its directory is missing) leaves no pending entry.
        let failing = try CommandRunner.run(["sample", "m.synth", "--rows", "5", "-q", "-o", "absent/x.csv"], in: directory)
        #expect(failing.status == 74)
        let entries = try #require(try Self.json(directory, ["ledger", "list"]) as? [[String: Any]])
        #expect(entries.allSatisfy { $0["status"] as? String == "committed" })
        var flipped = original
        flipped[flipped.count / 2] ^= 0x01
        try flipped.write(to: file)
        let changed = try CommandRunner.run(["verify", "s.csv"], in: directory)
        #expect(changed.status == 1)
        #expect(changed.standardOutput.contains("file changed"))
        try original.write(to: file)

        let manifestText = try String(contentsOf: manifest, encoding: .utf8)
        try manifestText.replacingOccurrences(of: "\"bytes\" : ", with: "\"bytes\" : 1").write(to: manifest, atomically: true, encoding: .utf8)
        let edited = try CommandRunner.run(["verify", "s.csv"], in: directory)
        #expect(edited.status == 1)
        #expect(edited.standardOutput.contains("manifest edited"))
        try manifestText.write(to: manifest, atomically: true, encoding: .utf8)

        // A key that did not sign: generate one by signing another file with an explicit key.
        let otherHome = directory.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: otherHome, withIntermediateDirectories: true)
        try "a\n1\n".write(to: otherHome.appendingPathComponent("x.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["fit", "x.csv", "-q", "-o", "x.synth"], in: otherHome).status == 0)
        let wrong = try CommandRunner.run(
            ["verify", "s.csv", "--public-key", "other/.synthkit/keys/signing.pub"], in: directory)
        #expect(wrong.status == 1)
        #expect(wrong.standardOutput.contains("wrong key"))
        #expect(try CommandRunner.run(["verify", "s.csv"], in: directory).status == 0)

        try FileManager.default.removeItem(at: manifest)
        let missing = try CommandRunner.run(["verify", "s.csv"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.standardOutput.contains("no manifest"))
    }

    @Test func mixRefusesBeyondTheCapsStatingWhatItWouldHaveMade() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CommandRunner.run(["fit", "data.csv", "--origin", "real", "-q", "-o", "m.synth"], in: directory).status == 0)
        #expect(try CommandRunner.run(["sample", "m.synth", "--rows", "300", "-q", "-o", "s.csv"], in: directory).status == 0)
        let share = try CommandRunner.run(
            ["mix", "--real", "data.csv", "--synthetic", "s.csv", "--max-synthetic-share", "0.2", "--rows", "400", "-o", "out.csv"],
            in: directory)
        #expect(share.status == 65)
        #expect(share.standardError.contains("synthetic share 0.25"))
        let depth = try CommandRunner.run(
            ["mix", "--real", "data.csv", "--synthetic", "s.csv", "--max-synthetic-share", "0.5", "--max-generation-depth", "0", "-o", "out.csv"],
            in: directory)
        #expect(depth.status == 65)
        #expect(depth.standardError.contains("generation depth 1"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.csv").path))
        // Refusals happen before the entry is begun; nothing but the fit and sample is recorded.
        let afterRefusals = try #require(try Self.json(directory, ["ledger", "list"]) as? [[String: Any]])
        #expect(afterRefusals.count == 2)
        let first = try CommandRunner.run(
            ["mix", "--real", "data.csv", "--synthetic", "s.csv", "--max-synthetic-share", "0.5", "--rows", "500", "--seed", "4",
             "--provenance-column", "origin", "-q", "-o", "a.csv"], in: directory)
        let second = try CommandRunner.run(
            ["mix", "--real", "data.csv", "--synthetic", "s.csv", "--max-synthetic-share", "0.5", "--rows", "500", "--seed", "4",
             "--provenance-column", "origin", "-q", "-o", "b.csv"], in: directory)
        #expect(first.status == 0 && second.status == 0, "\(first.standardError)")
        let rows = try String(contentsOf: directory.appendingPathComponent("a.csv"), encoding: .utf8)
        #expect(rows == (try String(contentsOf: directory.appendingPathComponent("b.csv"), encoding: .utf8)))
        #expect(rows.split(separator: "\n").count == 501)
        #expect(rows.split(separator: "\n").filter { $0.hasSuffix(",synthetic") }.count == 200)
    }

    @Test func twoProcessesWritingTheLedgerAtOnceBothSucceed() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let processes = try (0..<2).map { index -> Process in
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["fit", "data.csv", "--seed", "\(index)", "-q", "-o", "m\(index).synth"]
            process.currentDirectoryURL = directory
            process.environment = CommandRunner.environment(in: directory)
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let entries = try #require(try Self.json(directory, ["ledger", "list"]) as? [[String: Any]])
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0["status"] as? String == "committed" })
    }

    /// SIGTERM runs the cleanup handler (temporary file removed); SIGKILL cannot be handled, so
    /// only the hidden temporary file may remain: never the output, a manifest or a committed entry.
    @Test(arguments: [SIGTERM, SIGKILL])
    func interruptedSampleLeavesNoOutputAndAPendingOrphan(signal: Int32) throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CommandRunner.run(["fit", "data.csv", "-q", "-o", "m.synth"], in: directory).status == 0)
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["sample", "m.synth", "--rows", "50000000", "--batch-size", "10000", "-q", "-o", "big.csv"]
        process.currentDirectoryURL = directory
        process.environment = CommandRunner.environment(in: directory)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        func temporaryFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasPrefix(".big.csv") }
        }
        while temporaryFiles().isEmpty, Date() < deadline { usleep(20_000) }
        #expect(!temporaryFiles().isEmpty, "sampling never started writing")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        if signal == SIGTERM { #expect(temporaryFiles().isEmpty) }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("big.csv").path))
        let list = try CommandRunner.run(["ledger", "list"], in: directory)
        #expect(list.status == 0)
        #expect(list.standardOutput.contains("orphan"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("big.csv.manifest.json").path))
    }

    @Test func datasheetHasEverySectionAndTheRecordedFigures() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CommandRunner.run(["fit", "data.csv", "--origin", "real", "-q", "-o", "m.synth"], in: directory).status == 0)
        #expect(try CommandRunner.run(["sample", "m.synth", "--rows", "300", "-q", "-o", "s.csv"], in: directory).status == 0)
        let evaluation = try CommandRunner.run(
            ["evaluate", "--real", "data.csv", "--synthetic", "s.csv", "-q", "--json", "report.json"], in: directory)
        #expect(evaluation.status == 0, "\(evaluation.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("report.json"))) as? [String: Any]
        let overall = try #require((report?["sdmetricsCompatible"] as? [String: Any])?["overall"] as? Double)
        let outcome = try CommandRunner.run(["ledger", "datasheet", "2", "-o", "datasheet.md", "--json", "datasheet.json"], in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let markdown = try String(contentsOf: directory.appendingPathComponent("datasheet.md"), encoding: .utf8)
        for section in ["Motivation", "Composition", "Generation process", "Preprocessing", "Privacy", "Evaluation results",
                        "Known limitations", "Uses to avoid", "Maintenance"] {
            #expect(markdown.contains("## \(section)"), "missing section \(section)")
        }
        #expect(markdown.contains("- Rows: 300"))
        #expect(markdown.contains("- Generation depth: 1"))
        #expect(markdown.contains(String(format: "quality.overall: %.4g", overall)))
        #expect(markdown.contains("Not differentially private"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("datasheet.json"))) as? [String: Any]
        #expect(json?["synthkit:generationDepth"] as? Int == 1)
        #expect(json?["synthkit:syntheticShare"] as? Double == 1)
        #expect((json?["prov:wasDerivedFrom"] as? [String])?.count == 1)
        #expect(json?["prov:wasGeneratedBy"] as? String == "synthkit sample (gaussian-copula)")
    }

    @Test func datasheetListsLostRareCategoriesAsLimitations() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 400 rows; category "Rare" appears once (0.25%), so a 40-row sample almost surely loses it
        // (with seed 1 it does, deterministically).
        var lines = ["size,colour"]
        for row in 0..<400 {
            lines.append("\(10 + row % 37),\(row == 123 ? "Rare" : (row % 2 == 0 ? "Red" : "Blue"))")
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["fit", "data.csv", "--origin", "real", "-q", "-o", "m.synth"], in: directory).status == 0)
        #expect(try CommandRunner.run(["sample", "m.synth", "--rows", "40", "--seed", "1", "-q", "-o", "s.csv"], in: directory).status == 0)
        let synthetic = try String(contentsOf: directory.appendingPathComponent("s.csv"), encoding: .utf8)
        try #require(!synthetic.contains("Rare"), "the fixed-seed sample unexpectedly kept the rare category")
        let evaluation = try CommandRunner.run(["evaluate", "--real", "data.csv", "--synthetic", "s.csv", "-q"], in: directory)
        #expect(evaluation.status == 0, "\(evaluation.standardError)")
        let outcome = try CommandRunner.run(["ledger", "datasheet", "2", "-o", "datasheet.md"], in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let markdown = try String(contentsOf: directory.appendingPathComponent("datasheet.md"), encoding: .utf8)
        #expect(markdown.contains("Rare categories (under 1% of real rows) are under-represented"))
        #expect(markdown.contains("Evaluation warning: 1 rare category of the real data never appears in the synthetic rows: 'colour: Rare'"))
    }
}
