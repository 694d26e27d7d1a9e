import Foundation
import Testing

/// `synthkit sample --condition / --conditions / --allow-unseen`.
@Suite struct ConditionalSampleCommandTests {
    @Test func conditionsFixColumnsAndUnseenValuesAreRefused() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let fit = try CommandRunner.run(["fit", "data.csv", "--seed", "7", "-q", "-o", "data.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")

        let fixed = try CommandRunner.run(
            ["sample", "data.synth", "--rows", "120", "--condition", "city=Oslo", "--condition", "member=True", "-q", "-o", "fixed.csv"],
            in: directory)
        #expect(fixed.status == 0, "\(fixed.standardError)")
        let lines = try String(contentsOf: directory.appendingPathComponent("fixed.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 121)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "Oslo" })
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[3] == "True" })

        try "city,age\nLima,30\nOslo,\nLima,30\n".write(to: directory.appendingPathComponent("known.csv"), atomically: true, encoding: .utf8)
        let completed = try CommandRunner.run(["sample", "data.synth", "--conditions", "known.csv", "-q", "-o", "completed.csv"], in: directory)
        #expect(completed.status == 0, "\(completed.standardError)")
        let rows = try String(contentsOf: directory.appendingPathComponent("completed.csv"), encoding: .utf8).split(separator: "\n")
            .dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { $0[2] } == ["Lima", "Oslo", "Lima"])
        // An empty cell leaves the column to be generated.
        #expect(rows[0][0] == "30" && rows[2][0] == "30" && !rows[1][0].isEmpty)

        let unseen = try CommandRunner.run(
            ["sample", "data.synth", "--rows", "5", "--condition", "city=Atlantis", "-q", "-o", "unseen.csv"], in: directory)
        #expect(unseen.status == 65)
        #expect(unseen.standardError.contains("Atlantis") && unseen.standardError.contains("--allow-unseen"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("unseen.csv").path))
        let allowed = try CommandRunner.run(
            ["sample", "data.synth", "--rows", "5", "--condition", "city=Atlantis", "--allow-unseen", "-q", "-o", "unseen.csv"], in: directory)
        #expect(allowed.status == 0, "\(allowed.standardError)")
    }
}
