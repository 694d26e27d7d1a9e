import Foundation
public import SynthKitTable

/// How an `id` column is regenerated: never learned, always fresh unique values in the
/// training ids' format.
///
/// Numeric training ids become `offset, offset+1, ...`. Text ids keep the format inferred from
/// the training values: the non-digit prefix they share, then the number, zero-padded to the
/// width every training id has (e.g. `CUST-000123` gives `CUST-\d{6}`), then a suffix they all
/// share (`INV-0042-EU` gives `INV-\d{4}-EU`). Numbers wider than the width keep every digit, so
/// ids stay unique. Zero-padded digit strings (`000123`) keep no prefix; other text without a
/// shared prefix gets `"id-"`.
public struct IdentifierFormat: Codable, Hashable, Sendable {
    /// The text prefix, or `nil` for numeric ids.
    public var textPrefix: String?
    /// The zero-padded width of the number, or `nil` for no padding.
    public var digitCount: Int?
    /// The text after the number, or `nil` for none.
    public var textSuffix: String?

    /// Creates a format.
    public init(textPrefix: String?, digitCount: Int? = nil, textSuffix: String? = nil) {
        self.textPrefix = textPrefix
        self.digitCount = digitCount
        self.textSuffix = textSuffix
    }

    /// The format as a regular expression, e.g. `CUST-\d{6}` (`\d+` for numeric ids).
    public var pattern: String {
        guard let textPrefix else { return "\\d+" }
        return textPrefix + (digitCount.map { "\\d{\($0)}" } ?? "\\d+") + (textSuffix ?? "")
    }

    /// The format of a training column: numeric storage gives numbers, text the inferred
    /// prefix, width and suffix. O(distinct values × length).
    public static func learned(from column: Column) -> IdentifierFormat {
        guard let (codes, levels) = column.categories else { return IdentifierFormat(textPrefix: nil) }
        var used = [Bool](repeating: false, count: levels.count)
        for code in codes where code >= 0 { used[Int(code)] = true }
        let values = levels.indices.filter { used[$0] }.map { levels[$0] }
        var prefix: Substring?
        for value in values {
            let stem = value.prefix { !$0.isNumber }
            prefix = prefix.map { $0.commonPrefix(with: stem)[...] } ?? stem
            if prefix?.isEmpty == true { break }
        }
        let sharedPrefix = String(prefix ?? "")
        var widths: Set<Int> = []
        var suffixes: Set<Substring> = []
        var zeroPadded = false
        for value in values {
            let rest = value.dropFirst(sharedPrefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            widths.insert(digits.count)
            suffixes.insert(rest.dropFirst(digits.count))
            if digits.count > 1 && digits.first == "0" { zeroPadded = true }
        }
        let hasDigits = !widths.isEmpty && !widths.contains(0)
        let width = hasDigits && widths.count == 1 ? widths.first : nil
        let suffix = hasDigits && suffixes.count == 1 ? suffixes.first.map(String.init) : nil
        if sharedPrefix.isEmpty {
            guard zeroPadded, let width, suffix?.isEmpty != false else { return IdentifierFormat(textPrefix: "id-") }
            return IdentifierFormat(textPrefix: "", digitCount: width)
        }
        return IdentifierFormat(textPrefix: sharedPrefix, digitCount: width, textSuffix: suffix?.isEmpty == false ? suffix : nil)
    }

    /// `count` unique ids starting at `offset`.
    public func generate(name: String, count: Int, offset: Int) -> Column {
        if let textPrefix {
            let suffix = textSuffix ?? ""
            let levels = (0..<count).map { index -> String in
                let number = String(offset + index)
                let padding = max(0, (digitCount ?? 0) - number.count)
                return textPrefix + String(repeating: "0", count: padding) + number + suffix
            }
            return Column(name: name, values: .categorical(codes: (0..<count).map { Int32($0) }, levels: levels))
        }
        return Column(name: name, values: .numeric((0..<count).map { Double(offset + $0) }))
    }

    /// The first number not below any id of `column` in this format (numeric ids: the largest
    /// value + 1; text: the largest number found after the prefix + 1), so ids generated from
    /// it never repeat the column's. O(rows).
    public func nextNumber(after column: Column) -> Int {
        var largest = -1
        for row in 0..<column.count {
            guard let text = column.text(at: row) else { continue }
            if let number = Double(text), textPrefix == nil, number.isFinite {
                largest = max(largest, Int(number.rounded(.down)))
                continue
            }
            let rest = text.hasPrefix(textPrefix ?? "") ? text.dropFirst((textPrefix ?? "").count) : text[...]
            if let number = Int(rest.prefix { $0.isASCII && $0.isNumber }.prefix(18)) { largest = max(largest, number) }
        }
        return largest + 1
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
