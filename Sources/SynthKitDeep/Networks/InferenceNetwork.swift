import SynthKitTensor

/// Forward passes over stored parameters with plain tensors (no autograd, no modules), so a
/// fitted model stays a `Sendable` value and samples on any thread.
///
/// Paths follow the training modules' dotted names (``StoredParameters``). Matrix products run
/// on one thread each (sampling parallelises over chunks instead); results are bit-identical to
/// the module forward passes in evaluation mode.
enum InferenceNetwork {
    /// `x Wᵀ + b` with `W = parameters[prefix.weight]`, `b = parameters[prefix.bias]`.
    static func linear(_ input: Tensor, _ parameters: StoredParameters, _ prefix: String) -> Tensor {
        Tensor.matrixProduct(input, parameters[prefix + ".weight"], transposeRight: true, threads: 1) + parameters[prefix + ".bias"]
    }

    /// Batch normalisation with running statistics (evaluation mode), ε = 1e-5.
    static func batchNorm(_ input: Tensor, _ parameters: StoredParameters, _ prefix: String) -> Tensor {
        let scale = parameters[prefix + ".weight"] / (parameters[prefix + ".runningVariance"] + 1e-5).squareRoot()
        let shift = parameters[prefix + ".bias"] - parameters[prefix + ".runningMean"] * scale
        return input * scale + shift
    }
}
