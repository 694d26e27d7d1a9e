import Foundation
import Testing

/// `synthkit fit --constraints` stores constraints in the model; `sample` enforces them.
@Suite struct ConstraintsCommandTests {
    @Test func storedConstraintsHoldInEveryRowAndContradictionsAreNamed() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try #"""
        {"formatVersion":1,"constraints":[{"type":"range","column":"age","min":30,"max":60},
         {"type":"expression","rule":"city != \"Lima\" || age < 50"}]}
        """#.write(to: directory.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
        let fit = try CommandRunner.run(["fit", "data.csv", "--constraints", "c.json", "-q", "-o", "m.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        let sample = try CommandRunner.run(["sample", "m.synth", "--rows", "300", "--batch-size", "120", "-q", "-o", "s.csv"], in: directory)
        #expect(sample.status == 0, "\(sample.standardError)")
        let rows = try String(contentsOf: directory.appendingPathComponent("s.csv"), encoding: .utf8).split(separator: "\n")
            .dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 300)
        #expect(rows.allSatisfy { row in
            guard let age = Double(row[0]) else { return false }
            return age >= 30 && age <= 60 && (row[2] != "Lima" || age < 50)
        })

        try #"{"formatVersion":1,"constraints":[{"type":"range","column":"age","min":10,"max":20},{"type":"positive","column":"city"}]}"#
            .write(to: directory.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try CommandRunner.run(["fit", "data.csv", "--constraints", "bad.json", "-q", "-o", "bad.synth"], in: directory)
        #expect(bad.status == 65)
        #expect(bad.standardError.contains("constraints[1].column"), "\(bad.standardError)")
    }
}

/// `synthkit sample` fills `pii` columns with fake values.
@Suite struct PIISampleCommandTests {
    @Test func emailColumnsGetFakeAddresses() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = ["age,email"]
        for row in 0..<200 { lines.append("\(20 + row % 40),person\(row)@corp.test") }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["inspect", "p.csv", "-q", "-o", "p.schema.json"], in: directory).status == 0)
        let schema = try String(contentsOf: directory.appendingPathComponent("p.schema.json"), encoding: .utf8)
        try #require(schema.contains("\"pii\""), "inspect did not mark email as pii")
        #expect(try CommandRunner.run(["fit", "p.csv", "--schema", "p.schema.json", "-q", "-o", "p.synth"], in: directory).status == 0)
        let sample = try CommandRunner.run(["sample", "p.synth", "--rows", "50", "-q", "-o", "s.csv"], in: directory)
        #expect(sample.status == 0, "\(sample.standardError)")
        let emails = try String(contentsOf: directory.appendingPathComponent("s.csv"), encoding: .utf8).split(separator: "\n")
            .dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[1]) }
        #expect(emails.count == 50)
        #expect(emails.allSatisfy { $0.contains("@example.") && !$0.contains("corp.test") })
    }
}
