import Foundation
import SynthKitCore
import SynthKitTable
import Testing

@Suite struct CSVReaderTests {
    func read(_ text: String, options: CSVOptions = CSVOptions()) throws -> Table {
        try CSVReader(options: options).read(data: Data(text.utf8), name: "test.csv")
    }

    func readError(_ text: String, options: CSVOptions = CSVOptions()) -> SynthKitError? {
        do {
            _ = try CSVReader(options: options).read(data: Data(text.utf8), name: "test.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func typesColumnsAsNumericOrCategorical() throws {
        let table = try read("age,name,score\n39,Ann,1.5\n50,Bob,-2e3\n,?,NA\n")
        #expect(table.rowCount == 3)
        #expect(table["age"]?.numbers?[0] == 39)
        #expect(table["age"]?.isMissing(2) == true)
        #expect(table["score"]?.numbers?[1] == -2000)
        #expect(table["name"]?.categories?.levels == ["Ann", "Bob"])
        #expect(table["name"]?.categories?.codes == [0, 1, -1])
    }

    @Test func leadingZerosAndBooleansStayText() throws {
        let table = try read("zip,flag,ratio\n007,True,0.5\n12,False,0\n")
        #expect(table["zip"]?.categories?.levels == ["007", "12"])
        #expect(table["flag"]?.categories?.levels == ["True", "False"])
        #expect(table["ratio"]?.numbers == [0.5, 0])
    }

    @Test func lateTextBackfillsExactSpellingInFirstAppearanceOrder() throws {
        var text = "code\n"
        for index in 0..<50 { text += "\(index % 3).50\n" }
        text += "x\n"
        let table = try read(text, options: CSVOptions(chunkSize: 16))
        let (codes, levels) = try #require(table["code"]?.categories)
        #expect(levels == ["0.50", "1.50", "2.50", "x"])
        #expect(codes.prefix(4) == [0, 1, 2, 0])
        #expect(codes.last == 3)
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let table = try read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"line1\nline2\",\"\"\n")
        #expect(table["a"]?.categories?.levels == ["x, y", "line1\nline2"])
        #expect(table["b"]?.categories?.levels == ["say \"hi\"", ""])
    }

    @Test func quotedMissingTokensAreValuesUnlessConfigured() throws {
        let text = "a,b\n\"NA\",1\n\"\",2\n"
        #expect(try read(text)["a"]?.categories?.levels == ["NA", ""])
        let lenient = try read(text, options: CSVOptions(quotedFieldsCanBeMissing: true))
        #expect(lenient["a"]?.missingCount == 2)
    }

    @Test(arguments: ["a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4", "\u{FEFF}a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4\r", "a,b\n1,2\n\n3,4\n\n"])
    func lineEndingsBOMAndBlankLines(text: String) throws {
        let table = try read(text)
        #expect(table.columnNames == ["a", "b"])
        #expect(table["b"]?.numbers == [2, 4])
    }

    @Test func delimiterAndMissingTokenOptions() throws {
        let options = CSVOptions(delimiter: UInt8(ascii: ";"), missingTokens: ["-"])
        let table = try read("a;b\n1,5;-\n-;\n", options: options)
        #expect(table["a"]?.categories?.levels == ["1,5"])
        #expect(table["a"]?.isMissing(1) == true)
        #expect(table["b"]?.categories?.levels == [""])
        #expect(table["b"]?.isMissing(0) == true)
    }

    @Test func unicodeSurvives() throws {
        let table = try read("city,n\nZürich,1\n東京,2\n\"naïve, 🎉\",3\n")
        #expect(table["city"]?.categories?.levels == ["Zürich", "東京", "naïve, 🎉"])
    }

    @Test func oneColumnBlankLineIsMissing() throws {
        let table = try read("a\n1\n\n3\n")
        #expect(table["a"]?.numbers?.count == 3)
        #expect(table["a"]?.isMissing(1) == true)
    }

    @Test func chunkBoundariesDoNotChangeTheResult() throws {
        let text = "a,b,c\r\n\"q\"\"x\",1,\"multi\r\nline\"\r\nplain,2.25,z\r\n"
        let whole = try read(text)
        for chunk in [1, 2, 3, 5, 7] {
            #expect(try read(text, options: CSVOptions(chunkSize: chunk)) == whole)
        }
    }

    @Test func streamingFromAFileMatchesMemoryIncludingBackfill() throws {
        var text = "\u{FEFF}id,code,note\r\n"
        for index in 0..<300 {
            text += "\(index),\(index % 7).0,\"row \(index)\r\nsecond \"\"line\"\"\"\r\n"
        }
        text += "300,late,\"\"\r\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let expected = try read(text)
        #expect(expected["code"]?.categories?.levels.first == "0.0")
        #expect(expected["code"]?.categories?.levels.last == "late")
        #expect(expected["note"]?.categories?.levels[1] == "row 1\r\nsecond \"line\"")
        for chunk in [1, 100, 1_000, 1 << 20] {
            #expect(try CSVReader(options: CSVOptions(chunkSize: chunk)).read(path: path) == expected)
        }
    }

    @Test func sharedAdultFixtureRoundTrips() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/adult-200", withExtension: "csv"))
        let table = try CSVReader().read(path: url.path)
        #expect(table.rowCount == 200)
        #expect(table.columns.count == 15)
        let again = try CSVReader().read(data: try CSVWriter().encode(table), name: "again.csv")
        #expect(again == table)
        #expect(try CSVWriter().encode(again) == (try CSVWriter().encode(table)))
    }

