extension Variable {
    /// The columns `range` of a matrix; the pullback pads the gradient back with zeros.
    public func columns(_ range: Range<Int>) -> Variable {
        let total = value.shape[1]
        return Variable.record(value.columns(range), [self]) { context in
            [context.upstream.paddedColumns(offset: range.lowerBound, columnCount: total)]
        }
    }

    /// Places this matrix at columns `offset...` of a zero matrix with `columnCount` columns.
    public func paddedColumns(offset: Int, columnCount: Int) -> Variable {
        let width = value.shape[1]
        return Variable.record(value.paddedColumns(offset: offset, columnCount: columnCount), [self]) { context in
            [context.upstream.columns(offset..<(offset + width))]
        }
    }

    /// Matrices side by side (axis 1) or stacked (axis 0); the pullback splits the gradient.
    public static func concatenate(_ parts: [Variable], alongAxis axis: Int) -> Variable {
        let value = Tensor.concatenate(parts.map(\.value), alongAxis: axis)
        let sizes = parts.map { $0.shape[axis] }
        return record(value, parts) { context in
            var offset = 0
            return sizes.enumerated().map { index, size in
                defer { offset += size }
                guard context.needs(index) else { return nil }
                if axis == 1 { return context.upstream.columns(offset..<(offset + size)) }
                return context.upstream.gatheringRows(Array(offset..<(offset + size)))
            }
        }
    }

    /// The rows `indices` of a matrix; the pullback scatter-adds into the source rows.
    public func gatheringRows(_ indices: [Int]) -> Variable {
        let rowCount = value.shape[0]
        return Variable.record(value.gatheringRows(indices), [self]) { context in
            [context.upstream.scatteringRows(indices, rowCount: rowCount)]
        }
    }

    /// Adds row i into row `indices[i]` of a `[rowCount, columns]` zero matrix; the pullback gathers.
    public func scatteringRows(_ indices: [Int], rowCount: Int) -> Variable {
        Variable.record(value.scatteringRows(indices, rowCount: rowCount), [self]) { context in
            [context.upstream.gatheringRows(indices)]
        }
    }
}
