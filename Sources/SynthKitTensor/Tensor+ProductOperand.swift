import SynthKitGemm

/// One factor of a matrix product: op(S[:, columns]) for a stored matrix S, where op transposes
/// when asked. A column slice of a weight matrix (the part of a layer that reads one input of a
/// concatenation) is a view, not a copy.
struct ProductOperand {
    /// The stored matrix S.
    var tensor: Tensor
    /// Whether the factor is the transpose of the slice.
    var transposed: Bool
    /// The columns of S the factor reads.
    var storedColumns: Range<Int>

    init(_ tensor: Tensor, transposed: Bool = false, storedColumns: Range<Int>? = nil) {
        precondition(tensor.rank == 2, "a product factor must be a matrix, got \(tensor.shape)")
        let columns = storedColumns ?? 0..<tensor.shape[1]
        precondition(
            columns.lowerBound >= 0 && columns.upperBound <= tensor.shape[1],
            "column slice \(columns) out of bounds for \(tensor.shape)")
        self.tensor = tensor
        self.transposed = transposed
        self.storedColumns = columns
    }

    /// Rows of the factor.
    var rows: Int { transposed ? storedColumns.count : tensor.shape[0] }
    /// Columns of the factor.
    var columns: Int { transposed ? tensor.shape[0] : storedColumns.count }

    /// The strided view of the factor over S's storage at `base`.
    func view(_ base: UnsafePointer<Float>) -> MatrixView {
        let stride = tensor.shape[1]
        let start = base + storedColumns.lowerBound
        return transposed
            ? MatrixView(base: start, rowStride: 1, columnStride: stride)
            : MatrixView(base: start, rowStride: stride, columnStride: 1)
    }
}

extension Tensor {
    /// Writes (or, with `accumulate`, adds) op(left)·op(right) into columns
    /// `columnOffset..<columnOffset + right.columns` of the matrix `output`.
    ///
    /// `packedRight`, when given, must hold exactly op(right) packed (see `PackedRightOperand`);
    /// then a left factor that is at least 80% zeros takes the sparse path (`SparseRowProduct`).
    /// Without it, Gᵀ·B with B at least 80% zeros (the weight gradient of a one-hot input) takes
    /// the transposed sparse path.
    /// The result is bit-identical for any thread count.
    static func multiply(
        _ left: ProductOperand, _ right: ProductOperand, into output: inout Tensor, columnOffset: Int = 0,
        accumulate: Bool, packedRight: PackedRightOperand? = nil, threads: Int? = nil
    ) {
        let (rows, depth, columns) = (left.rows, left.columns, right.columns)
        precondition(depth == right.rows, "matrix product: inner sizes differ, \(left.rows)x\(left.columns) by \(right.rows)x\(right.columns)")
        precondition(
            output.rank == 2 && output.shape[0] == rows && columnOffset >= 0 && columnOffset + columns <= output.shape[1],
            "matrix product of \(rows)x\(columns) does not fit output \(output.shape) at column \(columnOffset)")
        if rows == 0 || columns == 0 { return }
        let workers = threads ?? (rows * columns * depth >= 1 << 21 ? TensorDefaults.threadCount : 1)
        let ldc = output.shape[1]
        left.tensor.scalars.withUnsafeBufferPointer { leftBuffer in
            right.tensor.scalars.withUnsafeBufferPointer { rightBuffer in
                output.scalars.withUnsafeMutableBufferPointer { outputBuffer in
                    guard let leftBase = leftBuffer.baseAddress, let rightBase = rightBuffer.baseAddress,
                        let outputBase = outputBuffer.baseAddress
                    else { return }
                    if let packedRight, !left.transposed, packedRight.matches(depth: depth, columns: columns),
                        let sparse = SparseRowProduct.CompressedRows(left.view(leftBase), rows: rows, columns: depth)
                    {
                        SparseRowProduct.multiply(
                            sparse, rows: rows, packed: packedRight, c: outputBase + columnOffset, ldc: ldc, accumulate: accumulate)
                        return
                    }
                    if packedRight == nil, left.transposed, !right.transposed, rows * columns >= 1024,
                        let sparse = SparseRowProduct.CompressedRows(right.view(rightBase), rows: depth, columns: columns)
                    {
                        let leftView = left.view(leftBase)
                        SparseRowProduct.multiplyTransposedLeft(
                            leftView.base, gStride: leftView.columnStride, rows: rows, sparse: sparse, depth: depth, columns: columns,
                            c: outputBase + columnOffset, ldc: ldc, accumulate: accumulate)
                        return
                    }
                    GemmKernel.active.multiply(
                        rowCount: rows, columnCount: columns, depth: depth, a: left.view(leftBase), b: right.view(rightBase),
                        c: outputBase + columnOffset, ldc: ldc, accumulate: accumulate, threads: Swift.max(1, workers),
                        prepackedB: packedRight?.prepacked)
                    withExtendedLifetime(packedRight) {}
                }
            }
        }
    }

    /// op(left)·op(right) as a new matrix (every element written by the product).
    static func product(
        _ left: ProductOperand, _ right: ProductOperand, packedRight: PackedRightOperand? = nil, threads: Int? = nil
    ) -> Tensor {
        var output = Tensor(uninitializedShape: [left.rows, right.columns])
        if left.columns == 0 {
            output.scalars.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            return output
        }
        multiply(left, right, into: &output, accumulate: false, packedRight: packedRight, threads: threads)
        return output
    }

    /// A tensor whose elements are not initialised (the caller overwrites every one).
    init(uninitializedShape shape: [Int]) {
        self.init(shape: shape) { _ in }
    }
}
