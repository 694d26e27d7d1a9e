import Foundation
import SynthKitCore
import SynthKitTable
import Testing

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() throws {
        let table = try Table(columns: [
            Column(name: "text", strings: ["plain", "a,b", "say \"hi\"", "two\nlines", "", "NA", nil]),
            Column(name: "number", numbers: [1, 2.5, nil, -3, 1e-5, 0, 7]),
        ])
        let text = String(decoding: try CSVWriter().encode(table), as: UTF8.self)
        #expect(text == "text,number\nplain,1\n\"a,b\",2.5\n\"say \"\"hi\"\"\",\n\"two\nlines\",-3\n\"\",1e-05\n\"NA\",0\n,7\n")
    }

    @Test func schemaFormatsDecimalsIntegersAndDatetimes() throws {
        let table = try Table(columns: [
            Column(name: "price", numbers: [1.23456, nil]),
            Column(name: "count", numbers: [2.6, 3]),
            Column(name: "when", numbers: [86_400 * 365 + 3_661.5, nil]),
        ])
        let schema = Schema(columns: [
            ColumnSchema(name: "price", kind: .numerical, numerical: NumericalFacts(isInteger: false, decimalPlaces: 2, minimum: nil, maximum: nil)),
            ColumnSchema(name: "count", kind: .numerical, numerical: NumericalFacts(isInteger: true, decimalPlaces: 0, minimum: nil, maximum: nil)),
            ColumnSchema(name: "when", kind: .datetime, datetime: DatetimeFacts(format: "yyyy-MM-dd'T'HH:mm:ss.SZ", minimum: nil, maximum: nil)),
        ])
        let text = String(decoding: try CSVWriter().encode(table, schema: schema), as: UTF8.self)
        #expect(text == "price,count,when\n1.23,3,1971-01-01T01:01:01.5Z\n,3,\n")
    }

    @Test func streamsHeaderAndBatchesToAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.csv").path
        let writer = CSVWriter()
        try AtomicFile.write(to: path) { handle throws(SynthKitError) in
            try writer.writeHeader(["n", "s"], to: handle, path: path)
            for batch in 0..<3 {
                let rows = try Table(columns: [
                    Column(name: "n", numbers: [Double(batch), Double(batch) + 0.5]),
                    Column(name: "s", strings: ["b\(batch)", nil]),
                ])
                try writer.appendRows(of: rows, to: handle, path: path)
            }
        }
        let table = try CSVReader().read(path: path)
        #expect(table.rowCount == 6)
        #expect(table["n"]?.numbers == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(table["s"]?.categories?.levels == ["b0", "b1", "b2"])
    }

    @Test(arguments: 0..<12)
    func randomTablesRoundTrip(trial: Int) throws {
        var random = Seed(UInt64(trial)).stream()
        let alphabet: [String] = ["a", "b", ",", "\"", "\n", "\r\n", " ", "é", "東", "🎉", "NA", "?", "0", "1", ".", "x"]
        let rowCount = 1 + random.nextIndex(below: 30)
        let columnCount = 1 + random.nextIndex(below: 5)
        var columns: [Column] = []
        for index in 0..<columnCount {
            if random.nextIndex(below: 2) == 0 {
                let values: [Double?] = (0..<rowCount).map { _ in
                    switch random.nextIndex(below: 5) {
                    case 0: return nil
                    case 1: return Double(random.nextIndex(below: 1_000)) - 500
                    case 2: return (random.nextUniform() - 0.5) * pow(10, Double(random.nextIndex(below: 40)) - 20)
                    default: return random.nextNormal()
                    }
                }
                columns.append(Column(name: "n\(index)", numbers: values))
            } else {
                var values: [String?] = (0..<rowCount).map { _ in
                    if random.nextIndex(below: 6) == 0 { return nil }
                    let length = random.nextIndex(below: 6)
                    return (0..<length).map { _ in alphabet[random.nextIndex(below: alphabet.count)] }.joined()
                }
                values[random.nextIndex(below: rowCount)] = "text \(index)"
                columns.append(Column(name: "c \(index), \"q\"", strings: values))
            }
        }
        let original = try CSVReader().read(data: try CSVWriter().encode(Table(columns: columns)), name: "first.csv")
        let again = try CSVReader().read(data: try CSVWriter().encode(original), name: "second.csv")
        #expect(again == original)
        #expect(original.rowCount == rowCount)
        for (column, source) in zip(original.columns, columns) where source.categories != nil {
            for row in 0..<rowCount {
                #expect(column.text(at: row) == source.text(at: row))
            }
        }
    }
}
