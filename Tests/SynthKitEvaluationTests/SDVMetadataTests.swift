import Foundation
import SynthKitCore
import SynthKitEvaluation
import SynthKitTable
import Testing

@Suite("SDVMetadata")
struct SDVMetadataTests {
    @Test("single-table form")
    func singleTable() throws {
        let json = #"{"columns": {"age": {"sdtype": "numerical"}, "when": {"sdtype": "datetime", "datetime_format": "%Y-%m-%d"}}, "primary_key": "id"}"#
        let metadata = try SDVMetadata.decode(Data(json.utf8), file: "m.json")
        #expect(metadata.columns["age"]?.sdtype == "numerical")
        #expect(metadata.columns["when"]?.datetimeFormat == "%Y-%m-%d")
        #expect(metadata.primaryKey == "id")
    }

    @Test("multi-table form with one table, or a named table")
    func multiTable() throws {
        let one = #"{"tables": {"t": {"columns": {"a": {"sdtype": "categorical"}}}}}"#
        #expect(try SDVMetadata.decode(Data(one.utf8), file: "m.json").columns["a"]?.sdtype == "categorical")
        let two = #"{"tables": {"t": {"columns": {"a": {"sdtype": "id"}}}, "u": {"columns": {"b": {"sdtype": "boolean"}}}}}"#
        #expect(try SDVMetadata.decode(Data(two.utf8), file: "m.json", table: "u").columns["b"]?.sdtype == "boolean")
        do {
            _ = try SDVMetadata.decode(Data(two.utf8), file: "m.json")
            Issue.record("expected an error for an ambiguous table")
        } catch {
            #expect(error.code == .invalidSchema)
            #expect(error.location?.field == "tables")
            #expect(error.message.contains("t, u"))
        }
    }

    @Test("a malformed entry is located at its field")
    func locatedError() throws {
        let json = #"{"columns": {"age": {"type": "numerical"}}}"#
        do {
            _ = try SDVMetadata.decode(Data(json.utf8), file: "m.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidSchema)
            #expect(error.location?.file == "m.json")
            #expect(error.location?.field == "columns.age.sdtype")
        }
    }

    @Test("a missing file is notFound")
    func missingFile() {
        #expect(throws: SynthKitError.self) { try SDVMetadata.load(path: "/nonexistent/metadata.json") }
    }

    @Test("validation lists columns missing on either side")
    func validation() throws {
        let table = try Table(columns: [Column(name: "a", numbers: [1]), Column(name: "b", strings: ["x"])])
        let metadata = SDVMetadata(columns: ["a": .init(sdtype: "numerical"), "z": .init(sdtype: "categorical")])
        do {
            try metadata.validate(against: [table])
            Issue.record("expected an error")
        } catch {
            let columns = [error.location?.column] + error.additionalProblems.map(\.location?.column)
            #expect(columns == ["b", "z"])
        }
    }

    @Test("inferred metadata follows the anchors rule: numbers numerical, text categorical")
    func inferred() throws {
        let table = try Table(columns: [Column(name: "a", numbers: [1]), Column(name: "flag", strings: ["True"])])
        let metadata = SDVMetadata.inferred(from: table)
        #expect(metadata.columns["a"]?.sdtype == "numerical")
        #expect(metadata.columns["flag"]?.sdtype == "categorical")
    }
}
