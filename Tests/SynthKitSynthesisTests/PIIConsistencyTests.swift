import SynthKitCore
import SynthKitSynthesis
import SynthKitTable
import Testing

/// `FakeValueGenerator.filling(_:schema:seed:offset:consistency:)`.
@Suite struct PIIConsistencyTests {
    static let schema = Schema(columns: [
        ColumnSchema(name: "customer", kind: .categorical),
        ColumnSchema(name: "email", kind: .pii, piiKind: .email),
        ColumnSchema(name: "name", kind: .pii, piiKind: .personName),
    ])
    static let table: Table = {
        (try? Table(columns: [
            Column(name: "customer", strings: ["c1", "c2", "c1", "c3", nil]),
            Column(name: "email", strings: ["ann@corp.test", "bob@corp.test", "ann@corp.test", nil, "ann@corp.test"]),
            Column(name: "name", strings: [nil, nil, nil, nil, nil]),
        ])) ?? .empty
    }()

    func texts(_ table: Table, _ name: String) -> [String?] {
        guard let column = table[name] else { return [] }
        return (0..<column.count).map { column.text(at: $0) }
    }

    @Test func sameInputValueGivesTheSameFakeWithinOneOutput() {
        let filled = FakeValueGenerator().filling(Self.table, schema: Self.schema, seed: Seed(4), offset: 0, consistency: .perValue)
        let emails = texts(filled, "email")
        #expect(emails[0] == emails[2] && emails[0] == emails[4])
        #expect(emails[0] != emails[1])
        #expect(emails.allSatisfy { $0?.contains("corp.test") == false }, "a real value leaked: \(emails)")
        #expect(emails.allSatisfy { $0?.contains("@example.") == true })
        // Another seed (another output) maps the same input elsewhere; per-row filling does not repeat.
        let other = texts(FakeValueGenerator().filling(Self.table, schema: Self.schema, seed: Seed(5), offset: 0, consistency: .perValue), "email")
        #expect(other[0] != emails[0])
        let perRow = texts(FakeValueGenerator().filling(Self.table, schema: Self.schema, seed: Seed(4), offset: 0), "email")
        #expect(perRow[0] != perRow[2])
    }

    @Test func rowsSharingAKeyShareEveryFake() {
        let filled = FakeValueGenerator().filling(Self.table, schema: Self.schema, seed: Seed(4), offset: 0, consistency: .perKey("customer"))
        let emails = texts(filled, "email"), names = texts(filled, "name")
        #expect(emails[0] == emails[2] && names[0] == names[2])
        #expect(emails[0] != emails[1] && emails[0] != emails[3])
        #expect(names.allSatisfy { $0 != nil })
        #expect(texts(filled, "customer") == texts(Self.table, "customer"))
    }
}
