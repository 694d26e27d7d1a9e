public import SynthKitCore

/// A columnar table: named, typed columns of equal length. An immutable value.
///
/// Tables are what every part of SynthKit reads and writes: the CSV reader produces them,
/// synthesizers fit on and sample them, metrics compare them.
public struct Table: Sendable, Hashable {
    /// The columns, in file order.
    public let columns: [Column]
    /// The number of rows (every column has this many).
    public let rowCount: Int

    /// Creates a table, checking that columns have equal lengths and unique names.
    /// - Throws: ``SynthKitError/Code/invalidInput`` naming the offending column(s).
    public init(columns: [Column]) throws(SynthKitError) {
        var problems: [SynthKitError] = []
        var seen: Set<String> = []
        for column in columns where !seen.insert(column.name).inserted {
            problems.append(SynthKitError(
                .invalidInput, "column name '\(column.name)' appears more than once; names must be unique",
                location: .init(column: column.name)))
        }
        let count = columns.first?.count ?? 0
        for column in columns where column.count != count {
            problems.append(SynthKitError(
                .invalidInput, "column '\(column.name)' has \(column.count) rows, expected \(count)",
                location: .init(column: column.name)))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
        self.columns = columns
        self.rowCount = count
    }

    /// Creates a table known to be consistent (internal constructions).
    package init(unchecked columns: [Column], rowCount: Int) {
        assert(columns.allSatisfy { $0.count == rowCount })
        self.columns = columns
        self.rowCount = rowCount
    }

    /// An empty table with no columns.
    public static var empty: Table { Table(unchecked: [], rowCount: 0) }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column named `name`, if any.
    public subscript(name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The index of the column named `name`, if any.
    public func columnIndex(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The rows at `indices`, in that order.
    public func gatheringRows(_ indices: [Int]) -> Table {
        Table(unchecked: columns.map { $0.gathering(indices) }, rowCount: indices.count)
    }

    /// The first `count` rows (all of them if there are fewer).
    public func prefix(_ count: Int) -> Table {
        gatheringRows(Array(0..<min(count, rowCount)))
    }

    /// A table of the named columns, in the order given.
    /// - Throws: ``SynthKitError/Code/invalidInput`` naming every column that does not exist.
    public func selecting(_ names: [String]) throws(SynthKitError) -> Table {
        var selected: [Column] = []
        var problems: [SynthKitError] = []
        for name in names {
            if let column = self[name] {
                selected.append(column)
            } else {
                problems.append(SynthKitError(
                    .invalidInput, "no column named '\(name)'; columns are \(columnNames.joined(separator: ", "))",
                    location: .init(column: name)))
            }
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
        return Table(unchecked: selected, rowCount: rowCount)
    }

    /// This table with one column replaced (matched by name) or appended.
    public func replacing(_ column: Column) -> Table {
        precondition(column.count == rowCount || columns.isEmpty, "column '\(column.name)' has \(column.count) rows, table has \(rowCount)")
        var updated = columns
        if let index = columnIndex(of: column.name) {
            updated[index] = column
        } else {
            updated.append(column)
        }
        return Table(unchecked: updated, rowCount: column.count)
    }

    /// Rows of several tables with the same columns, one after another.
    ///
    /// Categorical levels are merged: codes are remapped into the union of levels, in order of
    /// first appearance.
    /// - Throws: ``SynthKitError/Code/invalidInput`` when the column names or storage differ.
    public static func concatenating(_ tables: [Table]) throws(SynthKitError) -> Table {
        guard let first = tables.first else { return .empty }
        for table in tables.dropFirst() where table.columnNames != first.columnNames {
            throw SynthKitError(.invalidInput, "tables to concatenate have different columns: \(first.columnNames) vs \(table.columnNames)")
        }
        var merged: [Column] = []
        for (index, name) in first.columnNames.enumerated() {
            let parts = tables.map { $0.columns[index] }
            if parts.allSatisfy({ $0.numbers != nil }) {
                merged.append(Column(name: name, values: .numeric(parts.flatMap { $0.numbers ?? [] })))
            } else if parts.allSatisfy({ $0.categories != nil }) {
                var levels: [String] = []
                var lookup: [String: Int32] = [:]
                var codes: [Int32] = []
                for part in parts {
                    guard let (partCodes, partLevels) = part.categories else { continue }
                    let map: [Int32] = partLevels.map { level in
                        if let code = lookup[level] { return code }
                        let code = Int32(levels.count)
                        lookup[level] = code
                        levels.append(level)
                        return code
                    }
                    codes += partCodes.map { $0 < 0 ? -1 : map[Int($0)] }
                }
                merged.append(Column(name: name, values: .categorical(codes: codes, levels: levels)))
            } else {
                throw SynthKitError(.invalidInput, "column '\(name)' is numeric in one table and text in another", location: .init(column: name))
            }
        }
        return Table(unchecked: merged, rowCount: tables.reduce(0) { $0 + $1.rowCount })
    }
}
