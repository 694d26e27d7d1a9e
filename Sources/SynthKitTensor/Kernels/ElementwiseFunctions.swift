/// The element-wise functions the kernels specialise on (see ``UnaryKernel``, ``BinaryKernel``).
enum ElementwiseFunctions {
    struct Exp: UnaryKernel {
        func scalar(_ x: Float) -> Float { VectorMath.exp(FloatVector(repeating: x))[0] }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector { VectorMath.exp(x) }
    }
    struct Log: UnaryKernel {
        func scalar(_ x: Float) -> Float { VectorMath.log(FloatVector(repeating: x))[0] }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector { VectorMath.log(x) }
    }
    struct Tanh: UnaryKernel {
        func scalar(_ x: Float) -> Float { VectorMath.tanh(FloatVector(repeating: x))[0] }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector { VectorMath.tanh(x) }
    }
    struct Sigmoid: UnaryKernel {
        func scalar(_ x: Float) -> Float { VectorMath.sigmoid(FloatVector(repeating: x))[0] }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector { VectorMath.sigmoid(x) }
    }
    struct Softplus: UnaryKernel {
        func scalar(_ x: Float) -> Float { VectorMath.softplus(FloatVector(repeating: x))[0] }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector { VectorMath.softplus(x) }
    }
    struct LeakyRelu: UnaryKernel {
        let negativeSlope: Float
        func scalar(_ x: Float) -> Float { x > 0 ? x : x * negativeSlope }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector {
            x.replacing(with: x * negativeSlope, where: x .<= 0)
        }
    }
    /// 1 where x > 0, `negativeSlope` elsewhere: the derivative of a leaky ReLU (ReLU at slope 0).
    struct LeakyReluSlope: UnaryKernel {
        let negativeSlope: Float
        func scalar(_ x: Float) -> Float { x > 0 ? 1 : negativeSlope }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector {
            FloatVector(repeating: negativeSlope).replacing(with: 1, where: x .> 0)
        }
    }
    /// `value` where x < threshold, 0 elsewhere (Bernoulli masks from uniforms).
    struct Below: UnaryKernel {
        let threshold: Float
        let value: Float
        func scalar(_ x: Float) -> Float { x < threshold ? value : 0 }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector {
            FloatVector().replacing(with: value, where: x .< threshold)
        }
    }
    struct Absolute: UnaryKernel {
        func scalar(_ x: Float) -> Float { Swift.abs(x) }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector { x.replacing(with: -x, where: x .< 0) }
    }
    /// -1, 0 or 1.
    struct Sign: UnaryKernel {
        func scalar(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector {
            FloatVector().replacing(with: 1, where: x .> 0).replacing(with: -1, where: x .< 0)
        }
    }
    struct SquareRoot: UnaryKernel {
        func scalar(_ x: Float) -> Float { x.squareRoot() }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector { VectorMath.squareRoot(x) }
    }
    /// `scale * x + shift`.
    struct Affine: UnaryKernel {
        let scale: Float
        let shift: Float
        func scalar(_ x: Float) -> Float { x * scale + shift }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector { x * scale + shift }
    }
    /// x^exponent: exact repeated products for integer exponents in [-4, 4], else exp(p log x)
    /// (NaN for negative bases, as in C `powf`).
    struct Power: UnaryKernel {
        let exponent: Float
        func scalar(_ x: Float) -> Float { vector(FloatVector(repeating: x))[0] }
        @inline(__always) func vector(_ x: FloatVector) -> FloatVector {
            if exponent == exponent.rounded(), Swift.abs(exponent) <= 4 {
                var result = FloatVector(repeating: 1)
                for _ in 0..<Int(Swift.abs(exponent)) { result *= x }
                return exponent < 0 ? 1 / result : result
            }
            if exponent == 0.5 { return VectorMath.squareRoot(x) }
            return VectorMath.exp(exponent * VectorMath.log(x))
        }
    }

    enum Add: BinaryKernel {
        @inline(__always) static func scalar(_ x: Float, _ y: Float) -> Float { x + y }
        @inline(__always) static func vector(_ x: FloatVector, _ y: FloatVector) -> FloatVector { x + y }
    }
    enum Subtract: BinaryKernel {
        @inline(__always) static func scalar(_ x: Float, _ y: Float) -> Float { x - y }
        @inline(__always) static func vector(_ x: FloatVector, _ y: FloatVector) -> FloatVector { x - y }
    }
    enum Multiply: BinaryKernel {
        @inline(__always) static func scalar(_ x: Float, _ y: Float) -> Float { x * y }
        @inline(__always) static func vector(_ x: FloatVector, _ y: FloatVector) -> FloatVector { x * y }
    }
    enum Divide: BinaryKernel {
        @inline(__always) static func scalar(_ x: Float, _ y: Float) -> Float { x / y }
        @inline(__always) static func vector(_ x: FloatVector, _ y: FloatVector) -> FloatVector { x / y }
    }
    enum Maximum: BinaryKernel {
        @inline(__always) static func scalar(_ x: Float, _ y: Float) -> Float { x >= y ? x : y }
        @inline(__always) static func vector(_ x: FloatVector, _ y: FloatVector) -> FloatVector {
            x.replacing(with: y, where: x .< y)
        }
    }
    /// 1 where x == y, else 0 (used to route gradients to the arguments of a maximum).
    enum Equal: BinaryKernel {
        @inline(__always) static func scalar(_ x: Float, _ y: Float) -> Float { x == y ? 1 : 0 }
        @inline(__always) static func vector(_ x: FloatVector, _ y: FloatVector) -> FloatVector {
            FloatVector().replacing(with: 1, where: x .== y)
        }
    }
}
