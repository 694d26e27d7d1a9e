import Foundation
import SynthKitCore
public import SynthKitTensor

/// Adam (Kingma and Ba 2015) with PyTorch's update and L2 weight decay.
///
/// For each parameter θ with gradient g at step t: g ← g + λθ; m ← β₁m + (1 − β₁)g;
/// v ← β₂v + (1 − β₂)g²; θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
/// One fused pass per parameter (`Tensor.adamUpdate`).
public struct Adam: Optimizer {
    /// The parameters under their dotted paths.
    public let parameters: [(path: String, parameter: Variable)]
    /// η.
    public var learningRate: Float
    /// β₁.
    public let beta1: Float
    /// β₂.
    public let beta2: Float
    /// ε.
    public let epsilon: Float
    /// λ (L2 penalty added to the gradient, PyTorch `weight_decay`).
    public let weightDecay: Float
    /// Moments and step count, keyed by parameter path.
    public private(set) var state: AdamState

    /// An optimizer over `parameters` (usually `module.namedParameters()`).
    public init(
        parameters: [(path: String, parameter: Variable)], learningRate: Float, beta1: Float = 0.9,
        beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0
    ) {
        precondition(learningRate >= 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && epsilon > 0 && weightDecay >= 0,
            "Adam: invalid hyperparameters lr \(learningRate), betas (\(beta1), \(beta2)), eps \(epsilon), weight decay \(weightDecay)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        var moments: [String: Tensor] = [:]
        for (path, parameter) in parameters { moments[path] = Tensor(zeros: parameter.shape) }
        state = AdamState(step: 0, firstMoments: moments, secondMoments: moments)
    }

    /// Applies one Adam update to every parameter that has a gradient.
    public mutating func step() {
        state.step += 1
        let step = Double(state.step)
        let correction1 = Float(1 - pow(Double(beta1), step))
        let correction2 = Float(1 - pow(Double(beta2), step))
        for (path, parameter) in parameters {
            guard let gradient = parameter.gradient,
                var first = state.firstMoments.removeValue(forKey: path),
                var second = state.secondMoments.removeValue(forKey: path)
            else { continue }
            Tensor.adamUpdate(
                parameter: &parameter.value, gradient: gradient, firstMoment: &first, secondMoment: &second,
                configuration: AdamConfiguration(
                    learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay,
                    biasCorrection1: correction1, biasCorrection2: correction2))
            state.firstMoments[path] = first
            state.secondMoments[path] = second
        }
    }

    /// Restores moments and step count from a checkpoint.
    ///
    /// - Throws: `SynthKitError(.corruptArchive)` listing every missing path and shape mismatch.
    public mutating func loadState(_ saved: AdamState) throws {
        var problems: [SynthKitError] = []
        for (path, parameter) in parameters {
            for (name, moments) in [("firstMoments", saved.firstMoments), ("secondMoments", saved.secondMoments)] {
                guard let moment = moments[path] else {
                    problems.append(SynthKitError(.corruptArchive, "Adam state has no \(name) for '\(path)'", location: .init(field: "\(name).\(path)")))
                    continue
                }
                if moment.shape != parameter.shape {
                    problems.append(SynthKitError(
                        .corruptArchive, "Adam \(name) for '\(path)' has shape \(moment.shape), parameter has \(parameter.shape)",
                        location: .init(field: "\(name).\(path)")))
                }
            }
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
        state = saved
    }
}

/// Adam's saved state: step count and moments by parameter path.
public struct AdamState: Codable, Sendable, Equatable {
    /// Updates applied so far.
    public var step: Int
    /// m by path.
    public var firstMoments: [String: Tensor]
    /// v by path.
    public var secondMoments: [String: Tensor]

    /// A state value.
    public init(step: Int, firstMoments: [String: Tensor], secondMoments: [String: Tensor]) {
        self.step = step
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }
}
