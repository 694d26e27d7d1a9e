import Foundation
import SynthKit

/// A short, aligned text summary of a schema for people.
enum SchemaSummary {
    /// One line per column: name, kind, missing share and the key facts.
    static func render(_ schema: Schema, rowCount: Int, source: String) -> String {
        var lines = ["\(source): \(rowCount) rows, \(schema.columns.count) columns"]
        let width = min(28, schema.columns.map(\.name.count).max() ?? 4)
        for column in schema.columns {
            let name = column.name.padding(toLength: max(width, column.name.count), withPad: " ", startingAt: 0)
            let kind = (column.kind == .pii ? "pii(\(column.piiKind?.rawValue ?? "other"))" : column.kind.rawValue)
                .padding(toLength: 18, withPad: " ", startingAt: 0)
            let missing = column.missingShare > 0 ? " missing \(percent(column.missingShare))" : ""
            lines.append("  \(name)  \(kind)\(details(column))\(missing)")
        }
        return lines.joined(separator: "\n")
    }

    private static func details(_ column: ColumnSchema) -> String {
        if let numbers = column.numerical {
            let low = numbers.minimum.map(NumberFormatting.shortest) ?? "-inf"
            let high = numbers.maximum.map(NumberFormatting.shortest) ?? "+inf"
            return "\(numbers.isInteger ? "integer" : "decimal(\(numbers.decimalPlaces))") [\(low), \(high)]"
        }
        if let domain = column.categories {
            let shown = domain.values.prefix(4).joined(separator: ", ")
            return "\(domain.values.count) categories (\(shown)\(domain.values.count > 4 ? ", …" : ""))"
        }
        if let datetime = column.datetime { return "format \(datetime.format)" }
        return ""
    }

    private static func percent(_ share: Double) -> String {
        NumberFormatting.fixed(share * 100, places: 1) + "%"
    }
}
