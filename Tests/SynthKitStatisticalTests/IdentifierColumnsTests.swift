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
