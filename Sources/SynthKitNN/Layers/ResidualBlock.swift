public import SynthKitCore
public import SynthKitTensor

/// CTGAN's generator block: `concat(ReLU(BN(Linear(x))), x)` (Xu et al. 2019, `ctgan`'s
/// `Residual`), so the output has `outputFeatures + inputFeatures` columns.
public final class ResidualBlock: Module, Layer {
    /// The fully connected part.
    public let linear: Linear
    /// The batch normalisation after it.
    public let batchNorm: BatchNorm1d

    /// A block mapping `inputFeatures` to `outputFeatures + inputFeatures` columns.
    public init(inputFeatures: Int, outputFeatures: Int, seed: Seed) {
        linear = Linear(inputFeatures: inputFeatures, outputFeatures: outputFeatures, seed: seed.derived("linear"))
        batchNorm = BatchNorm1d(features: outputFeatures)
        super.init()
    }

    /// Applies the block.
    public func callAsFunction(_ input: Variable) -> Variable {
        Variable.concatenate(callAsFunction(parts: [input]), alongAxis: 1)
    }

    /// Applies the block to an input given as column parts and returns the output as parts:
    /// `[ReLU(BN(Linear(parts)))] + parts`, whose concatenation is the block's output. Chaining
    /// blocks this way never copies the growing concatenation.
    public func callAsFunction(parts: [Variable]) -> [Variable] {
        [batchNorm(linear(parts: parts)).relu()] + parts
    }
}
