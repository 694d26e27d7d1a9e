import SynthKit
import SynthKitTestSupport

/// The mixed fixture made fit for DP contract checks: every bound and domain declared (so the
/// model may use them), and one missing value in every learned column (a DP model cannot know
/// that a column has none, so it may generate missing values anywhere).
enum DeclaredFixture {
    static func make(rows: Int = 400) -> (table: Table, schema: Schema) {
        let (table, schema) = SynthesisFixtures.mixed(rows: rows)
        var columns: [Column] = []
        for column in table.columns {
            switch column.values {
            case .numeric(var numbers) where !["customer"].contains(column.name):
                numbers[numbers.count - 1] = .nan
                columns.append(Column(name: column.name, values: .numeric(numbers)))
            case .categorical(var codes, let levels) where column.name != "email":
                codes[codes.count - 1] = -1
                columns.append(Column(name: column.name, values: .categorical(codes: codes, levels: levels)))
            default:
                columns.append(column)
            }
        }
        let missingTable = (try? Table(columns: columns)) ?? table
        var declared = schema
        for index in declared.columns.indices {
            let name = declared.columns[index].name
            guard let column = missingTable[name] else { continue }
            let known = (column.numbers ?? []).filter { !$0.isNaN }
            switch declared.columns[index].kind {
            case .numerical:
                var facts = declared.columns[index].numerical ?? NumericalFacts(isInteger: false, decimalPlaces: 0, minimum: nil, maximum: nil)
                facts.minimum = known.min()
                facts.maximum = known.max()
                facts.boundsSource = .declared
                declared.columns[index].numerical = facts
            case .datetime:
                declared.columns[index].datetime?.minimum = known.min()
                declared.columns[index].datetime?.maximum = known.max()
                declared.columns[index].datetime?.boundsSource = .declared
            case .categorical, .boolean:
                let values = Array(Set((0..<column.count).compactMap { column.text(at: $0) })).sorted()
                declared.columns[index].categories = CategoryDomain(values: values, source: .declared)
            default:
                break
            }
        }
        return (missingTable, declared)
    }
}
