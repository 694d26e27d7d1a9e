extension Tensor {
    /// Adds `right` into this tensor element by element, without allocating when the storage is
    /// not shared (gradient accumulation); broadcasts `right` when the shapes differ.
    public static func += (left: inout Tensor, right: Tensor) {
        guard left.shape == right.shape else {
            left = left + right
            return
        }
        right.scalars.withUnsafeBufferPointer { source in
            left.scalars.withUnsafeMutableBufferPointer { target in
                ElementwiseKernels.addInPlace(source, target)
            }
        }
    }

    /// Sets every row of this matrix to `row` (a vector of its column count).
    mutating func fillRows(with row: Tensor) {
        precondition(rank == 2 && row.count == shape[1], "fillRows: row of \(row.shape) for matrix \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        row.scalars.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                for index in 0..<rows { (to + index &* columns).update(from: from, count: columns) }
            }
        }
    }
}
