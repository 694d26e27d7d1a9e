import Foundation
import Testing

/// End-to-end checks of `watermark keygen/detect`, `sample --watermark-key-file` and `collapse`.
@Suite struct WatermarkCollapseCommandTests {
    /// 400 rows: a continuous two-decimal column, a skewed integer column and a category.
    static func prepare() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        var text = "amount,visits,colour\n"
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let colours = ["red", "green", "blue", "violet"]
        for _ in 0..<400 {
            let amount = 1000 + 900 * (next() + next() + next() - 1.5)
            let visits = next() < 0.9 ? 0 : Int(next() * 20)
            text += String(format: "%.2f", amount) + ",\(visits),\(colours[min(3, Int(next() * next() * 4))])\n"
        }
        try text.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func keygenSampleDetect() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        // keygen's key is secure random; marking and detection use a fixed key so that the
        // unmarked sample's verdict is deterministic (a random key is a false positive with
        // probability equal to the test's false-positive rate).
        try Data((0..<32).map { UInt8($0 * 7 + 3) }).base64EncodedString()
            .write(to: directory.appendingPathComponent("fixed.key"), atomically: true, encoding: .utf8)
        for step in [
            ["watermark", "keygen", "-o", "k"], ["fit", "data.csv", "-q", "-o", "m.synth"],
            ["sample", "m.synth", "--rows", "400", "--watermark-key-file", "fixed.key", "-q", "-o", "marked.csv"],
            ["sample", "m.synth", "--rows", "400", "-q", "-o", "plain.csv"],
        ] {
            let outcome = try CommandRunner.run(step, in: directory)
            #expect(outcome.status == 0, "\(step): \(outcome.standardError)")
        }
        let key = try String(contentsOf: directory.appendingPathComponent("k"), encoding: .utf8)
        #expect(Data(base64Encoded: key.trimmingCharacters(in: .whitespacesAndNewlines))?.count == 32)
        let again = try CommandRunner.run(["watermark", "keygen", "-o", "k"], in: directory)
        #expect(again.status == 64)
        let marked = try CommandRunner.run(["watermark", "detect", "marked.csv", "--key-file", "fixed.key", "--json", "-"], in: directory)
        #expect(marked.status == 0, "\(marked.standardError)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(marked.standardOutput.utf8)) as? [String: Any])
        #expect(result["isWatermarked"] as? Bool == true)
        #expect(result["columns"] as? [String] == ["amount"])
        #expect((result["z"] as? Double ?? 0) > 8)
        let plain = try CommandRunner.run(["watermark", "detect", "plain.csv", "--key-file", "fixed.key"], in: directory)
        #expect(plain.status == 0 && plain.standardOutput.hasPrefix("no watermark detected"), "\(plain.standardOutput)")
        let missing = try CommandRunner.run(["watermark", "detect", "plain.csv", "--key-file", "nope"], in: directory)
        #expect(missing.status == 66)
    }

    @Test func collapseWritesHTMLAndJSON() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(
            ["collapse", "--data", "data.csv", "--workflows", "replace,fresh-mix:60:60", "--generations", "3",
             "--rows-per-generation", "120", "--repeats", "2", "--filter-watermarked", "-q", "-o", "c.html", "--json", "c.json"],
            in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("After 3 generations of replace"))
        let html = try String(contentsOf: directory.appendingPathComponent("c.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("variance ratio") && !html.contains("<script"))
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("c.json"))) as? [String: Any])
        #expect(report["filteredWatermarked"] as? Bool == true)
        #expect((report["workflows"] as? [Any])?.count == 2)
        let bad = try CommandRunner.run(["collapse", "--data", "data.csv", "--workflows", "recycle", "-o", "x.html"], in: directory)
        #expect(bad.status == 64)
    }
}
