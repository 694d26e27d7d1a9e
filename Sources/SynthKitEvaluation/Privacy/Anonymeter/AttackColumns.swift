import SynthKitTable

/// The compared columns of several tables read for the anonymeter-style attacks: numeric columns
/// as numbers (NaN = missing), categorical columns as codes shared by every table (missing is a
/// code of its own), so values compare across tables.
struct AttackColumns: Sendable {
    /// One column's values in one table.
    enum Values: Sendable {
        /// Numbers, NaN for missing.
        case numbers([Double])
        /// Category codes shared across the tables; ``AttackColumns/missingCode`` for missing.
        case codes([Int])
    }

    /// The code of a missing category.
    static let missingCode = -1

    /// Column names, in order.
    var names: [String]
    /// Per column, the values.
    var columns: [Values]
    /// Rows.
    var rowCount: Int

    /// Whether column `index` is numeric.
    func isNumeric(_ index: Int) -> Bool {
        if case .numbers = columns[index] { return true }
        return false
    }

    /// Reads `names` of each table with `roles` (numeric roles as numbers, others as shared codes).
    static func read(_ tables: [Table], names: [String], roles: ColumnRoles) -> [AttackColumns] {
        var codes: [String: [String: Int]] = [:]
        var results = tables.map { AttackColumns(names: names, columns: [], rowCount: $0.rowCount) }
        for name in names {
            for (tableIndex, table) in tables.enumerated() {
                guard let column = table[name] else {
                    results[tableIndex].columns.append(.codes([Int](repeating: missingCode, count: table.rowCount)))
                    continue
                }
                if roles.numeric.contains(name), let numbers = roles.numbers(of: column) {
                    results[tableIndex].columns.append(.numbers(numbers))
                } else {
                    var dictionary = codes[name] ?? [:]
                    let values = (0..<table.rowCount).map { row -> Int in
                        guard let text = column.text(at: row) else { return missingCode }
                        if let code = dictionary[text] { return code }
                        dictionary[text] = dictionary.count
                        return dictionary.count - 1
                    }
                    codes[name] = dictionary
                    results[tableIndex].columns.append(.codes(values))
                }
            }
        }
        return results
    }

    /// The rows at `indices`.
    func gathering(_ indices: [Int]) -> AttackColumns {
        AttackColumns(
            names: names,
            columns: columns.map { values in
                switch values {
                case .numbers(let numbers): .numbers(indices.map { numbers[$0] })
                case .codes(let codes): .codes(indices.map { codes[$0] })
                }
            },
            rowCount: indices.count)
    }

    /// A key per row that is equal exactly when the rows are equal (missing equal to missing).
    func rowKeys() -> [[Int64]] {
        (0..<rowCount).map { row in
            columns.map { values -> Int64 in
                switch values {
                case .numbers(let numbers): numbers[row].isNaN ? Int64.min : Int64(bitPattern: (numbers[row] + 0).bitPattern)
                case .codes(let codes): Int64(codes[row])
                }
            }
        }
    }

    /// The rows with duplicates removed, first occurrences kept in order (polars `unique(maintain_order=True)`).
    func deduplicated() -> AttackColumns {
        var seen = Set<[Int64]>()
        var kept: [Int] = []
        for (row, key) in rowKeys().enumerated() where seen.insert(key).inserted { kept.append(row) }
        return gathering(kept)
    }
}
