extension Tensor {
    /// Applies a kernel function to every element (the safe wrapper around `ElementwiseKernels`).
    func mapped<Function: UnaryKernel>(_ function: Function) -> Tensor {
        scalars.withUnsafeBufferPointer { input in
            Tensor(shape: shape) { output in ElementwiseKernels.apply(function, input, output) }
        }
    }

    /// Combines two tensors element by element with NumPy broadcasting.
    static func combined<Operator: BinaryKernel>(_ kind: Operator.Type, _ left: Tensor, _ right: Tensor) -> Tensor {
        guard let layout = BroadcastLayout(left: left.shape, right: right.shape) else {
            preconditionFailure("shapes \(left.shape) and \(right.shape) do not broadcast")
        }
        let rank = Swift.max(left.rank, right.rank)
        let padded = [layout.outputShape.0, layout.outputShape.1, layout.outputShape.2]
        return left.scalars.withUnsafeBufferPointer { leftBuffer in
            right.scalars.withUnsafeBufferPointer { rightBuffer in
                Tensor(shape: Array(padded.suffix(rank))) { output in
                    ElementwiseKernels.combine(kind, leftBuffer, rightBuffer, output, layout: layout)
                }
            }
        }
    }

    /// The shape `left (op) right` broadcasts to, or nil when they are incompatible.
    public static func broadcastShape(_ left: [Int], _ right: [Int]) -> [Int]? {
        guard let layout = BroadcastLayout(left: left, right: right) else { return nil }
        let padded = [layout.outputShape.0, layout.outputShape.1, layout.outputShape.2]
        return Array(padded.suffix(Swift.max(left.count, right.count)))
    }

    /// Element-wise sum with broadcasting.
    public static func + (left: Tensor, right: Tensor) -> Tensor { combined(ElementwiseFunctions.Add.self, left, right) }
    /// Element-wise difference with broadcasting.
    public static func - (left: Tensor, right: Tensor) -> Tensor { combined(ElementwiseFunctions.Subtract.self, left, right) }
    /// Element-wise (Hadamard) product with broadcasting.
    public static func * (left: Tensor, right: Tensor) -> Tensor { combined(ElementwiseFunctions.Multiply.self, left, right) }
    /// Element-wise quotient with broadcasting.
    public static func / (left: Tensor, right: Tensor) -> Tensor { combined(ElementwiseFunctions.Divide.self, left, right) }
    /// Adds a constant to every element.
    public static func + (left: Tensor, right: Float) -> Tensor { left.affine(scale: 1, shift: right) }
    /// Subtracts a constant from every element.
    public static func - (left: Tensor, right: Float) -> Tensor { left.affine(scale: 1, shift: -right) }
    /// Multiplies every element by a constant.
    public static func * (left: Tensor, right: Float) -> Tensor { left.affine(scale: right, shift: 0) }
    /// Multiplies every element by a constant.
    public static func * (left: Float, right: Tensor) -> Tensor { right.affine(scale: left, shift: 0) }
    /// Negates every element.
    public static prefix func - (operand: Tensor) -> Tensor { operand.affine(scale: -1, shift: 0) }

    /// `scale * x + shift` for every element x.
    public func affine(scale: Float, shift: Float) -> Tensor {
        mapped(ElementwiseFunctions.Affine(scale: scale, shift: shift))
    }

    /// The larger of the two operands, element by element, with broadcasting.
    public static func maximum(_ left: Tensor, _ right: Tensor) -> Tensor {
        combined(ElementwiseFunctions.Maximum.self, left, right)
    }

    /// 1 where the operands are equal, 0 elsewhere, with broadcasting.
    public static func equalityMask(_ left: Tensor, _ right: Tensor) -> Tensor {
        combined(ElementwiseFunctions.Equal.self, left, right)
    }

    /// e^x element-wise (vectorised polynomial, relative error < 2e-7).
    public func exp() -> Tensor { mapped(ElementwiseFunctions.Exp()) }
    /// Natural logarithm element-wise (-inf at 0, NaN below).
    public func log() -> Tensor { mapped(ElementwiseFunctions.Log()) }
    /// Hyperbolic tangent element-wise.
    public func tanh() -> Tensor { mapped(ElementwiseFunctions.Tanh()) }
    /// The logistic function 1 / (1 + e^-x) element-wise.
    public func sigmoid() -> Tensor { mapped(ElementwiseFunctions.Sigmoid()) }
    /// log(1 + e^x) element-wise, stable for large |x|.
    public func softplus() -> Tensor { mapped(ElementwiseFunctions.Softplus()) }
    /// max(x, 0) element-wise.
    public func relu() -> Tensor { mapped(ElementwiseFunctions.LeakyRelu(negativeSlope: 0)) }
    /// x for x > 0, `negativeSlope * x` otherwise.
    public func leakyRelu(negativeSlope: Float) -> Tensor { mapped(ElementwiseFunctions.LeakyRelu(negativeSlope: negativeSlope)) }
    /// The derivative of ``leakyRelu(negativeSlope:)``: 1 where x > 0, `negativeSlope` elsewhere.
    public func leakyReluSlope(negativeSlope: Float) -> Tensor {
        mapped(ElementwiseFunctions.LeakyReluSlope(negativeSlope: negativeSlope))
    }
    /// |x| element-wise.
    public func abs() -> Tensor { mapped(ElementwiseFunctions.Absolute()) }
    /// -1, 0 or 1 by the sign of each element.
    public func sign() -> Tensor { mapped(ElementwiseFunctions.Sign()) }
    /// √x element-wise.
    public func squareRoot() -> Tensor { mapped(ElementwiseFunctions.SquareRoot()) }
    /// x^exponent element-wise: exact products for integer exponents in [-4, 4], else
    /// exp(exponent · log x), NaN for negative bases.
    public func power(_ exponent: Float) -> Tensor { mapped(ElementwiseFunctions.Power(exponent: exponent)) }
}
