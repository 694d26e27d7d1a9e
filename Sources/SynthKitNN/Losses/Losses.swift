public import SynthKitTensor

/// Loss functions, each the mean over the batch (PyTorch's `reduction="mean"` unless noted),
/// composed of differentiable operations so second derivatives exist.
public enum Losses {
    /// Softmax cross-entropy from logits `[batch, classes]` and class indices:
    /// −(1/n) Σᵢ log softmax(zᵢ)[yᵢ] (PyTorch `cross_entropy`).
    public static func crossEntropy(logits: Variable, targets: [Int]) -> Variable {
        precondition(logits.value.rank == 2 && logits.shape[0] == targets.count, "crossEntropy: logits \(logits.shape) for \(targets.count) targets")
        return crossEntropy(logits: logits, targetProbabilities: Tensor.oneHot(targets, classCount: logits.shape[1]))
    }

    /// Softmax cross-entropy against target probabilities `[batch, classes]`:
    /// −(1/n) Σᵢ Σ_c p_ic log softmax(zᵢ)_c.
    public static func crossEntropy(logits: Variable, targetProbabilities: Tensor) -> Variable {
        precondition(logits.shape == targetProbabilities.shape, "crossEntropy: logits \(logits.shape) vs targets \(targetProbabilities.shape)")
        let batch = Float(Swift.max(logits.shape[0], 1))
        return (logits.logSoftmax(alongAxis: 1) * targetProbabilities).sum() * (-1 / batch)
    }

    /// Binary cross-entropy from logits: mean of softplus(z) − z·t, which equals
    /// −[t log σ(z) + (1 − t) log(1 − σ(z))] without overflow (PyTorch `binary_cross_entropy_with_logits`).
    public static func binaryCrossEntropy(logits: Variable, targets: Tensor) -> Variable {
        precondition(logits.shape == targets.shape, "binaryCrossEntropy: logits \(logits.shape) vs targets \(targets.shape)")
        return (logits.softplus() - logits * targets).mean()
    }

    /// Mean squared error: mean of (prediction − target)².
    public static func meanSquaredError(prediction: Variable, target: Tensor) -> Variable {
        precondition(prediction.shape == target.shape, "meanSquaredError: prediction \(prediction.shape) vs target \(target.shape)")
        let difference = prediction - target
        return (difference * difference).mean()
    }

    /// Gaussian negative log-likelihood without the constant: mean of
    /// ½ [log max(σ², ε) + (target − μ)² / max(σ², ε)] (PyTorch `GaussianNLLLoss`, `full=False`).
    public static func gaussianNegativeLogLikelihood(
        mean: Variable, variance: Variable, target: Tensor, epsilon: Float = 1e-6
    ) -> Variable {
        precondition(mean.shape == target.shape && variance.shape == mean.shape, "gaussianNegativeLogLikelihood: shapes \(mean.shape), \(variance.shape), \(target.shape)")
        let clamped = variance.clamped(minimum: epsilon)
        let difference = mean - target
        return ((clamped.log() + difference * difference / clamped) * 0.5).mean()
    }

    /// KL(N(μ, diag e^{logσ²}) ‖ N(0, I)) summed over features and averaged over the batch:
    /// −½ (1/n) Σᵢ Σⱼ (1 + logσ²ᵢⱼ − μᵢⱼ² − e^{logσ²ᵢⱼ}) (Kingma and Welling 2014, appendix B).
    public static func gaussianKLDivergence(mean: Variable, logVariance: Variable) -> Variable {
        precondition(mean.shape == logVariance.shape, "gaussianKLDivergence: shapes \(mean.shape) and \(logVariance.shape)")
        let batch = Float(Swift.max(mean.shape[0], 1))
        let terms = (logVariance - mean * mean - logVariance.exp()) + 1
        return terms.sum() * (-0.5 / batch)
    }
}

extension Variable {
    /// max(x, minimum); the gradient passes where x > minimum (PyTorch `clamp(min=)`).
    public func clamped(minimum: Float) -> Variable {
        let floor = Tensor(repeating: minimum, shape: [])
        let above = Tensor.maximum(value, floor).affine(scale: 1, shift: -minimum).sign()
        return self * above + (Tensor(repeating: minimum, shape: shape) * above.affine(scale: -1, shift: 1))
    }
}
