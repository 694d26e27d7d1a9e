import Foundation
import Testing

/// `sample --watermark-key-file` on a table with no eligible numerical column (the selection
/// scheme) and `watermark detect --scheme`.
@Suite struct SelectionWatermarkCommandTests {
    /// 500 rows of five categorical columns and an integer age: nothing the green list can use.
    static func prepare() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        var text = "a,b,c,d,e,age\n"
        var state: UInt64 = 4242
        func next(_ count: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(count))
        }
        for _ in 0..<500 {
            text += (0..<5).map { _ in "v\(next(6))" }.joined(separator: ",") + ",\(18 + next(60))\n"
        }
        try text.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        // A fixed key, so that the unmarked sample's verdict is deterministic (keygen's random key
        // would be a false positive with probability equal to the false-positive rate).
        try Data((0..<32).map { UInt8(($0 * 11 + 5) % 256) }).base64EncodedString()
            .write(to: directory.appendingPathComponent("k"), atomically: true, encoding: .utf8)
        for step in [["fit", "data.csv", "-q", "-o", "m.synth"]] {
            let outcome = try CommandRunner.run(step, in: directory)
            #expect(outcome.status == 0, "\(step): \(outcome.standardError)")
        }
        return directory
    }

    /// The detection JSON of `file`.
    static func detect(_ file: String, in directory: URL, extra: [String] = []) throws -> [String: Any] {
        let outcome = try CommandRunner.run(["watermark", "detect", file, "--key-file", "k", "--json", "-"] + extra, in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    @Test func categoricalSamplesGetTheSelectionWatermark() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        for step in [
            ["sample", "m.synth", "--rows", "500", "--watermark-key-file", "k", "-q", "-o", "marked.csv"],
            ["sample", "m.synth", "--rows", "500", "-q", "-o", "plain.csv"],
            ["sample", "m.synth", "--rows", "300", "--condition", "a=v1", "--watermark-key-file", "k", "-q", "-o", "cond.csv"],
        ] {
            let outcome = try CommandRunner.run(step, in: directory)
            #expect(outcome.status == 0, "\(step): \(outcome.standardError)")
        }
        let marked = try Self.detect("marked.csv", in: directory)
        #expect(marked["scheme"] as? String == "selection" && marked["rowsUsed"] as? Int == 500)
        #expect(marked["isWatermarked"] as? Bool == true && (marked["z"] as? Double ?? 0) > 6, "\(marked)")
        let plain = try Self.detect("plain.csv", in: directory)
        #expect(plain["isWatermarked"] as? Bool == false, "\(plain)")
        let conditioned = try Self.detect("cond.csv", in: directory)
        #expect(conditioned["rowsUsed"] as? Int == 300 && conditioned["isWatermarked"] as? Bool == true, "\(conditioned)")
        let lines = try String(contentsOf: directory.appendingPathComponent("cond.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("v1,") })
        let greenList = try Self.detect("marked.csv", in: directory, extra: ["--scheme", "green-list"])
        #expect(greenList["scheme"] as? String == "green-list" && greenList["cellsUsed"] as? Int == 0)
        let ledger = try CommandRunner.run(["ledger", "list", "--json", "-"], in: directory)
        #expect(ledger.standardOutput.contains("(selection)"))
    }

    @Test func completingRowsFromAFileCannotBeSelectionMarked() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "a\nv1\nv2\n".write(to: directory.appendingPathComponent("known.csv"), atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(
            ["sample", "m.synth", "--conditions", "known.csv", "--watermark-key-file", "k", "-q", "-o", "out.csv"], in: directory)
        #expect(outcome.status == 65 && outcome.standardError.contains("selection watermark"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.csv").path))
    }
}
