/// Rows of a ``RowEncoder`` encoding without the one-hot zeros: the standardised numbers, and
/// the one-hot block as bits (`words` 64-bit words per row; an all-zero block, a level the
/// encoder never saw, sets no bit). Row-major in both arrays.
///
/// The squared Euclidean distance of the one-hot rows is Σ (numeric differences)² plus the
/// number of one-hot positions that differ, popcount(a XOR b), since every one-hot value is 0
/// or 1; ``NearestNeighbours`` computes it with (numeric features + words) operations per pair
/// instead of one per one-hot level.
struct CompactEncodedRows: Sendable {
    /// The number of rows.
    var rowCount: Int
    /// Numeric features per row.
    var numericWidth: Int
    /// The standardised numbers.
    var numbers: [Double]
    /// Words of one-hot bits per row.
    var words: Int
    /// The one-hot bits.
    var bits: [UInt64]

    /// The rows at `indices`.
    func gathering(_ indices: [Int]) -> CompactEncodedRows {
        var gatheredNumbers: [Double] = []
        var gatheredBits: [UInt64] = []
        gatheredNumbers.reserveCapacity(indices.count * numericWidth)
        gatheredBits.reserveCapacity(indices.count * words)
        for row in indices {
            gatheredNumbers.append(contentsOf: numbers[(row * numericWidth)..<((row + 1) * numericWidth)])
            gatheredBits.append(contentsOf: bits[(row * words)..<((row + 1) * words)])
        }
        return CompactEncodedRows(rowCount: indices.count, numericWidth: numericWidth, numbers: gatheredNumbers, words: words, bits: gatheredBits)
    }
}
