public import SynthKitTensor

/// Batch normalisation over the rows of a `[batch, features]` matrix (Ioffe and Szegedy 2015).
///
/// Training: y = γ (x − μ_B) / √(σ²_B + ε) + β with the batch mean and biased batch variance,
/// and running statistics updated as r ← (1 − momentum) r + momentum · stat, using the
/// unbiased variance for the running variance (PyTorch `BatchNorm1d`). Evaluation uses the
/// running statistics. γ starts at 1, β at 0, running mean at 0 and running variance at 1.
/// Forward and backward are fused kernels; second derivatives exist (see
/// `Variable.batchNormalized(_:weight:bias:epsilon:)`).
public final class BatchNorm1d: Module, Layer {
    /// γ, `[features]`.
    public let weight: Variable
    /// β, `[features]`.
    public let bias: Variable
    /// Running mean (a buffer, not trained).
    public let runningMean: Variable
    /// Running variance (a buffer, not trained).
    public let runningVariance: Variable
    /// The ε added to the variance.
    public let epsilon: Float
    /// The weight of the newest batch in the running statistics.
    public let momentum: Float

    /// A layer for `features` features.
    public init(features: Int, epsilon: Float = 1e-5, momentum: Float = 0.1) {
        precondition(features > 0, "BatchNorm1d needs a positive feature count, got \(features)")
        weight = Variable(Tensor(repeating: 1, shape: [features]), requiresGradient: true)
        bias = Variable(Tensor(zeros: [features]), requiresGradient: true)
        runningMean = Variable(Tensor(zeros: [features]))
        runningVariance = Variable(Tensor(repeating: 1, shape: [features]))
        self.epsilon = epsilon
        self.momentum = momentum
        super.init()
    }

    /// Normalises `input` of shape `[batch, features]`.
    public func callAsFunction(_ input: Variable) -> Variable {
        precondition(
            input.value.rank == 2 && input.shape[1] == weight.shape[0],
            "BatchNorm1d(\(weight.shape[0])) got input of shape \(input.shape)")
        let features = weight.shape[0]
        if !isTraining {
            let scale = weight.value / (runningVariance.value + epsilon).squareRoot()
            let shift = bias.value - runningMean.value * scale
            return input * scale.reshaped([features]) + shift
        }
        let batch = input.shape[0]
        precondition(batch > 1, "BatchNorm1d in training mode needs more than one row, got \(batch)")
        let (output, mean, variance) = Variable.batchNormalized(input, weight: weight, bias: bias, epsilon: epsilon)
        let unbiased = variance * (Float(batch) / Float(batch - 1))
        runningMean.value = runningMean.value * (1 - momentum) + mean * momentum
        runningVariance.value = runningVariance.value * (1 - momentum) + unbiased * momentum
        return output
    }
}
