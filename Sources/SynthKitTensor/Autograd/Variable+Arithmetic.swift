extension Variable {
    /// Element-wise sum with broadcasting; ∂/∂a = g summed to a's shape, likewise for b.
    public static func + (left: Variable, right: Variable) -> Variable {
        record(left.value + right.value, [left, right]) { context in
            let upstream = context.upstream
            return [
                context.needs(0) ? upstream.summed(toShape: context.inputs[0].shape) : nil,
                context.needs(1) ? upstream.summed(toShape: context.inputs[1].shape) : nil,
            ]
        }
    }

    /// Element-wise difference with broadcasting.
    public static func - (left: Variable, right: Variable) -> Variable {
        record(left.value - right.value, [left, right]) { context in
            let upstream = context.upstream
            return [
                context.needs(0) ? upstream.summed(toShape: context.inputs[0].shape) : nil,
                context.needs(1) ? (-upstream).summed(toShape: context.inputs[1].shape) : nil,
            ]
        }
    }

    /// Element-wise product with broadcasting; ∂/∂a = g·b, ∂/∂b = g·a (each summed to shape).
    public static func * (left: Variable, right: Variable) -> Variable {
        record(left.value * right.value, [left, right]) { context in
            let (a, b) = (context.inputs[0], context.inputs[1])
            return [
                context.needs(0) ? (context.upstream * b).summed(toShape: a.shape) : nil,
                context.needs(1) ? (context.upstream * a).summed(toShape: b.shape) : nil,
            ]
        }
    }

    /// Element-wise quotient with broadcasting; ∂/∂a = g/b, ∂/∂b = −g·(a/b)/b.
    public static func / (left: Variable, right: Variable) -> Variable {
        record(left.value / right.value, [left, right]) { context in
            let (a, b) = (context.inputs[0], context.inputs[1])
            return [
                context.needs(0) ? (context.upstream / b).summed(toShape: a.shape) : nil,
                context.needs(1) ? (-(context.upstream * context.output) / b).summed(toShape: b.shape) : nil,
            ]
        }
    }

    /// Product with a constant tensor (a mask or fixed weights), broadcasting.
    public static func * (left: Variable, right: Tensor) -> Variable {
        record(left.value * right, [left]) { context in
            [(context.upstream * right).summed(toShape: context.inputs[0].shape)]
        }
    }

    /// Sum with a constant tensor, broadcasting.
    public static func + (left: Variable, right: Tensor) -> Variable {
        record(left.value + right, [left]) { context in
            [context.upstream.summed(toShape: context.inputs[0].shape)]
        }
    }

    /// Difference with a constant tensor, broadcasting.
    public static func - (left: Variable, right: Tensor) -> Variable {
        left + (-right)
    }

    /// `scale * x + shift` element-wise.
    public func affine(scale: Float, shift: Float) -> Variable {
        Variable.record(value.affine(scale: scale, shift: shift), [self]) { context in
            [context.upstream.affine(scale: scale, shift: 0)]
        }
    }

    /// Adds a constant.
    public static func + (left: Variable, right: Float) -> Variable { left.affine(scale: 1, shift: right) }
    /// Subtracts a constant.
    public static func - (left: Variable, right: Float) -> Variable { left.affine(scale: 1, shift: -right) }
    /// Multiplies by a constant.
    public static func * (left: Variable, right: Float) -> Variable { left.affine(scale: right, shift: 0) }
    /// Multiplies by a constant.
    public static func * (left: Float, right: Variable) -> Variable { right.affine(scale: left, shift: 0) }
    /// Negation.
    public static prefix func - (operand: Variable) -> Variable { operand.affine(scale: -1, shift: 0) }

    /// Sums broadcast dimensions away to `targetShape`; the pullback broadcasts back.
    public func summed(toShape targetShape: [Int]) -> Variable {
        if targetShape == shape { return self }
        return Variable.record(value.summed(toShape: targetShape), [self]) { context in
            [context.upstream.broadcast(toShape: context.inputs[0].shape)]
        }
    }

    /// Repeats along size-1 dimensions to `targetShape`; the pullback sums back.
    public func broadcast(toShape targetShape: [Int]) -> Variable {
        if targetShape == shape { return self }
        return Variable.record(value.broadcast(toShape: targetShape), [self]) { context in
            [context.upstream.summed(toShape: context.inputs[0].shape)]
        }
    }

    /// The same elements under a new shape.
    public func reshaped(_ newShape: [Int]) -> Variable {
        Variable.record(value.reshaped(newShape), [self]) { context in
            [context.upstream.reshaped(context.inputs[0].shape)]
        }
    }
}
