import Foundation
public import SynthKitTable

/// How an `id` column is regenerated: never learned, always fresh unique values.
///
/// Numeric training ids become `offset, offset+1, ...`; text ids become a prefix (the
/// non-digit prefix shared by the training ids, else `"id-"`) followed by the number.
public struct IdentifierFormat: Codable, Hashable, Sendable {
    /// The text prefix, or `nil` for numeric ids.
    public var textPrefix: String?

    /// Creates a format.
    public init(textPrefix: String?) {
        self.textPrefix = textPrefix
    }

    /// The format of a training column: numeric storage gives numbers, text gives a prefix.
    public static func learned(from column: Column) -> IdentifierFormat {
        guard let (codes, levels) = column.categories else { return IdentifierFormat(textPrefix: nil) }
        var prefix: Substring?
        for code in codes where code >= 0 {
            let stem = levels[Int(code)].prefix { !$0.isNumber }
            if let current = prefix {
                prefix = current.commonPrefix(with: stem)[...]
            } else {
                prefix = stem
            }
            if prefix?.isEmpty == true { break }
        }
        let text = String(prefix ?? "")
        return IdentifierFormat(textPrefix: text.isEmpty ? "id-" : text)
    }

    /// `count` unique ids starting at `offset`.
    public func generate(name: String, count: Int, offset: Int) -> Column {
        if let textPrefix {
            let levels = (0..<count).map { "\(textPrefix)\(offset + $0)" }
            return Column(name: name, values: .categorical(codes: (0..<count).map { Int32($0) }, levels: levels))
        }
        return Column(name: name, values: .numeric((0..<count).map { Double(offset + $0) }))
    }
}

/// Rewrites the `id` columns of a sampled table as fresh unique values starting at `offset`
/// and blanks its `pii` columns, so batches written one after another carry distinct ids.
///
/// Text ids keep the non-digit prefix of the table's first id (`"id-"` when none). Columns the
/// schema does not mark `id` or `pii` are returned unchanged. O(rows × id columns).
public func regenerateIdentifiers(in table: Table, schema: Schema, offset: Int) -> Table {
    var result = table
    for columnSchema in schema.columns {
        guard let column = table[columnSchema.name] else { continue }
        switch columnSchema.kind {
        case .id:
            let format = IdentifierFormat.learned(from: column.prefix(1))
            result = result.replacing(format.generate(name: column.name, count: table.rowCount, offset: offset))
        case .pii:
            result = result.replacing(blankColumn(named: column.name, count: table.rowCount))
        default:
            continue
        }
    }
    return result
}

/// `table` with the `id` columns of `schema` (except those named in `keeping`) renumbered as
/// rows `offset..<offset+rowCount` of a fresh id sequence in the format of the column's first
/// value, so rows assembled from several draws (constrained blocks, conditions) carry distinct
/// ids numbered by their place in the output. Other columns are unchanged. O(rows × id columns).
public func renumberingIdentifiers(in table: Table, schema: Schema, offset: Int, keeping: Set<String> = []) -> Table {
    var result = table
    for columnSchema in schema.columns where columnSchema.kind == .id && !keeping.contains(columnSchema.name) {
        guard let column = table[columnSchema.name], column.count > 0 else { continue }
        let format = IdentifierFormat.learned(from: column.prefix(1))
        result = result.replacing(format.generate(name: column.name, count: table.rowCount, offset: offset))
    }
    return result
}

/// A column of `count` missing text values (how `pii` columns are written until they are faked).
public func blankColumn(named name: String, count: Int) -> Column {
    Column(name: name, values: .categorical(codes: [Int32](repeating: -1, count: count), levels: []))
}

extension Column {
    /// The first `count` rows.
    func prefix(_ count: Int) -> Column {
        gathering(Array(0..<Swift.min(count, self.count)))
    }
}
