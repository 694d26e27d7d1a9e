import SynthKitGemm

/// Products whose left factor is mostly zeros (one-hot condition vectors, one-hot encoded real
/// rows) against a packed right factor: only the nonzero entries of each row are multiplied.
///
/// `C[i, :] (+)= Σ_{k : A[i,k] ≠ 0} A[i, k] · B[k, :]`, panel by panel of B (each panel stays in
/// L2 while every row walks its nonzeros), so the cost is proportional to the nonzero count
/// rather than to the depth. The terms of each row are added in increasing k, whatever the
/// thread count, so the result is deterministic; it equals the dense product up to rounding
/// (the dense kernel adds in depth blocks of `GemmBlocking.depthBlock`).
enum SparseRowProduct {
    /// The densest left factor routed here: above it the dense kernel, which keeps B in
    /// registers across several rows, is faster.
    static let maximumDensity = 0.2

    /// The nonzeros of a row-major view, row by row, or nil as soon as more than
    /// `maximumDensity` of the entries turn out to be nonzero.
    struct CompressedRows {
        var rowStarts: [Int]
        var columns: [Int]
        var values: [Float]

        init?(_ a: MatrixView, rows: Int, columns columnCount: Int) {
            precondition(a.columnStride == 1, "CompressedRows reads rows with unit column stride")
            let limit = Int(Double(rows * columnCount) * SparseRowProduct.maximumDensity)
            // A vectorised count first, stopping as soon as the matrix is too dense (after one
            // row when that row is twice as dense as allowed: dense inputs, ReLU activations).
            if rows > 0 && Double(SparseRowProduct.nonzeroCount(a.base, columnCount)) > 2 * SparseRowProduct.maximumDensity * Double(columnCount) {
                return nil
            }
            var count = 0
            for row in 0..<rows {
                count &+= SparseRowProduct.nonzeroCount(a.base + row &* a.rowStride, columnCount)
                if count > limit { return nil }
            }
            var rowStarts = [Int](repeating: 0, count: rows + 1)
            var columns: [Int] = []
            var values: [Float] = []
            columns.reserveCapacity(count)
            values.reserveCapacity(count)
            for row in 0..<rows {
                let source = a.base + row &* a.rowStride
                // Whole vectors of zeros (most of a one-hot row) are skipped at once.
                var column = 0
                while column < columnCount {
                    if column &+ 8 <= columnCount,
                        UnsafeRawPointer(source + column).loadUnaligned(as: SIMD8<Float>.self) == SIMD8<Float>()
                    {
                        column &+= 8
                        continue
                    }
                    let end = Swift.min(column &+ 8, columnCount)
                    while column < end {
                        if source[column] != 0 {
                            columns.append(column)
                            values.append(source[column])
                        }
                        column &+= 1
                    }
                }
                rowStarts[row + 1] = columns.count
            }
            self.rowStarts = rowStarts
            self.columns = columns
            self.values = values
        }
    }

    /// The number of nonzero floats among `count` at `source`.
    static func nonzeroCount(_ source: UnsafePointer<Float>, _ count: Int) -> Int {
        let lanes = FloatVector.scalarCount
        let raw = UnsafeRawPointer(source)
        var counts = IntVector()
        var index = 0
        while index &+ lanes <= count {
            let value = raw.loadUnaligned(fromByteOffset: index &* 4, as: FloatVector.self)
            counts &+= IntVector(repeating: 1).replacing(with: 0, where: value .== 0)
            index &+= lanes
        }
        var total = Int(counts.wrappedSum())
        while index < count {
            if source[index] != 0 { total &+= 1 }
            index &+= 1
        }
        return total
    }

