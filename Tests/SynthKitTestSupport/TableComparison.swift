public import SynthKit

/// Bit-level table equality: NaN equals NaN, -0 differs from +0 (unlike `==` on doubles).
public func tablesAreIdentical(_ first: Table, _ second: Table) -> Bool {
    guard first.rowCount == second.rowCount, first.columnNames == second.columnNames else { return false }
    for (left, right) in zip(first.columns, second.columns) {
        switch (left.values, right.values) {
        case (.numeric(let a), .numeric(let b)):
            if !a.elementsEqual(b, by: { $0.bitPattern == $1.bitPattern }) { return false }
        case (.categorical, .categorical):
            for row in 0..<left.count where left.text(at: row) != right.text(at: row) { return false }
        default:
            return false
        }
    }
    return true
}
