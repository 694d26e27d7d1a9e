public import SynthKitTensor

/// Updates parameters from their accumulated gradients.
///
/// As in PyTorch, `step()` does not clear gradients: call ``clearGradients()`` (or the
/// module's) before the next backward pass. Parameters without a gradient are skipped.
public protocol Optimizer {
    /// The parameters under their dotted paths, in a fixed order.
    var parameters: [(path: String, parameter: Variable)] { get }
    /// Applies one update.
    mutating func step()
}

extension Optimizer {
    /// Clears the gradient of every parameter this optimizer updates.
    public func clearGradients() {
        for (_, parameter) in parameters { parameter.clearGradient() }
    }
}

/// Global-norm gradient clipping (Pascanu et al. 2013; PyTorch `clip_grad_norm_`).
public enum GradientClipping {
    /// Scales every gradient by min(1, maxNorm / (‖g‖ + 1e-6)), where ‖g‖ is the Euclidean norm of
    /// all gradients together, and returns ‖g‖ before clipping.
    @discardableResult
    public static func clipGlobalNorm(_ parameters: [Variable], maxNorm: Float) -> Float {
        precondition(maxNorm > 0, "maxNorm must be positive, got \(maxNorm)")
        var squared: Double = 0
        for parameter in parameters {
            if let gradient = parameter.gradient { squared += Double((gradient * gradient).sum().scalar) }
        }
        let norm = Float(squared.squareRoot())
        let coefficient = maxNorm / (norm + 1e-6)
        if coefficient < 1 {
            for parameter in parameters {
                if let gradient = parameter.gradient { parameter.gradient = gradient * coefficient }
            }
        }
        return norm
    }
}