    /// `C (+)= A · B` with A given by its nonzeros and B by its packed panels.
    static func multiply(
        _ a: CompressedRows, rows: Int, packed: PackedRightOperand, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulate: Bool
    ) {
        let width = GemmKernel.active.panelColumns
        let lanes = FloatVector.scalarCount
        // Each pass over a row's nonzeros fills two vectors of a panel: one pass per panel on
        // matching widths, two when the panels are twice as wide as two vectors.
        let chunk = 2 * lanes
        precondition(width % chunk == 0, "SparseRowProduct expects panels of whole vector pairs, got \(width) columns")
        let (depth, columnCount) = (packed.depth, packed.columns)
        // Where step k of panel 0 starts, and the distance between panels, in k's depth block.
        var stepOffsets = [Int](repeating: 0, count: depth)
        var panelStrides = [Int](repeating: 0, count: depth)
        let base = packed.panels(depthStart: 0)
        var depthStart = 0
        while depthStart < depth {
            let steps = min(GemmBlocking.depthBlock, depth - depthStart)
            let blockOffset = packed.panels(depthStart: depthStart) - base
            for step in 0..<steps {
                stepOffsets[depthStart + step] = blockOffset + step * width
                panelStrides[depthStart + step] = steps * width
            }
            depthStart += steps
        }
        let tile = UnsafeMutablePointer<Float>.allocate(capacity: chunk)
        defer { tile.deallocate() }
        let chunks = (columnCount + chunk - 1) / chunk
        a.columns.withUnsafeBufferPointer { columnBuffer in
            a.values.withUnsafeBufferPointer { valueBuffer in
                stepOffsets.withUnsafeBufferPointer { offsets in
                    panelStrides.withUnsafeBufferPointer { strides in
                        for chunkIndex in 0..<chunks {
                            let firstColumn = chunkIndex &* chunk
                            let (panel, panelColumn) = firstColumn.quotientAndRemainder(dividingBy: width)
                            let live = min(chunk, columnCount &- firstColumn)
                            for row in 0..<rows {
                                var first = FloatVector()
                                var second = FloatVector()
                                for entry in a.rowStarts[row]..<a.rowStarts[row &+ 1] {
                                    let step = columnBuffer[entry]
                                    let factor = FloatVector(repeating: valueBuffer[entry])
                                    let source = UnsafeRawPointer(base + (offsets[step] &+ panel &* strides[step] &+ panelColumn))
                                    first = first.addingProduct(factor, source.loadUnaligned(as: FloatVector.self))
                                    second = second.addingProduct(
                                        factor, source.loadUnaligned(fromByteOffset: lanes &* 4, as: FloatVector.self))
                                }
                                let target = c + (row &* ldc &+ firstColumn)
                                if live == chunk {
                                    let raw = UnsafeMutableRawPointer(target)
                                    if accumulate {
                                        first += raw.loadUnaligned(as: FloatVector.self)
                                        second += raw.loadUnaligned(fromByteOffset: lanes &* 4, as: FloatVector.self)
                                    }
                                    raw.storeBytes(of: first, as: FloatVector.self)
                                    raw.storeBytes(of: second, toByteOffset: lanes &* 4, as: FloatVector.self)
                                } else {
                                    UnsafeMutableRawPointer(tile).storeBytes(of: first, as: FloatVector.self)
                                    UnsafeMutableRawPointer(tile).storeBytes(of: second, toByteOffset: lanes &* 4, as: FloatVector.self)
                                    for column in 0..<live {
                                        target[column] = accumulate ? target[column] + tile[column] : tile[column]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        withExtendedLifetime(packed) {}
    }
}

extension SparseRowProduct {
    /// `C (+)= Gᵀ · B` for a dense G (`depth x rows`, row stride `gStride`) and a mostly-zero B
    /// (`depth x columns`, given by its nonzeros): a layer's weight gradient for a one-hot input.
    ///
    /// Accumulates T = Bᵀ·G row by row of B (Tₙ += b_kn · G_k, contiguous), then writes Tᵀ into C
    /// in 16 x 16 blocks. Terms are added in increasing k, so the result is deterministic.
    static func multiplyTransposedLeft(
        _ g: UnsafePointer<Float>, gStride: Int, rows: Int, sparse b: CompressedRows, depth: Int, columns: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        let transposed = UnsafeMutablePointer<Float>.allocate(capacity: max(columns &* rows, 1))
        defer { transposed.deallocate() }
        transposed.update(repeating: 0, count: columns &* rows)
        b.columns.withUnsafeBufferPointer { columnBuffer in
            b.values.withUnsafeBufferPointer { valueBuffer in
                for step in 0..<depth {
                    let source = g + step &* gStride
                    for entry in b.rowStarts[step]..<b.rowStarts[step &+ 1] {
                        let target = transposed + columnBuffer[entry] &* rows
                        let factor = valueBuffer[entry]
                        for index in 0..<rows { target[index] += factor * source[index] }
                    }
                }
            }
        }
        // C = Tᵀ: whole 8 x 8 tiles through registers, the ragged edges element by element.
        let wholeRows = rows - rows % 8
        let wholeColumns = columns - columns % 8
        var rowBlock = 0
        while rowBlock < wholeRows {
            var columnBlock = 0
            while columnBlock < wholeColumns {
                MatrixTranspose.tile(
                    from: transposed + (columnBlock &* rows &+ rowBlock), sourceStride: rows,
                    to: c + (rowBlock &* ldc &+ columnBlock), targetStride: ldc, accumulate: accumulate)
                columnBlock &+= 8
            }
            rowBlock &+= 8
        }
        for row in 0..<rows {
            let target = c + row &* ldc
            let firstColumn = row < wholeRows ? wholeColumns : 0
            for column in firstColumn..<columns {
                let value = transposed[column &* rows &+ row]
                target[column] = accumulate ? target[column] + value : value
            }
        }
    }
}
