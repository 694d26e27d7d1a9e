import Foundation
import SynthKitCore
import SynthKitSynthesis
import SynthKitTable
import Testing

@Suite struct ConstraintSetTests {
    static let schema = Schema(columns: [
        ColumnSchema(name: "age", kind: .numerical), ColumnSchema(name: "start", kind: .numerical),
        ColumnSchema(name: "end", kind: .numerical), ColumnSchema(name: "city", kind: .categorical),
        ColumnSchema(name: "state", kind: .categorical), ColumnSchema(name: "employment", kind: .categorical),
    ])

    static func decode(_ json: String) throws(SynthKitError) -> ConstraintSet {
        try ConstraintSet.decode(Data(json.utf8), file: "c.json", schema: schema)
    }

    @Test func readsEveryConstraintType() throws {
        let set = try Self.decode("""
            {"formatVersion":1,"constraints":[{"type":"range","column":"age","min":17,"max":90},
            {"type":"inequality","low":"start","high":"end","strict":true},{"type":"positive","column":"age"},
            {"type":"fixedCombinations","columns":["city","state"]},{"type":"unique","column":"city"},
            {"type":"fixedIncrements","column":"start","increment":5},
            {"type":"expression","rule":"age >= 18 || employment == \\"none\\""}]}
            """)
        #expect(set.constraints.count == 7)
        let table = try Table(columns: [
            Column(name: "age", numbers: [30, 12, 12]), Column(name: "start", numbers: [5, 10, 15]),
            Column(name: "end", numbers: [6, 11, 12]), Column(name: "city", strings: ["a", "b", "c"]),
            Column(name: "state", strings: ["x", "y", "z"]), Column(name: "employment", strings: ["paid", "none", "paid"]),
        ])
        let learned = set.learning(from: table)
        // Row 1: age 12 < 17 violates the range; row 2 also violates start < end.
        #expect(learned.violations(in: table) == [1, 2])
    }

    @Test func reportsEveryProblemWithItsField() {
        do {
            _ = try Self.decode("""
                {"formatVersion":1,"constraints":[{"type":"range","column":"height","min":1},
                {"type":"positive","column":"city"},{"type":"expression","rule":"age >= "},{"type":"teleport"}]}
                """)
            Issue.record("bad file accepted")
        } catch {
            let text = error.description
            #expect(text.contains("constraints[0].column") && text.contains("height"), "\(text)")
            #expect(text.contains("constraints[1].column") && text.contains("categorical"), "\(text)")
            #expect(text.contains("constraints[2].rule") && text.contains("character 8"), "\(text)")
            #expect(text.contains("teleport"), "\(text)")
        }
    }

    @Test func namesContradictions() {
        do {
            _ = try Self.decode("""
                {"formatVersion":1,"constraints":[{"type":"range","column":"age","min":10,"max":20},
                {"type":"negative","column":"age"},{"type":"inequality","low":"start","high":"end","strict":true},
                {"type":"inequality","low":"end","high":"start"}]}
                """)
            Issue.record("contradictions accepted")
        } catch {
            #expect(error.code == .conditionUnsatisfiable || error.description.contains("contradict"))
            #expect(error.description.contains("range(age, 10.0...20.0) and age < 0"), "\(error.description)")
            #expect(error.description.contains("cycle"), "\(error.description)")
        }
    }

    @Test func refusesANewerVersion() {
        #expect(throws: SynthKitError.self) { try Self.decode(#"{"formatVersion":2,"constraints":[]}"#) }
    }
}
