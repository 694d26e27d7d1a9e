import Foundation
import Testing

/// `fit` stores salted training-row fingerprints; `sample --reject-copies` redraws copies.
@Suite struct RejectCopiesCommandTests {
    /// 30 rows of three loosely related 3-level columns: about half of the 27 combinations occur,
    /// so a copula draws many copies and many new rows.
    static func directoryWithData() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        var text = "a,b,c\n"
        for row in 0..<30 {
            text += "\(["A", "B", "C"][row % 3]),\(["X", "Y", "Z"][(row / 3) % 3]),\(["1", "2", "3"][(row * 7 / 5) % 3])\n"
        }
        try text.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    static func rows(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
    }

    @Test func copiesAreRedrawnAndCounted() throws {
        let directory = try Self.directoryWithData()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fit = try CommandRunner.run(["fit", "data.csv", "--seed", "4", "-q", "-o", "m.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        let modelText = try String(contentsOf: directory.appendingPathComponent("m.synth"), encoding: .utf8)
        #expect(modelText.contains("\"trainingRowFingerprints\""))
        let training = Set(try Self.rows(directory.appendingPathComponent("data.csv")))
        let plain = try CommandRunner.run(["sample", "m.synth", "--rows", "300", "--seed", "5", "-q", "-o", "plain.csv"], in: directory)
        #expect(plain.status == 0, "\(plain.standardError)")
        let plainCopies = try Self.rows(directory.appendingPathComponent("plain.csv")).filter { training.contains($0) }.count
        #expect(plainCopies > 0, "the data should make copies likely")
        let filtered = try CommandRunner.run(
            ["sample", "m.synth", "--rows", "300", "--seed", "5", "--reject-copies", "-q", "--json", "out.json", "-o", "filtered.csv"], in: directory)
        #expect(filtered.status == 0, "\(filtered.standardError)")
        let rows = try Self.rows(directory.appendingPathComponent("filtered.csv"))
        #expect(rows.count == 300)
        #expect(rows.allSatisfy { !training.contains($0) })
        let output = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("out.json"))) as? [String: Any])
        #expect((output["rejectedCopies"] as? Int ?? 0) >= plainCopies, "\(output)")
        // Copies are replaced in place: every other row is the plain sample's.
        let plainRows = try Self.rows(directory.appendingPathComponent("plain.csv"))
        #expect(zip(plainRows, rows).allSatisfy { training.contains($0) || $0 == $1 })
        // The replacements do not depend on the batch size.
        let batched = try CommandRunner.run(
            ["sample", "m.synth", "--rows", "300", "--seed", "5", "--reject-copies", "--batch-size", "7", "-q", "-o", "batched.csv"], in: directory)
        #expect(batched.status == 0, "\(batched.standardError)")
        #expect(try Self.rows(directory.appendingPathComponent("batched.csv")) == rows)
    }

    @Test func differentiallyPrivateModelsHoldNoFingerprints() throws {
        let directory = try Self.directoryWithData()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fit = try CommandRunner.run(
            ["fit", "data.csv", "--synthesizer", "mst", "--epsilon", "1", "--delta", "1e-5", "--seed", "3", "--insecure-reproducible", "-q", "-o", "dp.synth"],
            in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        let modelText = try String(contentsOf: directory.appendingPathComponent("dp.synth"), encoding: .utf8)
        #expect(!modelText.contains("trainingRowFingerprints"))
        let sample = try CommandRunner.run(["sample", "dp.synth", "--rows", "10", "--reject-copies", "-q", "-o", "out.csv"], in: directory)
        #expect(sample.status == 65, "\(sample.standardError)")
        #expect(sample.standardError.contains("no training-row fingerprints"))
    }
}
