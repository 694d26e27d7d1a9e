import Foundation
import Testing

/// End-to-end checks of the `synthkit` executable: exit codes, located messages, atomic outputs.
@Suite struct CommandLineTests {
    /// A small mixed table: numbers, integers, categories, a boolean and missing values.
    static let sampleCSV: String = {
        var lines = ["age,income,city,member,score"]
        let cities = ["Lyon", "Oslo", "Kyoto", "Lima"]
        for row in 0..<300 {
            let age = 20 + (row * 7) % 50
            let income = Double(age) * 1000 + Double((row * 37) % 900)
            let city = cities[(row * 5 + age / 10) % cities.count]
            let member = (row % 3 == 0) ? "True" : "False"
            let score = row % 17 == 0 ? "" : String(format: "%.2f", Double(row % 100) / 10)
            lines.append("\(age),\(income),\(city),\(member),\(score)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func helpListsEveryCommand() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(["--help"], in: directory)
        #expect(outcome.status == 0)
        for command in ["demo", "inspect", "fit", "sample", "evaluate", "inspect-model"] {
            #expect(outcome.standardOutput.contains(command))
        }
    }

    @Test func unknownOptionIsAUsageError() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(["fit", "x.csv", "--bogus", "-o", "m.synth"], in: directory)
        #expect(outcome.status == 64)
    }

    @Test func missingInputExits66NamingTheFile() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(["fit", "absent.csv", "-o", "m.synth"], in: directory)
        #expect(outcome.status == 66)
        #expect(outcome.standardError.contains("absent.csv"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("m.synth").path))
    }

    @Test func raggedCSVExits65WithTheLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "a,b\n1,2\n3\n".write(to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["fit", "bad.csv", "-o", "m.synth"], in: directory)
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("bad.csv"))
        #expect(outcome.standardError.contains("line 3"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("m.synth").path))
    }

    @Test func corruptModelExits65AndLeavesOutputUntouched() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{\"format\": \"synthkit-model\", \"formatVer".write(
            to: directory.appendingPathComponent("broken.synth"), atomically: true, encoding: .utf8)
        try "keep me\n".write(to: directory.appendingPathComponent("out.csv"), atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["sample", "broken.synth", "--rows", "5", "-o", "out.csv"], in: directory)
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("broken.synth"))
        let kept = try String(contentsOf: directory.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(kept == "keep me\n")
    }

    @Test func fitSampleEvaluateRoundTrip() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)

        let inspect = try CommandRunner.run(["inspect", "data.csv", "-o", "data.schema.json", "-q"], in: directory)
        #expect(inspect.status == 0, "\(inspect.standardError)")
        let fit = try CommandRunner.run(
            ["fit", "data.csv", "--schema", "data.schema.json", "--seed", "7", "-q", "-o", "data.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")

        let first = try CommandRunner.run(["sample", "data.synth", "--rows", "250", "--seed", "3", "-q", "-o", "a.csv"], in: directory)
        let second = try CommandRunner.run(
            ["sample", "data.synth", "--rows", "250", "--seed", "3", "--threads", "1", "--batch-size", "100", "-q", "-o", "b.csv"],
            in: directory)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(second.status == 0, "\(second.standardError)")
        let firstRows = try String(contentsOf: directory.appendingPathComponent("a.csv"), encoding: .utf8)
        #expect(firstRows.split(separator: "\n").count == 251)
        #expect(firstRows.hasPrefix("age,income,city,member,score\n"))
        let secondRows = try String(contentsOf: directory.appendingPathComponent("b.csv"), encoding: .utf8)
        #expect(firstRows == secondRows, "batch size and thread count must not change the rows")

        let evaluate = try CommandRunner.run(
            ["evaluate", "--real", "data.csv", "--synthetic", "a.csv", "-q", "--json", "report.json", "-o", "report.html"],
            in: directory)
        #expect(evaluate.status == 0, "\(evaluate.standardError)")
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("report.json"))) as? [String: Any]
        let compatible = report?["sdmetricsCompatible"] as? [String: Any]
        let overall = compatible?["overall"] as? Double
        #expect(overall.map { $0 > 0.5 && $0 <= 1 } == true)
        #expect(compatible?["columns"] is [String: Any])
        #expect(compatible?["pairs"] is [Any])
        let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html"))

        let inspectModel = try CommandRunner.run(["inspect-model", "data.synth"], in: directory)
        #expect(inspectModel.status == 0)
        #expect(inspectModel.standardOutput.contains("income"))
        #expect(inspectModel.standardOutput.contains("Input SHA-256"))
    }

    @Test func sameSeedGivesSameBytes() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["fit", "data.csv", "-q", "-o", "m1.synth"], in: directory).status == 0)
        #expect(try CommandRunner.run(["fit", "data.csv", "-q", "-o", "m2.synth", "--threads", "1"], in: directory).status == 0)
        #expect(try CommandRunner.run(["sample", "m1.synth", "--rows", "300", "-q", "-o", "s1.csv"], in: directory).status == 0)
        #expect(try CommandRunner.run(["sample", "m2.synth", "--rows", "300", "-q", "-o", "s2.csv", "--threads", "1"], in: directory).status == 0)
        let one = try Data(contentsOf: directory.appendingPathComponent("s1.csv"))
        let two = try Data(contentsOf: directory.appendingPathComponent("s2.csv"))
        #expect(one == two)
        #expect(!one.isEmpty)
    }
}
