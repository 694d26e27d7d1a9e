import Foundation
import SynthKitCore
import SynthKitTable
import Testing

@Suite struct SchemaInferenceTests {
    func fixture(_ name: String) throws -> Table {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "csv"))
        return try CSVReader().read(path: url.path)
    }

    func kinds(_ schema: Schema) -> [String: ColumnKind] {
        Dictionary(uniqueKeysWithValues: schema.columns.map { ($0.name, $0.kind) })
    }

    static let adultKinds: [String: ColumnKind] = [
        "age": .numerical, "workclass": .categorical, "fnlwgt": .numerical, "education": .categorical,
        "education_num": .numerical, "marital_status": .categorical, "occupation": .categorical,
        "relationship": .categorical, "race": .categorical, "sex": .categorical, "capital_gain": .numerical,
        "capital_loss": .numerical, "hours_per_week": .numerical, "native_country": .categorical, "income": .categorical,
    ]

    static let germanNumerical: Set<String> = [
        "duration_months", "credit_amount", "installment_rate", "residence_since", "age", "existing_credits", "people_liable",
    ]

    @Test func adultSample() throws {
        let table = try fixture("adult-200")
        let schema = SchemaInference.infer(table: table)
        #expect(kinds(schema) == Self.adultKinds)
        let age = try #require(schema["age"]?.numerical)
        #expect(age.isInteger && age.decimalPlaces == 0 && age.boundsSource == .observed)
        #expect(age.minimum == table["age"]?.numbers?.min())
        #expect(schema["education_num"]?.note?.contains("kept numerical") == true)
        let income = try #require(schema["income"]?.categories)
        #expect(Set(income.values) == ["<=50K", ">50K"])
        #expect(income.counts?.reduce(0, +) == 200)
        #expect(income.source == .observed)
        let missing = try #require(schema["workclass"]?.missingShare)
        #expect(missing == Double(table["workclass"]?.missingCount ?? -1) / 200)
    }

    @Test func germanCreditSample() throws {
        let schema = SchemaInference.infer(table: try fixture("german_credit-200"))
        for column in schema.columns {
            let expected: ColumnKind = Self.germanNumerical.contains(column.name)
                ? .numerical : (["telephone", "foreign_worker"].contains(column.name) ? .boolean : .categorical)
            #expect(column.kind == expected, "\(column.name)")
        }
    }

    @Test func fullSharedDatasetsWhenPresent() throws {
        let adultPath = "/work/shared/datasets/adult.csv"
        guard FileManager.default.fileExists(atPath: adultPath) else { return }
        let schema = SchemaInference.infer(table: try CSVReader().read(path: adultPath))
        #expect(kinds(schema) == Self.adultKinds)
        #expect(schema["education_num"]?.numerical?.maximum == 16)
        #expect(schema["occupation"]?.missingShare ?? 0 > 0.05)
        let germanPath = "/work/shared/datasets/german_credit.csv"
        guard FileManager.default.fileExists(atPath: germanPath) else { return }
        let german = SchemaInference.infer(table: try CSVReader().read(path: germanPath))
        #expect(Set(german.columns.filter { $0.kind == .numerical }.map(\.name)) == Self.germanNumerical)
        #expect(german["credit_risk"]?.categories?.counts == [700, 300])
        #expect(german["telephone"]?.kind == .boolean)
    }

    @Test func datetimeFormatsAreDetected() throws {
        let cases: [([String], String)] = [
            (["2024-01-31", "2023-12-01"], "yyyy-MM-dd"),
            (["2024-01-31T10:15:00", "2023-12-01T00:00:59"], "yyyy-MM-dd'T'HH:mm:ss"),
            (["2024-01-31 10:15", "2023-12-01 00:00"], "yyyy-MM-dd HH:mm"),
            (["2024-01-31T10:15:00.123Z", "2023-12-01T00:00:59Z"], "yyyy-MM-dd'T'HH:mm:ss.SSSZ"),
            (["2024-01-31T10:15:00+02:00", "2023-12-01T00:00:59-05:00"], "yyyy-MM-dd'T'HH:mm:ssxxx"),
            (["01/31/2024", "12/01/2023"], "MM/dd/yyyy"),
            (["31/01/2024", "01/12/2023"], "dd/MM/yyyy"),
            (["2024/01/31", "2023/12/01"], "yyyy/MM/dd"),
        ]
        for (values, format) in cases {
            let column = Column(name: "when", strings: values)
            let description = SchemaInference.infer(column: column, rowCount: values.count)
            #expect(description.kind == .datetime, "\(values)")
            #expect(description.datetime?.format == format)
            #expect(description.datetime?.boundsSource == .observed)
        }
        let ambiguous = SchemaInference.infer(column: Column(name: "d", strings: ["01/02/2024", "03/04/2024"]), rowCount: 2)
        #expect(ambiguous.datetime?.format == "MM/dd/yyyy")
        #expect(ambiguous.note?.contains("ambiguous") == true)
        let notDates = SchemaInference.infer(column: Column(name: "d", strings: ["2024-13-01", "2024-01-01"]), rowCount: 2)
        #expect(notDates.kind == .categorical)
    }

    @Test func booleansIdsAndPII() throws {
        let count = 30
        let rows = 0..<count
        let table = try Table(columns: [
            Column(name: "active", strings: rows.map { $0 % 2 == 0 ? "Yes" : "no" }),
            Column(name: "is_member", numbers: rows.map { Double($0 % 2) }),
            Column(name: "children", numbers: rows.map { Double($0 % 2) }),
            Column(name: "row", numbers: rows.map { Double($0 + 100) }),
            Column(name: "customer_id", numbers: rows.map { Double($0 * 7 + 3) }),
            Column(name: "measurement", numbers: rows.map { Double($0) * 1.37 + 0.01 }),
            Column(name: "uuid", strings: rows.map { String(format: "%08x-1234-4abc-8def-%012x", $0, $0 * 31) }),
            Column(name: "order_code", strings: rows.map { "ORD-\(1000 + $0)" }),
            Column(name: "email", strings: rows.map { "user\($0)@example.org" }),
            Column(name: "phone", strings: rows.map { "+1 555-01\(String(format: "%02d", $0))" }),
            Column(name: "first_name", strings: rows.map { ["Ann", "Bob", "Mary Jane", "O'Neil"][$0 % 4] }),
            Column(name: "home", strings: rows.map { "\($0 + 1) Baker Street, London" }),
            Column(name: "comment", strings: rows.map { "This is a rather long free text comment number \($0) about things" }),
        ])
        let schema = SchemaInference.infer(table: table)
        #expect(schema["active"]?.kind == .boolean)
        #expect(schema["is_member"]?.kind == .boolean)
        #expect(schema["children"]?.kind == .numerical)
        #expect(schema["children"]?.note?.contains("0/1") == true)
        #expect(schema["row"]?.kind == .id)
        #expect(schema["customer_id"]?.kind == .id)
        #expect(schema["measurement"]?.kind == .numerical)
        #expect(schema["measurement"]?.numerical?.decimalPlaces == 2)
        #expect(schema["uuid"]?.kind == .id)
        #expect(schema["order_code"]?.kind == .id)
        #expect(schema["email"]?.piiKind == .email)
        #expect(schema["phone"]?.piiKind == .phone)
        #expect(schema["first_name"]?.piiKind == .personName)
        #expect(schema["home"]?.piiKind == .address)
        #expect(schema["comment"]?.kind == .text)
        for column in schema.columns where column.kind == .pii {
            #expect(column.note?.contains("never learned") == true)
        }
    }

    @Test func missingSharesAndEmptyColumns() throws {
        let table = try Table(columns: [
            Column(name: "a", numbers: [1, nil, nil, 4]),
            Column(name: "b", strings: [nil, nil, nil, nil]),
        ])
        let schema = SchemaInference.infer(table: table)
        #expect(schema["a"]?.missingShare == 0.5)
        #expect(schema["b"]?.missingShare == 1)
        #expect(schema["b"]?.note == "no values observed")
    }
}
