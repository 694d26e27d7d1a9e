import Foundation
import Testing

/// Watermark key identifiers in manifests and the ledger, watermarked conditioned samples, and
/// collapse runs in the ledger.
@Suite struct WatermarkProvenanceCommandTests {
    /// 400 rows: two continuous two-decimal columns and a category.
    static func prepare() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        var text = "amount,weight,colour\n"
        var state: UInt64 = 777
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let colours = ["red", "green", "blue"]
        for _ in 0..<400 {
            let amount = 1000 + 900 * (next() + next() + next() - 1.5)
            let weight = 70 + 0.01 * amount + 20 * (next() - 0.5)
            text += String(format: "%.2f,%.2f,", amount, weight) + colours[Int(next() * 3)] + "\n"
        }
        try text.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        for step in [["watermark", "keygen", "-o", "k"], ["fit", "data.csv", "-q", "-o", "m.synth"]] {
            let outcome = try CommandRunner.run(step, in: directory)
            #expect(outcome.status == 0, "\(step): \(outcome.standardError)")
        }
        return directory
    }

    /// The JSON value printed on standard output by `arguments`.
    static func json(_ arguments: [String], in directory: URL) throws -> Any {
        let outcome = try CommandRunner.run(arguments, in: directory)
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
        return try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
    }

    /// The values of a CSV column.
    static func column(_ name: String, of file: String, in directory: URL) throws -> [String] {
        let lines = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let index = try #require(lines.first?.firstIndex(of: name))
        return lines.dropFirst().map { $0[index] }
    }

    @Test func watermarkKeyIdentifierIsInTheManifestTheLedgerAndVerify() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = try CommandRunner.run(
            ["sample", "m.synth", "--rows", "300", "--watermark-key-file", "k", "-q", "-o", "marked.csv"], in: directory)
        #expect(sample.status == 0, "\(sample.standardError)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("marked.csv.manifest.json")))
                as? [String: Any])
        let identifier = try #require((manifest["content"] as? [String: Any])?["watermarkKeyIdentifier"] as? String)
        #expect(identifier.count == 16 && identifier.allSatisfy(\.isHexDigit))
        let verify = try CommandRunner.run(["verify", "marked.csv"], in: directory)
        #expect(verify.status == 0 && verify.standardOutput.contains("watermarked with key \(identifier)"), "\(verify.standardOutput)")
        let entries = try #require(try Self.json(["ledger", "list", "--json", "-"], in: directory) as? [[String: Any]])
        let sampled = try #require(entries.first { $0["command"] as? String == "sample" })
        #expect((sampled["notes"] as? [String])?.contains("watermark key \(identifier) (green-list)") == true)
        let plain = try CommandRunner.run(["sample", "m.synth", "--rows", "50", "-q", "-o", "plain.csv"], in: directory)
        #expect(plain.status == 0)
        let plainVerify = try CommandRunner.run(["verify", "plain.csv"], in: directory)
        #expect(plainVerify.status == 0 && !plainVerify.standardOutput.contains("watermarked"))
    }

    @Test func conditionedSamplesAreMarkedExceptTheirConditionedColumns() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixed = try CommandRunner.run(
            ["sample", "m.synth", "--rows", "400", "--condition", "colour=red", "--watermark-key-file", "k", "-q", "-o", "red.csv"],
            in: directory)
        #expect(fixed.status == 0, "\(fixed.standardError)")
        #expect(try Self.column("colour", of: "red.csv", in: directory).allSatisfy { $0 == "red" })
        let detection = try #require(
            try Self.json(["watermark", "detect", "red.csv", "--key-file", "k", "--json", "-"], in: directory) as? [String: Any])
        #expect(detection["isWatermarked"] as? Bool == true && (detection["z"] as? Double ?? 0) > 10, "\(detection)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("red.csv.manifest.json").path))

        let amounts = try Self.column("amount", of: "data.csv", in: directory).prefix(300)
        try ("amount\n" + amounts.joined(separator: "\n") + "\n")
            .write(to: directory.appendingPathComponent("known.csv"), atomically: true, encoding: .utf8)
        let completed = try CommandRunner.run(
            ["sample", "m.synth", "--conditions", "known.csv", "--watermark-key-file", "k", "-q", "-o", "completed.csv"],
            in: directory)
        #expect(completed.status == 0, "\(completed.standardError)")
        let completedAmounts = try Self.column("amount", of: "completed.csv", in: directory).map { Double($0) }
        #expect(completedAmounts == amounts.map { Double($0) }, "conditioned amounts changed")
        let weights = try Self.column("weight", of: "completed.csv", in: directory)
        try ("weight\n" + weights.joined(separator: "\n") + "\n")
            .write(to: directory.appendingPathComponent("weights.csv"), atomically: true, encoding: .utf8)
        let weightDetection = try #require(
            try Self.json(["watermark", "detect", "weights.csv", "--key-file", "k", "--json", "-"], in: directory) as? [String: Any])
        #expect(weightDetection["isWatermarked"] as? Bool == true, "\(weightDetection)")
    }

    @Test func collapseRunsAreRecordedInTheLedger() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(
            ["collapse", "--data", "data.csv", "--workflows", "replace", "--generations", "2", "--rows-per-generation", "100",
             "--repeats", "1", "-q", "-o", "c.html", "--json", "c.json"],
            in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let entries = try #require(try Self.json(["ledger", "list", "--json", "-"], in: directory) as? [[String: Any]])
        let collapse = try #require(entries.first { $0["command"] as? String == "collapse" })
        #expect(collapse["synthesizer"] as? String == "gaussian-copula")
        #expect((collapse["hyperparameters"] as? [String: String])?["collapse.generations"] == "2")
        #expect((collapse["scores"] as? [String: Double])?["replace.fidelity"] != nil)
        #expect((collapse["outputs"] as? [[String: Any]])?.count == 2)
        let verify = try CommandRunner.run(["verify", "c.html"], in: directory)
        #expect(verify.status == 0, "\(verify.standardOutput)")
    }
}
