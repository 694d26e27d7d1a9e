import Foundation
import SynthKitTable

/// A tiny CSV reader for the fixture files (no quoting; an empty field is missing), used until
/// the Table module's reader lands. A column is numeric iff every non-empty value parses as a
/// Double, the rule pandas applies.
enum FixtureCSV {
    /// The folder holding `Fixtures/`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Reads `Fixtures/<relativePath>`.
    static func table(_ relativePath: String) throws -> Table {
        try table(at: fixtures.appendingPathComponent(relativePath).path)
    }

    /// Reads a CSV file at an absolute path.
    static func table(at path: String) throws -> Table {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try parse(text)
    }

    /// Parses CSV text.
    static func parse(_ text: String) throws -> Table {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { return .empty }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var fields = Array(repeating: [Substring](), count: names.count)
        for line in lines.dropFirst() {
            let parts = line.split(separator: ",", omittingEmptySubsequences: false)
            precondition(parts.count == names.count, "fixture row has \(parts.count) fields, expected \(names.count): \(line)")
            for (index, part) in parts.enumerated() { fields[index].append(part) }
        }
        var columns: [Column] = []
        for (index, name) in names.enumerated() {
            let values = fields[index]
            let numbers = values.map { $0.isEmpty ? Double.nan : Double($0) }
            if numbers.allSatisfy({ $0 != nil }) {
                columns.append(Column(name: name, values: .numeric(numbers.map { $0 ?? .nan })))
            } else {
                columns.append(Column(name: name, strings: values.map { $0.isEmpty ? nil : String($0) }))
            }
        }
        return try Table(columns: columns)
    }
}
