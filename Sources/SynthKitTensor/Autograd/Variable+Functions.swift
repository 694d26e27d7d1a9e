extension Variable {
    /// e^x; ∂ = g·e^x (reuses the output).
    public func exp() -> Variable {
        Variable.record(value.exp(), [self]) { context in [context.upstream * context.output] }
    }

    /// log x; ∂ = g / x.
    public func log() -> Variable {
        Variable.record(value.log(), [self]) { context in [context.upstream / context.inputs[0]] }
    }

    /// tanh x; ∂ = g·(1 − tanh² x).
    public func tanh() -> Variable {
        Variable.record(value.tanh(), [self]) { context in
            let output = context.output
            return [context.upstream * (output * output).affine(scale: -1, shift: 1)]
        }
    }

    /// 1 / (1 + e^-x); ∂ = g·σ(x)(1 − σ(x)).
    public func sigmoid() -> Variable {
        Variable.record(value.sigmoid(), [self]) { context in
            let output = context.output
            return [context.upstream * output * output.affine(scale: -1, shift: 1)]
        }
    }

    /// log(1 + e^x); ∂ = g·σ(x).
    public func softplus() -> Variable {
        Variable.record(value.softplus(), [self]) { context in [context.upstream * context.inputs[0].sigmoid()] }
    }

    /// max(x, 0); ∂ = g·1[x > 0] (the mask is constant, so second derivatives are 0).
    public func relu() -> Variable {
        leakyRelu(negativeSlope: 0)
    }

    /// x for x > 0 else `negativeSlope`·x; ∂ = g·(1 or slope).
    public func leakyRelu(negativeSlope: Float) -> Variable {
        Variable.record(value.leakyRelu(negativeSlope: negativeSlope), [self]) { context in
            [context.upstream * context.inputs[0].value.leakyReluSlope(negativeSlope: negativeSlope)]
        }
    }

    /// |x|; ∂ = g·sign(x) (0 at 0).
    public func abs() -> Variable {
        Variable.record(value.abs(), [self]) { context in [context.upstream * context.inputs[0].value.sign()] }
    }

    /// √x; ∂ = g / (2√x).
    public func squareRoot() -> Variable {
        Variable.record(value.squareRoot(), [self]) { context in
            [(context.upstream / context.output) * 0.5]
        }
    }

    /// x^p; ∂ = g·p·x^(p−1).
    public func power(_ exponent: Float) -> Variable {
        if exponent == 1 { return self }
        return Variable.record(value.power(exponent), [self]) { context in
            [context.upstream * context.inputs[0].power(exponent - 1) * exponent]
        }
    }

    /// x² (same as `power(2)`).
    public func squared() -> Variable {
        self * self
    }
}
