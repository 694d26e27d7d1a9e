import Foundation
import Testing

/// `synthkit evaluate` error paths: each input problem exits with its documented code (65 bad
/// data, 66 missing file) and a message naming the file, and the column where there is one.
@Suite struct EvaluateErrorTests {
    /// Writes `real.csv` (age, city, outcome; 120 rows) and returns the directory.
    static func directory() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        var real = "age,city,outcome\n"
        for row in 0..<120 { real += "\(20 + row % 50),\(["A", "B", "C"][row % 3]),\(row % 4 == 0 ? "yes" : "no")\n" }
        try real.write(to: directory.appendingPathComponent("real.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    /// Writes `contents` to `name` in `directory`.
    static func write(_ contents: String, _ name: String, in directory: URL) throws {
        try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Rows of age, city and outcome with `header`, each line built by `line`.
    static func rows(_ header: String, _ line: (Int) -> String) -> String {
        header + "\n" + (0..<40).map { line($0) + "\n" }.joined()
    }

    /// Runs `evaluate --real real.csv` with `arguments` and returns the exit status and standard error.
    static func evaluate(_ arguments: [String], in directory: URL) throws -> (status: Int32, error: String) {
        let outcome = try CommandRunner.run(["evaluate", "--real", "real.csv"] + arguments + ["-q"], in: directory)
        return (outcome.status, outcome.standardError)
    }

    @Test func syntheticFileMissingARealColumn() throws {
        let directory = try Self.directory()
        try Self.write(Self.rows("age,city") { "\(30 + $0),A" }, "synthetic.csv", in: directory)
        let (status, error) = try Self.evaluate(["--synthetic", "synthetic.csv"], in: directory)
        #expect(status == 65, "\(error)")
        #expect(error.contains("synthetic.csv, column 'outcome': the synthetic file lacks column 'outcome' of the real file real.csv"), "\(error)")
    }

    @Test func syntheticFileWithAnExtraColumn() throws {
        let directory = try Self.directory()
        try Self.write(Self.rows("age,city,outcome,bonus") { "\(30 + $0),A,no,1" }, "synthetic.csv", in: directory)
        let (status, error) = try Self.evaluate(["--synthetic", "synthetic.csv"], in: directory)
        #expect(status == 65, "\(error)")
        #expect(error.contains("synthetic.csv, column 'bonus': column 'bonus' of the synthetic file is not in the real file real.csv"), "\(error)")
    }

    @Test func numericRealColumnHoldingTextInTheSyntheticFile() throws {
        let directory = try Self.directory()
        try Self.write(Self.rows("age,city,outcome") { "\($0 == 3 ? "old" : String(30 + $0)),B,yes" }, "synthetic.csv", in: directory)
        let (status, error) = try Self.evaluate(["--synthetic", "synthetic.csv"], in: directory)
        #expect(status == 65, "\(error)")
        #expect(error.contains("synthetic.csv, column 'age': column 'age' is numeric in the real file real.csv"), "\(error)")
        #expect(error.contains("non-numeric value 'old' in data row 4"), "\(error)")
    }

    @Test func headerOnlySyntheticFile() throws {
        let directory = try Self.directory()
        try Self.write("age,city,outcome\n", "synthetic.csv", in: directory)
        let (status, error) = try Self.evaluate(["--synthetic", "synthetic.csv"], in: directory)
        #expect(status == 65, "\(error)")
        #expect(error.contains("synthetic.csv: the synthetic file has a header but no data rows"), "\(error)")
    }

    @Test func zeroByteSyntheticFile() throws {
        let directory = try Self.directory()
        try Self.write("", "synthetic.csv", in: directory)
        let (status, error) = try Self.evaluate(["--synthetic", "synthetic.csv"], in: directory)
        #expect(status == 65, "\(error)")
        #expect(error.contains("synthetic.csv: the file is empty"), "\(error)")
    }

    @Test func missingSyntheticFile() throws {
        let directory = try Self.directory()
        let (status, error) = try Self.evaluate(["--synthetic", "absent.csv"], in: directory)
        #expect(status == 66, "\(error)")
        #expect(error.contains("absent.csv: no such file"), "\(error)")
    }

    @Test func holdoutWithDifferentColumns() throws {
        let directory = try Self.directory()
        try Self.write(Self.rows("age,town,outcome") { "\(30 + $0),A,no" }, "holdout.csv", in: directory)
        let (status, error) = try Self.evaluate(["--synthetic", "real.csv", "--holdout", "holdout.csv"], in: directory)
        #expect(status == 65, "\(error)")
        #expect(error.contains("holdout.csv, column 'city': the holdout file lacks column 'city' of the real file real.csv"), "\(error)")
        #expect(error.contains("also: holdout.csv, column 'town': column 'town' of the holdout file is not in the real file real.csv"), "\(error)")
    }

    @Test func headerOnlyHoldoutFile() throws {
        let directory = try Self.directory()
        try Self.write("age,city,outcome\n", "holdout.csv", in: directory)
        let (status, error) = try Self.evaluate(["--synthetic", "real.csv", "--holdout", "holdout.csv"], in: directory)
        #expect(status == 65, "\(error)")
        #expect(error.contains("holdout.csv: the holdout file has a header but no data rows"), "\(error)")
    }

    @Test func missingTargetAndSensitiveColumnsAreLocatedInTheRealFile() throws {
        let directory = try Self.directory()
        let (status, error) = try Self.evaluate(
            ["--synthetic", "real.csv", "--holdout", "real.csv", "--target", "income", "--sensitive", "sex"], in: directory)
        #expect(status == 65, "\(error)")
        #expect(error.contains("real.csv, column 'income': the target column 'income' is not in the real table (columns: age, city, outcome)"), "\(error)")
        #expect(error.contains("also: real.csv, column 'sex': the sensitive column 'sex'"), "\(error)")
    }
}
