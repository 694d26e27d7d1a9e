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

    /// log Σ exp(x) along `axis` (fused, stable); ∂ = g · exp(x − output) = g · softmax(x),
    /// written with differentiable operations so it can be differentiated again.
    public func logSumExp(alongAxis axis: Int) -> Variable {
        Variable.record(value.logSumExp(alongAxis: axis), [self]) { context in
            let input = context.inputs[0]
            return [context.upstream.broadcast(toShape: input.shape) * (input - context.output).exp()]
        }
    }

    /// x − logsumexp(x) along `axis` (fused); ∂ = g − softmax(x) · Σ g, with softmax = exp(output).
    public func logSoftmax(alongAxis axis: Int) -> Variable {
        Variable.record(value.logSoftmax(alongAxis: axis), [self]) { context in
            let upstream = context.upstream
            return [upstream - context.output.exp() * upstream.sum(alongAxis: axis)]
        }
    }

    /// exp(x) / Σ exp(x) along `axis` (fused); ∂ = y ⊙ (g − Σ g ⊙ y) with y the output.
    public func softmax(alongAxis axis: Int) -> Variable {
        Variable.record(value.softmax(alongAxis: axis), [self]) { context in
            let output = context.output
            let upstream = context.upstream
            return [output * (upstream - (upstream * output).sum(alongAxis: axis))]
        }
    }
}
