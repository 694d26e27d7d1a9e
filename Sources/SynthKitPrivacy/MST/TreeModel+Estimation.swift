extension TreeModel {
    /// A noisy measurement of a node marginal (`child` only) or of an edge marginal (indexed by
    /// the child node, parent-major) in counts, with its noise standard deviation.
    struct Measurement {
        var node: Int
        var isEdge: Bool
        var values: [Double]
        var standardDeviation: Double
    }

    /// Iterations over which convergence is judged.
    static let convergenceWindow = 50

    /// Fits the potentials to `measurements` by mirror descent, at most `iterations` steps,
    /// stopping once no estimated count of a measured cell has moved by more than
    /// `tolerance`·σ_min over the last ``convergenceWindow`` iterations (σ_min the smallest
    /// measurement noise: later moves are far below what the data can tell apart); returns the
    /// final loss and the iterations run.
    @discardableResult
    mutating func estimate(
        measurements: [Measurement], total: Double, iterations: Int, tolerance: Double = 0.05
    ) -> (loss: Double, iterations: Int) {
        let smallestDeviation = measurements.map(\.standardDeviation).min() ?? 1
        /// The estimated counts of every measured cell, recovered from the gradient 2w(e − y).
        func estimatedCounts(_ gradients: [Measurement]) -> [Double] {
            var counts: [Double] = []
            for (measurement, gradient) in zip(measurements, gradients) {
                let weight = 1 / (measurement.standardDeviation * measurement.standardDeviation)
                for index in gradient.values.indices { counts.append(measurement.values[index] + gradient.values[index] / (2 * weight)) }
            }
            return counts
        }
        var step = 1.0 / (total * total) * (measurements.map { $0.standardDeviation * $0.standardDeviation }.min() ?? 1)
        func lossAndGradient(_ model: TreeModel) -> (Double, [Measurement]) {
            let (nodes, edges) = model.marginals()
            var loss = 0.0
            var gradients: [Measurement] = []
            for measurement in measurements {
                let probabilities = measurement.isEdge ? edges[measurement.node] : nodes[measurement.node]
                var gradient = [Double](repeating: 0, count: probabilities.count)
                let weight = 1 / (measurement.standardDeviation * measurement.standardDeviation)
                for index in probabilities.indices {
                    let difference = total * probabilities[index] - measurement.values[index]
                    loss += weight * difference * difference
                    gradient[index] = 2 * weight * difference
                }
                gradients.append(Measurement(node: measurement.node, isEdge: measurement.isEdge, values: gradient, standardDeviation: 0))
            }
            return (loss, gradients)
        }
        var (loss, gradients) = lossAndGradient(self)
        var snapshot = estimatedCounts(gradients)
        for iteration in 0..<iterations {
            if iteration > 0 && iteration % Self.convergenceWindow == 0 {
                let current = estimatedCounts(gradients)
                let movement = zip(current, snapshot).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
                if movement <= tolerance * smallestDeviation { return (loss, iteration) }
                snapshot = current
            }
            var candidate = self
            for gradient in gradients {
                for index in gradient.values.indices {
                    if gradient.isEdge {
                        candidate.pairwise[gradient.node][index] -= step * total * gradient.values[index]
                    } else {
                        candidate.unary[gradient.node][index] -= step * total * gradient.values[index]
                    }
                }
            }
            let (candidateLoss, candidateGradients) = lossAndGradient(candidate)
            if candidateLoss <= loss {
                self = candidate
                loss = candidateLoss
                gradients = candidateGradients
                step *= 1.2
            } else {
                step *= 0.5
            }
        }
        return (loss, iterations)
    }
}