    @Test func raggedRowsNameLineAndCounts() throws {
        let error = try #require(readError("a,b\n1,2\n3\n4,5,6\n"))
        #expect(error.code == .invalidInput)
        #expect(error.location?.file == "test.csv")
        #expect(error.location?.line == 3)
        #expect(error.message.contains("1 fields, expected 2"))
        #expect(error.additionalProblems.first?.location?.line == 4)
        #expect(error.additionalProblems.first?.message.contains("3 fields") == true)
    }

    @Test func unterminatedQuoteNamesOpeningLine() throws {
        let error = try #require(readError("a,b\n1,2\n3,\"open\nmore\nstill\n"))
        #expect(error.code == .invalidInput)
        #expect(error.location?.line == 3)
        #expect(error.message.contains("never closed"))
    }

    @Test func textAfterClosingQuoteIsAnError() throws {
        let error = try #require(readError("a,b\n\"x\"y,2\n"))
        #expect(error.location?.line == 2)
    }

    @Test func invalidUTF8NamesLineAndByteOffset() throws {
        var bytes = Array("a,b\n1,ok\n2,b".utf8)
        bytes += [0xFF, 0x41]
        bytes += Array("\n".utf8)
        do {
            _ = try CSVReader().read(data: Data(bytes), name: "bad.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.location?.line == 3)
            #expect(error.location?.byteOffset == 12)
            #expect(error.location?.column == "b")
        }
    }

    @Test func emptyAndHeaderOnlyFiles() throws {
        #expect(readError("")?.message.contains("empty") == true)
        #expect(readError("\n\n")?.message.contains("empty") == true)
        #expect(readError("a,b\n")?.message.contains("no data rows") == true)
        let table = try read("a,b\n", options: CSVOptions(allowsHeaderOnly: true))
        #expect(table.rowCount == 0)
        #expect(table.columnNames == ["a", "b"])
    }

    @Test func headerProblemsAreCollected() throws {
        let error = try #require(readError("a,,b,a,b\n1,2,3,4,5\n"))
        let messages = ([error] + error.additionalProblems).map(\.message)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.contains("field 2 is empty") })
        #expect(messages.contains { $0.contains("'a' appears 2 times") })
        #expect(messages.contains { $0.contains("'b' appears 2 times") })
    }

    @Test func missingAndUnreadableFiles() throws {
        do {
            _ = try CSVReader().read(path: "/nonexistent/file.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.location?.file == "/nonexistent/file.csv")
        }
        do {
            _ = try CSVReader().read(path: FileManager.default.temporaryDirectory.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .io)
        }
    }

    @Test func readsFilesAndHeaders() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("x,y\n1,a\n2,b\n".utf8).write(to: URL(fileURLWithPath: path))
        let table = try CSVReader(options: CSVOptions(chunkSize: 4)).read(path: path)
        #expect(table["x"]?.numbers == [1, 2])
        #expect(try CSVReader().readHeader(path: path) == ["x", "y"])
    }

    @Test func numberParsingMatchesSwift() throws {
        let texts = ["0", "-0.5", "1e-05", "5e-324", "1.7976931348623157e+308", "123456789012345678901234", "0.1", ".5", "5.", "+3", "2.2250738585072014e-308", "9007199254740993"]
        let table = try read("v\n" + texts.joined(separator: "\n") + "\n")
        let numbers = try #require(table["v"]?.numbers)
        #expect(numbers == texts.map { Double($0) ?? .nan })
    }
}
