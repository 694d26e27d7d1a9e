public import SynthKitCore
public import SynthKitTable

/// How fake values of one output relate to each other.
public enum PIIConsistency: Hashable, Sendable {
    /// Every row gets its own fake values (row `i` from `seed.derived("pii.<column>", index: i)`).
    case perRow
    /// A cell that already holds a value (e.g. fixed by `--conditions`) gets a fake chosen by
    /// that value, so the same input gives the same fake throughout the output; empty cells
    /// get per-row fakes.
    case perValue
    /// Rows sharing a value of `key` (a generated entity, e.g. a customer id repeated in a
    /// conditions file) get the same fake in every `pii` column; rows with no key value get
    /// per-row fakes.
    case perKey(String)
}

extension FakeValueGenerator {
    /// `table` with every `pii` column of `schema` filled with fake values for global rows
    /// `offset..<offset+rowCount` (kind from the schema's `piiKind`, `.other` when absent).
    ///
    /// Input values are never written and never stored: with ``PIIConsistency/perValue`` or
    /// ``PIIConsistency/perKey(_:)`` they only choose the random stream
    /// (`seed.derived("pii.<column>.value=<text>")`), so the mapping exists within one output
    /// (one seed) only. Other columns are unchanged. O(rows × pii columns).
    public func filling(_ table: Table, schema: Schema, seed: Seed, offset: Int, consistency: PIIConsistency = .perRow) -> Table {
        var result = table
        for columnSchema in schema.columns where columnSchema.kind == .pii {
            guard let column = table[columnSchema.name] else { continue }
            let kind = columnSchema.piiKind ?? .other
            let perRow = self.column(name: columnSchema.name, kind: kind, count: table.rowCount, seed: seed, offset: offset)
            let keys: Column?
            switch consistency {
            case .perRow: keys = nil
            case .perValue: keys = column
            case .perKey(let name): keys = table[name]
            }
            guard let keys else {
                result = result.replacing(perRow)
                continue
            }
            var cache: [String: String] = [:]
            let values: [String?] = (0..<table.rowCount).map { row in
                guard let key = keys.text(at: row) else { return perRow.text(at: row) }
                if let known = cache[key] { return known }
                var stream = seed.derived("pii.\(columnSchema.name).value=\(key)").stream()
                let fake = value(kind: kind, stream: &stream)
                cache[key] = fake
                return fake
            }
            result = result.replacing(Column(name: columnSchema.name, strings: values))
        }
        return result
    }
}
