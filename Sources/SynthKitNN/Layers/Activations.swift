public import SynthKitTensor

/// max(x, 0).
public final class ReLU: Module, Layer {
    /// A ReLU layer.
    override public init() { super.init() }
    /// Applies max(x, 0).
    public func callAsFunction(_ input: Variable) -> Variable { input.relu() }
}

/// x for x > 0, `negativeSlope`·x otherwise (Maas et al. 2013; CTGAN's critic uses 0.2).
public final class LeakyReLU: Module, Layer {
    /// The slope for negative inputs.
    public let negativeSlope: Float
    /// A leaky ReLU (PyTorch's default slope is 0.01).
    public init(negativeSlope: Float = 0.01) {
        self.negativeSlope = negativeSlope
        super.init()
    }
    /// Applies the leaky ReLU.
    public func callAsFunction(_ input: Variable) -> Variable { input.leakyRelu(negativeSlope: negativeSlope) }
}

/// The hyperbolic tangent.
public final class Tanh: Module, Layer {
    /// A tanh layer.
    override public init() { super.init() }
    /// Applies tanh.
    public func callAsFunction(_ input: Variable) -> Variable { input.tanh() }
}
