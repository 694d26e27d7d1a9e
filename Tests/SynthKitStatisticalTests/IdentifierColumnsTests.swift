import Foundation
import SynthKit
import Testing

@Suite struct IdentifierColumnsTests {
    @Test func learnsTextPrefixesAndNumbers() {
        let text = Column(name: "id", strings: ["CUST-0012", "CUST-0013", nil])
        #expect(IdentifierFormat.learned(from: text).textPrefix == "CUST-")
        #expect(IdentifierFormat.learned(from: Column(name: "id", strings: ["12", "13"])).textPrefix == "id-")
        #expect(IdentifierFormat.learned(from: Column(name: "id", numbers: [1, 2])).textPrefix == nil)
        let generated = IdentifierFormat(textPrefix: "u").generate(name: "id", count: 3, offset: 10)
        #expect((0..<3).map { generated.text(at: $0) } == ["u10", "u11", "u12"])
    }

    @Test func infersFixedWidthFormats() {
        func format(_ values: [String?]) -> IdentifierFormat { IdentifierFormat.learned(from: Column(name: "id", strings: values)) }
        let customers = format(["CUST-000123", "CUST-004567", nil])
        #expect(customers == IdentifierFormat(textPrefix: "CUST-", digitCount: 6))
        #expect(customers.pattern == #"CUST-\d{6}"#)
        let generated = customers.generate(name: "id", count: 2, offset: 5)
        #expect([generated.text(at: 0), generated.text(at: 1)] == ["CUST-000005", "CUST-000006"])
        // Wider numbers keep every digit, so ids stay unique.
        #expect(customers.generate(name: "id", count: 1, offset: 1_234_567).text(at: 0) == "CUST-1234567")
        #expect(format(["INV-0042-EU", "INV-1234-EU"]).pattern == #"INV-\d{4}-EU"#)
        #expect(format(["000123", "004567"]) == IdentifierFormat(textPrefix: "", digitCount: 6))
        #expect(format(["A1", "A22"]) == IdentifierFormat(textPrefix: "A"))
        #expect(format(["A1", "A22"]).pattern == #"A\d+"#)
        #expect(customers.nextNumber(after: Column(name: "id", strings: ["CUST-000123", "CUST-004567"])) == 4568)
        #expect(IdentifierFormat(textPrefix: nil).nextNumber(after: Column(name: "id", numbers: [3, 9])) == 10)
    }

    @Test func copulaRegeneratesIdsInTheTrainingFormat() throws {
        let count = 300
        let table = try Table(columns: [
            Column(name: "customer", strings: (0..<count).map { String(format: "CUST-%06d", 7 * $0 + 3) }),
            Column(name: "x", numbers: (0..<count).map { Double($0 % 17) }),
        ])
        let schema = Schema(columns: [ColumnSchema(name: "customer", kind: .id), ColumnSchema(name: "x", kind: .numerical)])
        let model = try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
        let rows = try model.sample(rows: 4000..<4500, seed: Seed(2), threads: 1)
        let ids = try #require(rows["customer"])
        let values = (0..<ids.count).compactMap { ids.text(at: $0) }
        #expect(values.count == 500 && Set(values).count == 500)
        #expect(values.allSatisfy { $0.wholeMatch(of: /CUST-\d{6}/) != nil }, "\(values.prefix(3))")
    }

    @Test func renumbersBatchesAndBlanksPersonalData() throws {
        let table = try Table(columns: [
            Column(name: "id", numbers: [0, 1, 2]), Column(name: "mail", strings: ["a@b.c", "d@e.f", nil]),
            Column(name: "tag", strings: ["k-1", "k-2", "k-3"]), Column(name: "x", numbers: [5, 6, 7]),
        ])
        let schema = Schema(columns: [
            ColumnSchema(name: "id", kind: .id), ColumnSchema(name: "mail", kind: .pii, piiKind: .email),
            ColumnSchema(name: "tag", kind: .id), ColumnSchema(name: "x", kind: .numerical),
        ])
        let renumbered = regenerateIdentifiers(in: table, schema: schema, offset: 100)
        #expect(renumbered["id"]?.numbers == [100, 101, 102])
        #expect(renumbered["mail"]?.missingCount == 3)
        #expect(renumbered["tag"]?.text(at: 2) == "k-102")
        #expect(renumbered["x"] == table["x"])
    }
}
