import Foundation
import Testing

/// `synthkit augment`: shares, provenance tags, the ledger entry and located refusals.
@Suite struct AugmentCommandTests {
    @Test func augmentsTheMinorityClassToTheShareAndRecordsIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let fit = try CommandRunner.run(["fit", "data.csv", "--seed", "7", "-q", "-o", "data.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")

        // member is True in 100 of 300 rows: reaching 0.5 needs m = (0.5·300 − 100) / 0.5 = 100 rows.
        let augment = try CommandRunner.run(
            ["augment", "data.csv", "--model", "data.synth", "--target", "member", "--to-share", "0.5", "--seed", "3",
             "-q", "-o", "out.csv", "--json", "-"], in: directory)
        #expect(augment.status == 0, "\(augment.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(augment.standardOutput.utf8)) as? [String: Any])
        #expect(report["targetClass"] as? String == "True")
        #expect(report["syntheticRows"] as? Int == 100)
        #expect(report["rows"] as? Int == 400)
        #expect(report["shareAfter"] as? Double == 0.5)
        #expect((report["classCountsBefore"] as? [String: Int])?["True"] == 100)
        #expect((report["classCountsAfter"] as? [String: Int])?["True"] == 200)

        let lines = try String(contentsOf: directory.appendingPathComponent("out.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "age,income,city,member,score,synthkit_origin")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 400)
        #expect(rows.prefix(300).allSatisfy { $0[5] == "real" })
        #expect(rows.dropFirst(300).allSatisfy { $0[5] == "synthetic" && $0[3] == "True" })
        #expect(rows.filter { $0[3] == "True" }.count == 200)

        let ledger = try CommandRunner.run(["ledger", "list", "--json", "-"], in: directory)
        #expect(ledger.status == 0, "\(ledger.standardError)")
        #expect(ledger.standardOutput.contains("\"augment\""), "\(ledger.standardOutput)")
    }

    @Test(arguments: [
        (["--target", "no_such_column", "--to-share", "0.2"], Int32(64), "no_such_column"),
        (["--target", "member", "--to-share", "1.5"], Int32(64), "--to-share"),
        (["--target", "member", "--to-share", "0.2"], Int32(65), "already"),
        (["--target", "city", "--class", "Atlantis", "--to-share", "0.5"], Int32(65), "Atlantis"),
    ])
    func refusesWithLocatedErrors(arguments: [String], status: Int32, mention: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        _ = try CommandRunner.run(["fit", "data.csv", "--seed", "7", "-q", "-o", "data.synth"], in: directory)
        let outcome = try CommandRunner.run(["augment", "data.csv", "--model", "data.synth", "-q", "-o", "out.csv"] + arguments, in: directory)
        #expect(outcome.status == status, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(mention), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.csv").path))
    }
}
