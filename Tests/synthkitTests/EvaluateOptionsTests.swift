import Foundation
import Testing

/// `synthkit evaluate --target/--sensitive`: the families in the JSON and located errors.
@Suite struct EvaluateOptionsTests {
    static func write(_ directory: URL) throws {
        var real = "age,city,outcome\n"
        var holdout = "age,city,outcome\n"
        for row in 0..<120 {
            let line = "\(20 + row % 50),\(["A", "B", "C"][row % 3]),\(row % 4 == 0 ? "yes" : "no")\n"
            real += line
            if row < 60 { holdout += line }
        }
        try real.write(to: directory.appendingPathComponent("real.csv"), atomically: true, encoding: .utf8)
        try holdout.write(to: directory.appendingPathComponent("holdout.csv"), atomically: true, encoding: .utf8)
    }

    @Test func targetAndSensitiveFillTheFamilies() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Self.write(directory)
        let outcome = try CommandRunner.run(
            ["evaluate", "--real", "real.csv", "--synthetic", "real.csv", "--holdout", "holdout.csv", "--target", "outcome",
             "--sensitive", "city", "-q", "--json", "report.json"], in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let data = try Data(contentsOf: directory.appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let utility = try #require(report["utility"] as? [String: Any])
        #expect(utility["score"] is Double)
        #expect((report["fairness"] as? [String: Any])?["score"] is Double)
        #expect(((report["privacy"] as? [String: Any])?["guarantee"] as? [String: Any])?["statement"] as? String == "none: empirical measurements only")
    }

    @Test func missingTargetColumnIsALocatedUsageOfData() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Self.write(directory)
        let outcome = try CommandRunner.run(
            ["evaluate", "--real", "real.csv", "--synthetic", "real.csv", "--target", "income", "-q"], in: directory)
        #expect(outcome.status == 65, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("target column 'income' is not in the real table"))
        #expect(outcome.standardError.contains("income"))
    }
}
