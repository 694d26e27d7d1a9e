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

    /// Batch normalisation with the statistics of the batch itself (training mode, as ctgan
    /// samples: its generator is never switched to evaluation mode), ε = 1e-5. The rows are
    /// split into `groupCount` consecutive groups of near-equal size, each normalised by its own
    /// per-column mean and biased variance, then scaled and shifted by the learned weight and bias.
    /// O(rows × columns).
    static func batchNormWithBatchStatistics(
        _ input: Tensor, _ parameters: StoredParameters, _ prefix: String, groupCount: Int
    ) -> Tensor {
        precondition(input.shape.count == 2, "batch normalisation expects a matrix, got shape \(input.shape)")
        let rows = input.shape[0]
        let columns = input.shape[1]
        let weight = parameters[prefix + ".weight"].scalars
        let bias = parameters[prefix + ".bias"].scalars
        precondition(weight.count == columns && bias.count == columns, "\(prefix): \(weight.count) weights for \(columns) columns")
        var values = input.scalars
        let groups = max(1, min(groupCount, rows))
        for group in 0..<groups {
            let start = group * rows / groups
            let end = (group + 1) * rows / groups
            let count = Double(end - start)
            var mean = [Double](repeating: 0, count: columns)
            var variance = [Double](repeating: 0, count: columns)
            for row in start..<end {
                for column in 0..<columns { mean[column] += Double(values[row * columns + column]) }
            }
            for column in 0..<columns { mean[column] /= count }
            for row in start..<end {
                for column in 0..<columns {
                    let centred = Double(values[row * columns + column]) - mean[column]
                    variance[column] += centred * centred
                }
            }
            let scale = (0..<columns).map { Double(weight[$0]) / (variance[$0] / count + 1e-5).squareRoot() }
            for row in start..<end {
                for column in 0..<columns {
                    let index = row * columns + column
                    values[index] = Float((Double(values[index]) - mean[column]) * scale[column] + Double(bias[column]))
                }
            }
        }
        return Tensor(shape: input.shape, scalars: values)
    }
}
