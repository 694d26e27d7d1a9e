/// Row-block copies for slicing, concatenation, gather and scatter of row-major matrices.
///
/// Each copies whole row segments with `memcpy`-style moves: no per-element or per-row array
/// slices (which cost a retain and release each).
enum ShapeKernels {
    /// Copies `width` columns from each of `rows` rows: source row r at
    /// `source + r * sourceStride + sourceOffset`, target row r at `target + r * targetStride + targetOffset`.
    static func copyColumns(
        rows: Int, width: Int, source: UnsafeBufferPointer<Float>, sourceStride: Int, sourceOffset: Int,
        target: UnsafeMutableBufferPointer<Float>, targetStride: Int, targetOffset: Int
    ) {
        guard width > 0, let from = source.baseAddress, let to = target.baseAddress else { return }
        for row in 0..<rows {
            (to + (row &* targetStride &+ targetOffset)).update(from: from + (row &* sourceStride &+ sourceOffset), count: width)
        }
    }

    /// Copies source rows `indices[i]` to target row i (gather).
    static func gatherRows(
        _ indices: [Int], width: Int, source: UnsafeBufferPointer<Float>, target: UnsafeMutableBufferPointer<Float>
    ) {
        guard width > 0, let from = source.baseAddress, let to = target.baseAddress else { return }
        for (row, index) in indices.enumerated() {
            (to + row &* width).update(from: from + index &* width, count: width)
        }
    }

    /// Adds source row i into target row `indices[i]` (scatter-add).
    static func scatterAddRows(
        _ indices: [Int], width: Int, source: UnsafeBufferPointer<Float>, target: UnsafeMutableBufferPointer<Float>
    ) {
        guard width > 0, let from = source.baseAddress, let to = target.baseAddress else { return }
        for (row, index) in indices.enumerated() {
            let targetRow = to + index &* width
            let sourceRow = from + row &* width
            for column in 0..<width { targetRow[column] += sourceRow[column] }
        }
    }

    /// Writes the transpose of a `rows x columns` matrix, in 16 x 16 blocks.
    static func transpose(
        rows: Int, columns: Int, source: UnsafeBufferPointer<Float>, target: UnsafeMutableBufferPointer<Float>
    ) {
        guard let from = source.baseAddress, let to = target.baseAddress else { return }
        var rowBlock = 0
        while rowBlock < rows {
            var columnBlock = 0
            while columnBlock < columns {
                for row in rowBlock..<min(rowBlock &+ 16, rows) {
                    for column in columnBlock..<min(columnBlock &+ 16, columns) {
                        to[column &* rows &+ row] = from[row &* columns &+ column]
                    }
                }
                columnBlock &+= 16
            }
            rowBlock &+= 16
        }
    }
}
