import Foundation
import Testing

/// `fit --constraints` fits under reversible transforms where they apply; `sample`, conditioned
/// `sample` and `augment` see the data's own columns.
@Suite struct ConstraintTransformCommandTests {
    @Test func transformedModelsSampleInTheDataSchema() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CommandLineTests.sampleCSV.write(to: directory.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try #"""
            {"formatVersion":1,"constraints":[{"type":"inequality","low":"age","high":"income","strict":true},
             {"type":"range","column":"income","min":20000,"max":70000}]}
            """#.write(to: directory.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
        let fit = try CommandRunner.run(["fit", "data.csv", "--constraints", "c.json", "--seed", "2", "-q", "-o", "m.synth"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        let model = try String(contentsOf: directory.appendingPathComponent("m.synth"), encoding: .utf8)
        #expect(model.contains("\"transforms\""), "no transform was stored")
        let inspect = try CommandRunner.run(["inspect-model", "m.synth", "--json", "i.json"], in: directory)
        #expect(inspect.status == 0, "\(inspect.standardError)")
        #expect(inspect.standardOutput.contains("income is modelled as log(income − age + step)"), "\(inspect.standardOutput)")
        let inspection = try String(contentsOf: directory.appendingPathComponent("i.json"), encoding: .utf8)
        #expect(inspection.contains("\"kind\" : \"gaussian-copula\"") || inspection.contains("\"kind\":\"gaussian-copula\""), "\(inspection.prefix(200))")

        for extra in [[String](), ["--condition", "city=Oslo"]] {
            let sample = try CommandRunner.run(["sample", "m.synth", "--rows", "400", "-q", "-o", "s.csv"] + extra, in: directory)
            #expect(sample.status == 0, "\(sample.standardError)")
            let lines = try String(contentsOf: directory.appendingPathComponent("s.csv"), encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "age,income,city,member,score")
            let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.count == 400)
            #expect(rows.allSatisfy { row in
                guard let age = Double(row[0]), let income = Double(row[1]) else { return false }
                return age < income && income >= 20000 && income <= 70000 && (extra.isEmpty || row[2] == "Oslo")
            })
        }
        let augment = try CommandRunner.run(
            ["augment", "data.csv", "--model", "m.synth", "--target", "member", "--to-share", "0.4", "-q", "-o", "a.csv"], in: directory)
        #expect(augment.status == 0, "\(augment.standardError)")
    }
}
