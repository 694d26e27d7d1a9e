import Foundation
import Testing

/// `synthkit sample --consistent-pii`: the same input value gets the same fake within one output.
@Suite struct PIIConsistencyCommandTests {
    @Test func repeatedInputValuesShareTheirFake() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = ["age,email"]
        for row in 0..<200 { lines.append("\(20 + row % 40),person\(row)@corp.test") }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["inspect", "p.csv", "-q", "-o", "p.schema.json"], in: directory).status == 0)
        #expect(try CommandRunner.run(["fit", "p.csv", "--schema", "p.schema.json", "-q", "-o", "p.synth"], in: directory).status == 0)
        try "email\nann@corp.test\nbob@corp.test\nann@corp.test\n".write(to: directory.appendingPathComponent("known.csv"), atomically: true, encoding: .utf8)
        let sample = try CommandRunner.run(["sample", "p.synth", "--conditions", "known.csv", "--consistent-pii", "-q", "-o", "s.csv"], in: directory)
        #expect(sample.status == 0, "\(sample.standardError)")
        let emails = try String(contentsOf: directory.appendingPathComponent("s.csv"), encoding: .utf8).split(separator: "\n")
            .dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[1]) }
        #expect(emails.count == 3)
        #expect(emails[0] == emails[2] && emails[0] != emails[1], "\(emails)")
        #expect(emails.allSatisfy { !$0.contains("corp.test") }, "\(emails)")
    }
}
