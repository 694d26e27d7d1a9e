import Foundation
import SynthKitCore
import SynthKitTable
import Testing

@Suite struct SchemaLoadingTests {
    func decodeError(_ json: String) -> SynthKitError? {
        do {
            _ = try Schema.decode(data: Data(json.utf8), file: "s.json")
            return nil
        } catch {
            return error
        }
    }

    func all(_ error: SynthKitError) -> [SynthKitError] { [error] + error.additionalProblems }

    @Test func inferredSchemaRoundTripsThroughJSON() throws {
        let table = try CSVReader().read(data: Data("a,b,c\n1,x,2024-01-01\n2.5,y,2024-02-01\n".utf8), name: "t.csv")
        let schema = SchemaInference.infer(table: table)
        let decoded = try Schema.decode(data: try schema.encode(), file: "s.json")
        #expect(decoded == schema)
        #expect(decoded.fingerprint == schema.fingerprint)
        let text = String(decoding: try schema.encode(), as: UTF8.self)
        #expect(text.contains("\"format\" : \"synthkit-schema\""))
    }

    @Test func notJSONAndWrongFormat() throws {
        #expect(decodeError("{not json")?.code == .invalidSchema)
        #expect(decodeError("[1, 2]")?.message.contains("JSON object") == true)
        let wrong = try #require(decodeError(#"{"format": "synthkit-model", "formatVersion": 1, "columns": []}"#))
        #expect(wrong.code == .invalidSchema)
        #expect(wrong.location?.field == "format")
        #expect(wrong.location?.file == "s.json")
    }

    @Test func newerVersionIsUnsupported() throws {
        let error = try #require(decodeError(#"{"format": "synthkit-schema", "formatVersion": 7, "columns": []}"#))
        #expect(error.code == .unsupported)
        #expect(error.message.contains("up to 1"))
    }

    @Test func unknownEnumerationsAreListedWithAllowedValues() throws {
        let json = #"""
            {"format": "synthkit-schema", "formatVersion": 1, "columns": [
              {"name": "a", "kind": "number", "missingShare": 0},
              {"name": "b", "kind": "pii", "piiKind": "ssn", "missingShare": 0},
              {"name": "c", "kind": "numerical", "missingShare": 0,
               "numerical": {"isInteger": true, "decimalPlaces": 0, "boundsSource": "guessed"}}
            ]}
            """#
        let problems = all(try #require(decodeError(json)))
        #expect(problems.map { $0.location?.field } == ["columns[0].kind", "columns[1].piiKind", "columns[2].numerical.boundsSource"])
        #expect(problems[0].message.contains("numerical, categorical, boolean, datetime, id, pii, text"))
        #expect(problems.allSatisfy { $0.code == .invalidSchema })
    }

    @Test func missingFieldIsLocated() throws {
        let error = try #require(decodeError(#"{"format": "synthkit-schema", "formatVersion": 1, "columns": [{"name": "a", "kind": "id"}]}"#))
        #expect(error.code == .invalidSchema)
        #expect(error.location?.field == "columns[0].missingShare")
    }

    @Test func inconsistentFactsAreAllReported() throws {
        let json = #"""
            {"format": "synthkit-schema", "formatVersion": 1, "columns": [
              {"name": "a", "kind": "numerical", "missingShare": 1.5,
               "numerical": {"isInteger": true, "decimalPlaces": 0, "minimum": 5, "maximum": 1, "boundsSource": "declared"}},
              {"name": "a", "kind": "categorical", "missingShare": 0,
               "categories": {"values": ["x", "y", "x"], "ordered": false, "source": "observed"}},
              {"name": "c", "kind": "numerical", "missingShare": 0},
              {"name": "d", "kind": "datetime", "missingShare": 0, "datetime": {"format": "yyyy-QQ", "boundsSource": "observed"}},
              {"name": "e", "kind": "pii", "missingShare": 0},
              {"name": "f", "kind": "boolean", "missingShare": 0}
            ]}
            """#
        let problems = all(try #require(decodeError(json)))
        let fields = Set(problems.compactMap { $0.location?.field })
        #expect(fields == [
            "columns[0].missingShare", "columns[0].numerical.minimum", "columns[1].name", "columns[1].categories.values[2]",
            "columns[2].numerical", "columns[3].datetime.format", "columns[4].piiKind", "columns[5].categories",
        ])
        #expect(problems.allSatisfy { $0.location?.file == "s.json" })
    }

    @Test func loadFromDisk() throws {
        do {
            _ = try Schema.load(path: "/nonexistent/s.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notFound)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let schema = Schema(columns: [ColumnSchema(name: "k", kind: .id)])
        try AtomicFile.write(try schema.encode(), to: path)
        #expect(try Schema.load(path: path) == schema)
    }

    @Test func validateAgainstTableListsMissingAndExtraColumns() throws {
        let table = try Table(columns: [Column(name: "a", numbers: [1]), Column(name: "z", numbers: [2])])
        let schema = Schema(columns: [ColumnSchema(name: "a", kind: .id), ColumnSchema(name: "b", kind: .id)])
        do {
            try schema.validate(against: table)
            Issue.record("expected an error")
        } catch {
            let columns = all(error).compactMap { $0.location?.column }
            #expect(columns == ["b", "z"])
            #expect(error.code == .invalidSchema)
        }
        try Schema(columns: [ColumnSchema(name: "a", kind: .id), ColumnSchema(name: "z", kind: .id)]).validate(against: table)
    }
}
