import SynthKit
import Testing

@Suite struct TransformsTests {
    @Test func numericalFormatRoundsAndClamps() {
        let schema = ColumnSchema(name: "x", kind: .numerical, numerical: NumericalFacts(
            isInteger: false, decimalPlaces: 2, minimum: 0, maximum: 10))
        let format = NumericalFormat.fit(values: [0.5, 9.25], schema: schema)
        #expect(format.decode(3.14159) == 3.14)
        #expect(format.decode(-2) == 0)
        #expect(format.decode(12) == 10)
        #expect(format.decode(.nan).isNaN)
        #expect(format.encode(4.5) == 4.5)
        let integers = NumericalFormat.fit(values: [1, 5, .nan], schema: ColumnSchema(name: "n", kind: .numerical))
        #expect(integers.decode(4.6) == 5 && integers.decode(0.2) == 1 && integers.decode(5.49) == 5)
        let days = NumericalFormat.fit(
            values: [86_400, 864_000],
            schema: ColumnSchema(name: "d", kind: .datetime, datetime: DatetimeFacts(format: "yyyy-MM-dd", minimum: nil, maximum: nil)))
        #expect(days.decode(200_000) == 172_800)
    }

    @Test func categoryEncodingRoundTripsWithMissing() {
        let column = Column(name: "c", strings: ["b", nil, "a", "b"])
        let (encoding, codes) = CategoryEncoding.fit(column, schema: nil)
        #expect(encoding.levels == ["b", "a"] && encoding.hasMissing && codes == [0, 2, 1, 0])
        let decoded = encoding.decode(codes, name: "c")
        #expect((0..<4).map { decoded.text(at: $0) } == ["b", nil, "a", "b"])
        let numeric = Column(name: "flag", numbers: [1, 0, nil, 1])
        let (numericEncoding, numericCodes) = CategoryEncoding.fit(numeric, schema: nil)
        #expect(numericEncoding.decode(numericCodes, name: "flag").numbers?.prefix(2) == [1, 0])
        let declared = ColumnSchema(name: "c", kind: .categorical, categories: CategoryDomain(values: ["a", "b", "z"]))
        #expect(CategoryEncoding.fit(column, schema: declared).encoding.levels == ["a", "b", "z"])
    }
}
