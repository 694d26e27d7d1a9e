public import SynthKitCore
public import SynthKitTable

extension FakeValueGenerator {
    /// `table` with every `pii` column of `schema` filled with fake values for global rows
    /// `offset..<offset+rowCount` (kind from the schema's `piiKind`, `.other` when absent).
    /// Other columns are unchanged. O(rows × pii columns).
    public func filling(_ table: Table, schema: Schema, seed: Seed, offset: Int) -> Table {
        var result = table
        for columnSchema in schema.columns where columnSchema.kind == .pii {
            guard table[columnSchema.name] != nil else { continue }
            result = result.replacing(column(
                name: columnSchema.name, kind: columnSchema.piiKind ?? .other, count: table.rowCount,
                seed: seed, offset: offset))
        }
        return result
    }
}
