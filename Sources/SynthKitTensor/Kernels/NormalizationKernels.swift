/// Fused batch-normalisation passes over a row-major `[rows, columns]` matrix, normalising each
/// column with its batch mean and biased variance.
enum NormalizationKernels {
    /// Column means and biased variances (two passes, accumulated row by row so the inner loop
    /// runs along contiguous columns).
    static func statistics(
        _ input: UnsafeBufferPointer<Float>, rows: Int, columns: Int,
        mean: UnsafeMutableBufferPointer<Float>, variance: UnsafeMutableBufferPointer<Float>
    ) {
        guard let source = input.baseAddress, let means = mean.baseAddress, let variances = variance.baseAddress else { return }
        means.update(repeating: 0, count: columns)
        variances.update(repeating: 0, count: columns)
        for row in 0..<rows {
            let sourceRow = source + row &* columns
            for column in 0..<columns { means[column] += sourceRow[column] }
        }
        let scale = 1 / Float(rows)
        for column in 0..<columns { means[column] *= scale }
        for row in 0..<rows {
            let sourceRow = source + row &* columns
            for column in 0..<columns {
                let centred = sourceRow[column] - means[column]
                variances[column] += centred * centred
            }
        }
        for column in 0..<columns { variances[column] *= scale }
    }

    /// normalised = (x − mean) · inverseDeviation and output = normalised · weight + bias.
    static func normalize(
        _ input: UnsafeBufferPointer<Float>, rows: Int, columns: Int, mean: UnsafeBufferPointer<Float>,
        inverseDeviation: UnsafeBufferPointer<Float>, weight: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Float>,
        normalized: UnsafeMutableBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>
    ) {
        guard let source = input.baseAddress, let means = mean.baseAddress, let inverses = inverseDeviation.baseAddress,
            let weights = weight.baseAddress, let biases = bias.baseAddress, let normalizedBase = normalized.baseAddress,
            let target = output.baseAddress
        else { return }
        for row in 0..<rows {
            let offset = row &* columns
            for column in 0..<columns {
                let value = (source[offset &+ column] - means[column]) * inverses[column]
                normalizedBase[offset &+ column] = value
                target[offset &+ column] = value * weights[column] + biases[column]
            }
        }
    }

    /// First-order backward: ∂β = Σᵢ g, ∂γ = Σᵢ g·x̂, ∂x = (γ·inv / n)(n·g − ∂β − x̂·∂γ).
    static func backward(
        upstream: UnsafeBufferPointer<Float>, normalized: UnsafeBufferPointer<Float>, rows: Int, columns: Int,
        inverseDeviation: UnsafeBufferPointer<Float>, weight: UnsafeBufferPointer<Float>,
        inputGradient: UnsafeMutableBufferPointer<Float>, weightGradient: UnsafeMutableBufferPointer<Float>,
        biasGradient: UnsafeMutableBufferPointer<Float>
    ) {
        guard let gradient = upstream.baseAddress, let normalizedBase = normalized.baseAddress,
            let inverses = inverseDeviation.baseAddress, let weights = weight.baseAddress,
            let inputTarget = inputGradient.baseAddress, let weightTarget = weightGradient.baseAddress,
            let biasTarget = biasGradient.baseAddress
        else { return }
        weightTarget.update(repeating: 0, count: columns)
        biasTarget.update(repeating: 0, count: columns)
        for row in 0..<rows {
            let offset = row &* columns
            for column in 0..<columns {
                let g = gradient[offset &+ column]
                biasTarget[column] += g
                weightTarget[column] += g * normalizedBase[offset &+ column]
            }
        }
        let count = Float(rows)
        for row in 0..<rows {
            let offset = row &* columns
            for column in 0..<columns {
                let scale = weights[column] * inverses[column] / count
                inputTarget[offset &+ column] = scale * (count * gradient[offset &+ column] - biasTarget[column]
                    - normalizedBase[offset &+ column] * weightTarget[column])
            }
        }
    }
}
