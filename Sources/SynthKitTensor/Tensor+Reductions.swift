extension Tensor {
    /// The sizes (outer, axis, inner) that view this tensor as `[outer, axis, inner]`.
    func axisLayout(_ axis: Int) -> (outer: Int, axis: Int, inner: Int) {
        precondition(axis >= 0 && axis < rank, "axis \(axis) is out of range for shape \(shape)")
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        return (outer, shape[axis], inner)
    }

    /// The shape with `axis` set to 1 (reductions keep the dimension, as NumPy's `keepdims`).
    func reducedShape(_ axis: Int) -> [Int] {
        var result = shape
        result[axis] = 1
        return result
    }

    /// The sum of all elements, as a rank-0 tensor.
    public func sum() -> Tensor {
        Tensor(reshaped([count]).sum(alongAxis: 0).scalars[0])
    }

    /// The sum along `axis`, keeping that dimension with size 1.
    ///
    /// Complexity: O(count).
    public func sum(alongAxis axis: Int) -> Tensor {
        let layout = axisLayout(axis)
        var result = Tensor(zeros: reducedShape(axis))
        scalars.withUnsafeBufferPointer { input in
            result.scalars.withUnsafeMutableBufferPointer { output in
                ReductionKernels.sum(input, output, outer: layout.outer, axis: layout.axis, inner: layout.inner)
            }
        }
        return result
    }

    /// The mean of all elements, as a rank-0 tensor.
    public func mean() -> Tensor {
        sum() * (1 / Float(Swift.max(count, 1)))
    }

    /// The mean along `axis`, keeping that dimension with size 1.
    public func mean(alongAxis axis: Int) -> Tensor {
        sum(alongAxis: axis) * (1 / Float(Swift.max(shape[axis], 1)))
    }

    /// The maximum along `axis`, keeping that dimension with size 1.
    ///
    /// - Precondition: the axis is not empty.
    public func max(alongAxis axis: Int) -> Tensor {
        let layout = axisLayout(axis)
        precondition(layout.axis > 0, "max(alongAxis: \(axis)) of an empty axis, shape \(shape)")
        var result = Tensor(zeros: reducedShape(axis))
        scalars.withUnsafeBufferPointer { input in
            result.scalars.withUnsafeMutableBufferPointer { output in
                ReductionKernels.maximum(input, output, outer: layout.outer, axis: layout.axis, inner: layout.inner)
            }
        }
        return result
    }

    /// log Σ exp(x) along `axis`, computed as m + log Σ exp(x − m) with m the maximum.
    public func logSumExp(alongAxis axis: Int) -> Tensor {
        if axis == rank - 1 && count > 0 { return lastAxisSoftmax(.logSumExp) }
        let maximum = max(alongAxis: axis)
        return (self - maximum).exp().sum(alongAxis: axis).log() + maximum
    }

    /// exp(x) / Σ exp(x) along `axis`.
    public func softmax(alongAxis axis: Int) -> Tensor {
        if axis == rank - 1 && count > 0 { return lastAxisSoftmax(.softmax) }
        let shifted = (self - max(alongAxis: axis)).exp()
        return shifted / shifted.sum(alongAxis: axis)
    }

    /// x − log Σ exp(x) along `axis`.
    public func logSoftmax(alongAxis axis: Int) -> Tensor {
        if axis == rank - 1 && count > 0 { return lastAxisSoftmax(.logSoftmax) }
        return self - logSumExp(alongAxis: axis)
    }

    /// The fused kernel along the last axis.
    func lastAxisSoftmax(_ kind: SoftmaxKernels.Output) -> Tensor {
        let columns = shape[rank - 1]
        let rows = count / Swift.max(columns, 1)
        let resultShape = kind == .logSumExp ? reducedShape(rank - 1) : shape
        return scalars.withUnsafeBufferPointer { input in
            Tensor(shape: resultShape) { output in
                SoftmaxKernels.rows(input, output, rows: rows, columns: columns, kind: kind)
            }
        }
    }

    /// Sums broadcast dimensions away so the result has `targetShape`: the adjoint of
    /// broadcasting from `targetShape` to this tensor's shape.
    ///
    /// - Precondition: `targetShape` broadcasts to `shape`.
    public func summed(toShape targetShape: [Int]) -> Tensor {
        if targetShape == shape { return self }
        precondition(
            Tensor.broadcastShape(targetShape, shape) == shape,
            "cannot sum shape \(shape) down to \(targetShape)")
        let padded = [Int](repeating: 1, count: rank - targetShape.count) + targetShape
        var result = self
        for axis in 0..<rank where padded[axis] == 1 && shape[axis] != 1 {
            result = result.sum(alongAxis: axis)
        }
        return result.reshaped(targetShape)
    }

    /// This tensor repeated along its size-1 (or missing leading) dimensions to `targetShape`.
    public func broadcast(toShape targetShape: [Int]) -> Tensor {
        if targetShape == shape { return self }
        return Tensor(zeros: targetShape) + self
    }
}
