import Foundation
import Testing

/// `synthkit sample --rebalance`, constraints on conditioned rows, and constrained output that
/// does not depend on `--batch-size`.
@Suite struct RebalanceCommandTests {
    static func prepare(constraints: String? = nil) throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        var arguments = ["fit", "data.csv", "--seed", "7", "-q", "-o", "data.synth"]
        if let constraints {
            try constraints.write(to: directory.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
            arguments += ["--constraints", "c.json"]
        }
        let fit = try CommandRunner.run(arguments, in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        return directory
    }

    static func rows(_ directory: URL, _ file: String) throws -> [[String]] {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
            .dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func rebalancedSharesAreExact() throws {
        let directory = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let uniform = try CommandRunner.run(["sample", "data.synth", "--rows", "402", "--rebalance", "city=uniform", "-q", "-o", "u.csv"], in: directory)
        #expect(uniform.status == 0, "\(uniform.standardError)")
        let cities = try Self.rows(directory, "u.csv").map { $0[2] }
        #expect(cities.count == 402)
        // 402 / 4 = 100.5: the two remainders go to the first two categories of the domain.
        #expect(Dictionary(grouping: cities, by: { $0 }).mapValues(\.count).values.sorted() == [100, 100, 101, 101])

        let explicit = try CommandRunner.run(
            ["sample", "data.synth", "--rows", "200", "--rebalance", "city=Oslo:0.7,Lima:0.3", "--condition", "member=True", "-q", "-o", "e.csv"],
            in: directory)
        #expect(explicit.status == 0, "\(explicit.standardError)")
        let rows = try Self.rows(directory, "e.csv")
        #expect(rows.filter { $0[2] == "Oslo" }.count == 140 && rows.filter { $0[2] == "Lima" }.count == 60)
        #expect(rows.allSatisfy { $0[3] == "True" })

        for (arguments, status, mention) in [
            (["--rebalance", "age=uniform"], Int32(65), "not supported"),
            (["--rebalance", "city=Oslo:0.5,Lima:0.4"], Int32(64), "sum to"),
            (["--rebalance", "city=Oslo:0.5,Atlantis:0.5"], Int32(65), "Atlantis"),
        ] {
            let outcome = try CommandRunner.run(["sample", "data.synth", "--rows", "10", "-q", "-o", "bad.csv"] + arguments, in: directory)
            #expect(outcome.status == status, "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardError.contains(mention), "\(outcome.standardError)")
        }
        let allowed = try CommandRunner.run(
            ["sample", "data.synth", "--rows", "10", "--rebalance", "city=Oslo:0.5,Atlantis:0.5", "--allow-unseen", "-q", "-o", "a.csv"], in: directory)
        #expect(allowed.status == 0, "\(allowed.standardError)")
    }

    @Test func constraintsHoldInConditionedRowsAndDoNotDependOnBatchSize() throws {
        let directory = try Self.prepare(constraints: #"""
            {"formatVersion":1,"constraints":[{"type":"range","column":"age","min":30,"max":60},
             {"type":"expression","rule":"city != \"Lima\" || age < 50"}]}
            """#)
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [String] = []
        for batch in ["70", "1000", "1777"] {
            let sample = try CommandRunner.run(["sample", "data.synth", "--rows", "1500", "--batch-size", batch, "-q", "-o", "s\(batch).csv"], in: directory)
            #expect(sample.status == 0, "\(sample.standardError)")
            outputs.append(try String(contentsOf: directory.appendingPathComponent("s\(batch).csv"), encoding: .utf8))
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2], "constrained output depends on --batch-size")

        let conditioned = try CommandRunner.run(
            ["sample", "data.synth", "--rows", "300", "--condition", "city=Lima", "-q", "-o", "c.csv"], in: directory)
        #expect(conditioned.status == 0, "\(conditioned.standardError)")
        let rows = try Self.rows(directory, "c.csv")
        #expect(rows.count == 300)
        #expect(rows.allSatisfy { row in
            guard let age = Double(row[0]) else { return false }
            return row[2] == "Lima" && age >= 30 && age < 50
        })

        let contradiction = try CommandRunner.run(
            ["sample", "data.synth", "--rows", "10", "--condition", "age=70", "-q", "-o", "x.csv"], in: directory)
        #expect(contradiction.status == 65)
        #expect(contradiction.standardError.contains("age=70") && contradiction.standardError.contains("range(age"), "\(contradiction.standardError)")
    }
}
