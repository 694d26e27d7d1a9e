extension Tensor {
    /// The transpose of a matrix.
    public func transposed() -> Tensor {
        precondition(rank == 2, "transposed() needs a matrix, shape is \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        return scalars.withUnsafeBufferPointer { source in
            Tensor(shape: [columns, rows]) { target in
                ShapeKernels.transpose(rows: rows, columns: columns, source: source, target: target)
            }
        }
    }

    /// The columns `range` of a matrix (for splitting mixed one-hot / continuous outputs).
    public func columns(_ range: Range<Int>) -> Tensor {
        precondition(rank == 2, "columns(_:) needs a matrix, shape is \(shape)")
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[1], "columns \(range) out of bounds for \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        return scalars.withUnsafeBufferPointer { source in
            Tensor(shape: [rows, range.count]) { target in
                ShapeKernels.copyColumns(
                    rows: rows, width: range.count, source: source, sourceStride: columns, sourceOffset: range.lowerBound,
                    target: target, targetStride: range.count, targetOffset: 0)
            }
        }
    }

    /// A zero matrix with `columnCount` columns holding this matrix at columns
    /// `offset..<offset + self.columnCount`: the adjoint of ``columns(_:)``.
    public func paddedColumns(offset: Int, columnCount total: Int) -> Tensor {
        precondition(rank == 2 && offset >= 0 && offset + shape[1] <= total, "cannot pad \(shape) at \(offset) to \(total) columns")
        let (rows, columns) = (shape[0], shape[1])
        var result = Tensor(zeros: [rows, total])
        scalars.withUnsafeBufferPointer { source in
            result.scalars.withUnsafeMutableBufferPointer { target in
                ShapeKernels.copyColumns(
                    rows: rows, width: columns, source: source, sourceStride: columns, sourceOffset: 0,
                    target: target, targetStride: total, targetOffset: offset)
            }
        }
        return result
    }

    /// Matrices side by side (along columns) or stacked (along rows).
    ///
    /// - Precondition: every part is a matrix and the other dimension agrees.
    public static func concatenate(_ parts: [Tensor], alongAxis axis: Int) -> Tensor {
        precondition(!parts.isEmpty && parts.allSatisfy { $0.rank == 2 }, "concatenate needs matrices, got \(parts.map(\.shape))")
        precondition(axis == 0 || axis == 1, "concatenate supports axis 0 or 1, got \(axis)")
        if axis == 0 {
            let columns = parts[0].shape[1]
            precondition(parts.allSatisfy { $0.shape[1] == columns }, "concatenate rows: column counts differ \(parts.map(\.shape))")
            var scalars: [Float] = []
            scalars.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts { scalars.append(contentsOf: part.scalars) }
            return Tensor(shape: [parts.reduce(0) { $0 + $1.shape[0] }, columns], scalars: scalars)
        }
        let rows = parts[0].shape[0]
        precondition(parts.allSatisfy { $0.shape[0] == rows }, "concatenate columns: row counts differ \(parts.map(\.shape))")
        let total = parts.reduce(0) { $0 + $1.shape[1] }
        return Tensor(shape: [rows, total]) { target in
            var offset = 0
            for part in parts {
                let width = part.shape[1]
                part.scalars.withUnsafeBufferPointer { source in
                    ShapeKernels.copyColumns(
                        rows: rows, width: width, source: source, sourceStride: width, sourceOffset: 0,
                        target: target, targetStride: total, targetOffset: offset)
                }
                offset += width
            }
        }
    }

    /// The rows `indices` of a matrix, in that order (repeats allowed).
    public func gatheringRows(_ indices: [Int]) -> Tensor {
        precondition(rank == 2, "gatheringRows needs a matrix, shape is \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        for index in indices {
            precondition(index >= 0 && index < rows, "row index \(index) out of bounds for \(shape)")
        }
        return scalars.withUnsafeBufferPointer { source in
            Tensor(shape: [indices.count, columns]) { target in
                ShapeKernels.gatherRows(indices, width: columns, source: source, target: target)
            }
        }
    }

    /// A `[rowCount, columns]` zero matrix with row `i` of this matrix added into row
    /// `indices[i]`: the adjoint of ``gatheringRows(_:)``.
    public func scatteringRows(_ indices: [Int], rowCount: Int) -> Tensor {
        precondition(rank == 2 && indices.count == shape[0], "scatteringRows: \(indices.count) indices for shape \(shape)")
        for target in indices {
            precondition(target >= 0 && target < rowCount, "row index \(target) out of bounds for \(rowCount) rows")
        }
        let columns = shape[1]
        var result = Tensor(zeros: [rowCount, columns])
        scalars.withUnsafeBufferPointer { source in
            result.scalars.withUnsafeMutableBufferPointer { target in
                ShapeKernels.scatterAddRows(indices, width: columns, source: source, target: target)
            }
        }
        return result
    }

    /// The index of the largest element of each row of a matrix (first on ties).
    public func argmaxPerRow() -> [Int] {
        precondition(rank == 2, "argmaxPerRow needs a matrix, shape is \(shape)")
        let columns = shape[1]
        return (0..<shape[0]).map { row in
            var best = 0
            for column in 1..<Swift.max(columns, 1) where scalars[row * columns + column] > scalars[row * columns + best] {
                best = column
            }
            return best
        }
    }

    /// A one-hot matrix: row i has a 1 at column `indices[i]`.
    public static func oneHot(_ indices: [Int], classCount: Int) -> Tensor {
        var result = Tensor(zeros: [indices.count, classCount])
        for (row, index) in indices.enumerated() {
            precondition(index >= 0 && index < classCount, "one-hot index \(index) out of range 0..<\(classCount)")
            result.scalars[row * classCount + index] = 1
        }
        return result
    }
}
