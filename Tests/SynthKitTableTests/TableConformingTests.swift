import Foundation
import SynthKitCore
import SynthKitTable
import Testing

@Suite struct TableConformingTests {
    let raw: Table
    init() throws {
        raw = try CSVReader().read(data: Data("when,grade,zip,amount\n2024-01-02,3,007,10\n,1,12,\n2024-01-01,3,,2.5\n".utf8), name: "t.csv")
    }

    var schema: Schema {
        Schema(columns: [
            ColumnSchema(name: "when", kind: .datetime, datetime: DatetimeFacts(format: "yyyy-MM-dd", minimum: nil, maximum: nil)),
            ColumnSchema(name: "grade", kind: .categorical, categories: CategoryDomain(values: ["3", "1"])),
            ColumnSchema(name: "zip", kind: .numerical, numerical: NumericalFacts(isInteger: true, decimalPlaces: 0, minimum: nil, maximum: nil)),
            ColumnSchema(name: "amount", kind: .numerical, numerical: NumericalFacts(isInteger: false, decimalPlaces: 1, minimum: nil, maximum: nil)),
        ])
    }

    @Test func convertsToTheStorageEachKindImplies() throws {
        let conformed = try raw.conforming(to: schema)
        #expect(conformed["when"]?.numbers?[0] == 1_704_153_600)
        #expect(conformed["when"]?.isMissing(1) == true)
        #expect(conformed["grade"]?.categories?.levels == ["3", "1"])
        #expect(conformed["grade"]?.categories?.codes == [0, 1, 0])
        #expect(conformed["zip"]?.numbers?[0] == 7)
        #expect(try conformed.conforming(to: schema) == conformed)
        let rendered = try conformed.rendering(with: schema)
        #expect(rendered["when"]?.categories?.levels == ["2024-01-02", "2024-01-01"])
        let written = String(decoding: try CSVWriter().encode(conformed, schema: schema), as: UTF8.self)
        #expect(written == "when,grade,zip,amount\n2024-01-02,3,7,10\n,1,12,\n2024-01-01,3,,2.5\n")
    }

    @Test func listsEveryColumnThatDoesNotFit() throws {
        let bad = try CSVReader().read(data: Data("when,price,name\n2024-01-02,1,a\nyesterday,cheap,b\n".utf8), name: "t.csv")
        let badSchema = Schema(columns: [
            ColumnSchema(name: "when", kind: .datetime, datetime: DatetimeFacts(format: "yyyy-MM-dd", minimum: nil, maximum: nil)),
            ColumnSchema(name: "price", kind: .numerical, numerical: NumericalFacts(isInteger: true, decimalPlaces: 0, minimum: nil, maximum: nil)),
            ColumnSchema(name: "name", kind: .numerical, numerical: NumericalFacts(isInteger: true, decimalPlaces: 0, minimum: nil, maximum: nil)),
            ColumnSchema(name: "absent", kind: .id),
        ])
        do {
            _ = try bad.conforming(to: badSchema)
            Issue.record("expected an error")
        } catch {
            let problems = [error] + error.additionalProblems
            #expect(problems.map { $0.location?.column } == ["when", "price", "name", "absent"])
            #expect(problems.allSatisfy { $0.code == .invalidSchema })
            #expect(problems[0].message.contains("row 2 has 'yesterday'"))
            #expect(problems[1].message.contains("'cheap'"))
            #expect(problems[2].message.contains("row 1 has 'a'"))
        }
    }
}
