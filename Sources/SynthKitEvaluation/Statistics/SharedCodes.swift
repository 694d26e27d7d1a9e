package import SynthKitTable

/// Dictionary codes shared by a real and a synthetic column, so equal values get equal codes.
///
/// Values compare as pandas compares them in a `Counter` or a `groupby`: texts by text, numbers
/// by value, and a text never equals a number (a real column read as text and a synthetic one
/// read as numbers share no category, as in SDMetrics); a column spelled only with pandas' boolean
/// words compares as booleans (`true` = `TRUE` = `True`). Missing values get code −1, or their own
/// code with ``withMissingAsCategory()``.
///
/// Complexity: O(levels) for text columns, O(n) hash lookups for numeric ones.
package struct SharedCodes: Sendable {
    /// A value as pandas would hash it.
    private enum Key: Hashable {
        case text(String)
        case number(Double)
    }

    /// Codes of the real rows; −1 is missing unless missing values were made a category.
    package var real: [Int32]
    /// Codes of the synthetic rows.
    package var synthetic: [Int32]
    /// How many codes are in use (0..<categoryCount).
    package var categoryCount: Int
    /// A display name per code.
    package var names: [String]

    /// Codes for one column of each table, or for any two columns to compare as categories.
    package init(real: Column, synthetic: Column) {
        var lookup: [Key: Int32] = [:]
        var names: [String] = []
        func encode(_ column: Column) -> [Int32] {
            switch column.values {
            case .categorical(let codes, let levels):
                let booleans = !levels.isEmpty && levels.allSatisfy { Self.booleanSpellings[$0] != nil }
                let map: [Int32] = levels.map { level in
                    let key = Key.text(booleans ? (Self.booleanSpellings[level] ?? level) : level)
                    if let code = lookup[key] { return code }
                    let code = Int32(names.count)
                    lookup[key] = code
                    names.append(booleans ? (Self.booleanSpellings[level] ?? level) : level)
                    return code
                }
                return codes.map { $0 < 0 ? -1 : map[Int($0)] }
            case .numeric(let numbers):
                return numbers.map { value in
                    if value.isNaN { return -1 }
                    let key = Key.number(value)
                    if let code = lookup[key] { return code }
                    let code = Int32(names.count)
                    lookup[key] = code
                    names.append(NumberFormatting.shortest(value))
                    return code
                }
            }
        }
        self.real = encode(real)
        self.synthetic = encode(synthetic)
        self.categoryCount = names.count
        self.names = names
    }

    /// The spellings pandas' CSV parser reads as booleans (`true_values`/`false_values` defaults);
    /// a text column made only of these holds Python `bool`s, so `true` equals `True`.
    static let booleanSpellings: [String: String] = [
        "True": "True", "TRUE": "True", "true": "True", "False": "False", "FALSE": "False", "false": "False",
    ]

    /// Codes already computed elsewhere (bin indices), with `categoryCount` codes in use.
    package init(real: [Int32], synthetic: [Int32], categoryCount: Int) {
        self.real = real
        self.synthetic = synthetic
        self.categoryCount = categoryCount
        self.names = (0..<categoryCount).map { String($0) }
    }

    /// The same codes with missing values as one more category (pandas `dropna=False`).
    package func withMissingAsCategory() -> SharedCodes {
        let missingCode = Int32(categoryCount)
        var copy = self
        copy.real = real.map { $0 < 0 ? missingCode : $0 }
        copy.synthetic = synthetic.map { $0 < 0 ? missingCode : $0 }
        copy.categoryCount += 1
        copy.names.append("(missing)")
        return copy
    }

    /// Per-code counts of non-missing values.
    package static func counts(_ codes: [Int32], categoryCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: categoryCount)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        return counts
    }
}
