public import SynthKitTensor

/// Layers applied in order; parameters are named `layers.<index>.<name>`.
public final class Sequential: Module, Layer {
    /// The layers, first applied first.
    public let layers: [any Layer]

    /// A chain of `layers`.
    public init(_ layers: [any Layer]) {
        self.layers = layers
        super.init()
    }

    /// Applies every layer in turn.
    public func callAsFunction(_ input: Variable) -> Variable {
        layers.reduce(input) { $1($0) }
    }
}
