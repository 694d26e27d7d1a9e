/// Rows of a ``RowEncoder`` encoding without the one-hot zeros: standardised numbers, and per
/// categorical column the position of the row's one-hot 1 (−1 for an all-zero block: a level
/// the encoder never saw). Row-major in both arrays.
///
/// The squared Euclidean distance of the one-hot rows is Σ (numeric differences)² plus, per
/// categorical column whose positions differ, 1 for each side that has a 1; ``NearestNeighbours``
/// computes it with (numeric + categorical) instead of (numeric + Σ levels) operations per pair.
struct CompactEncodedRows: Sendable {
    /// The number of rows.
    var rowCount: Int
    /// Numeric features per row.
    var numericWidth: Int
    /// The standardised numbers.
    var numbers: [Double]
    /// Categorical columns per row.
    var categoricalWidth: Int
    /// One-hot positions, −1 for none.
    var codes: [Int32]

    /// The rows at `indices`.
    func gathering(_ indices: [Int]) -> CompactEncodedRows {
        var gatheredNumbers: [Double] = []
        var gatheredCodes: [Int32] = []
        gatheredNumbers.reserveCapacity(indices.count * numericWidth)
        gatheredCodes.reserveCapacity(indices.count * categoricalWidth)
        for row in indices {
            gatheredNumbers.append(contentsOf: numbers[(row * numericWidth)..<((row + 1) * numericWidth)])
            gatheredCodes.append(contentsOf: codes[(row * categoricalWidth)..<((row + 1) * categoricalWidth)])
        }
        return CompactEncodedRows(
            rowCount: indices.count, numericWidth: numericWidth, numbers: gatheredNumbers, categoricalWidth: categoricalWidth, codes: gatheredCodes)
    }
}
