extension Variable {
    /// The sum of all elements (rank 0); ∂ = g broadcast to the input's shape.
    public func sum() -> Variable {
        Variable.record(value.sum(), [self]) { context in
            [context.upstream.broadcast(toShape: context.inputs[0].shape)]
        }
    }

    /// The sum along `axis`, keeping the dimension.
    public func sum(alongAxis axis: Int) -> Variable {
        Variable.record(value.sum(alongAxis: axis), [self]) { context in
            [context.upstream.broadcast(toShape: context.inputs[0].shape)]
        }
    }

    /// The mean of all elements (rank 0).
    public func mean() -> Variable {
        sum() * (1 / Float(Swift.max(value.count, 1)))
    }

    /// The mean along `axis`, keeping the dimension.
    public func mean(alongAxis axis: Int) -> Variable {
        sum(alongAxis: axis) * (1 / Float(Swift.max(shape[axis], 1)))
    }

    /// The maximum along `axis`, keeping the dimension; the gradient goes to every position
    /// equal to the maximum (ties share it in full, as a subgradient).
    public func max(alongAxis axis: Int) -> Variable {
        let maximum = value.max(alongAxis: axis)
        return Variable.record(maximum, [self]) { context in
            let mask = Tensor.equalityMask(context.inputs[0].value, maximum)
            return [context.upstream.broadcast(toShape: context.inputs[0].shape) * mask]
        }
    }

    /// log Σ exp(x) along `axis`, stable: the maximum m is treated as a constant shift, which
    /// leaves every derivative unchanged (∂ = softmax), to any order.
    public func logSumExp(alongAxis axis: Int) -> Variable {
        let shift = value.max(alongAxis: axis)
        return ((self - shift).exp().sum(alongAxis: axis).log()) + shift
    }

    /// x − logsumexp(x) along `axis`.
    public func logSoftmax(alongAxis axis: Int) -> Variable {
        self - logSumExp(alongAxis: axis)
    }

    /// exp(x) / Σ exp(x) along `axis`.
    public func softmax(alongAxis axis: Int) -> Variable {
        logSoftmax(alongAxis: axis).exp()
    }
}
