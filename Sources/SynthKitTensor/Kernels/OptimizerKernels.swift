import Foundation

/// Hyperparameters of one fused Adam update (see `Adam` in SynthKitNN).
public struct AdamConfiguration: Sendable {
    /// η.
    public var learningRate: Float
    /// β₁.
    public var beta1: Float
    /// β₂.
    public var beta2: Float
    /// ε.
    public var epsilon: Float
    /// λ (L2, added to the gradient).
    public var weightDecay: Float
    /// 1 − β₁ᵗ.
    public var biasCorrection1: Float
    /// 1 − β₂ᵗ.
    public var biasCorrection2: Float

    /// A configuration.
    public init(
        learningRate: Float, beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float,
        biasCorrection1: Float, biasCorrection2: Float
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.biasCorrection1 = biasCorrection1
        self.biasCorrection2 = biasCorrection2
    }
}

extension Tensor {
    /// One fused Adam update in place, with PyTorch's arithmetic order:
    /// g ← g + λθ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
    /// θ ← θ − (η / c₁) · m / (√v / √c₂ + ε).
    public static func adamUpdate(
        parameter: inout Tensor, gradient: Tensor, firstMoment: inout Tensor, secondMoment: inout Tensor,
        configuration: AdamConfiguration
    ) {
        precondition(
            parameter.shape == gradient.shape && parameter.shape == firstMoment.shape && parameter.shape == secondMoment.shape,
            "adamUpdate: shapes \(parameter.shape), \(gradient.shape), \(firstMoment.shape), \(secondMoment.shape)")
        let stepSize = configuration.learningRate / configuration.biasCorrection1
        // √v / √c₂ as √v · (1 / √c₂): one division per element fewer (the divider, not memory,
        // bounds this loop); differs from PyTorch's division by at most an ulp.
        let inverseCorrection2Root = 1 / configuration.biasCorrection2.squareRoot()
        let (beta1, beta2) = (configuration.beta1, configuration.beta2)
        let (epsilon, decay) = (configuration.epsilon, configuration.weightDecay)
        gradient.scalars.withUnsafeBufferPointer { gradientBuffer in
            parameter.scalars.withUnsafeMutableBufferPointer { parameterBuffer in
                firstMoment.scalars.withUnsafeMutableBufferPointer { firstBuffer in
                    secondMoment.scalars.withUnsafeMutableBufferPointer { secondBuffer in
                        guard let gradients = gradientBuffer.baseAddress, let parameters = parameterBuffer.baseAddress,
                            let firsts = firstBuffer.baseAddress, let seconds = secondBuffer.baseAddress
                        else { return }
                        let count = parameterBuffer.count
                        let width = FloatVector.scalarCount
                        // Whole vectors in a branch-free loop (a lane-by-lane tail inside the
                        // loop made the compiler keep every vector on the stack), then a
                        // scalar tail with the same arithmetic lane by lane.
                        let wholeCount = count - count % width
                        var index = 0
                        while index < wholeCount {
                            var g = UnsafeRawPointer(gradients + index).loadUnaligned(as: FloatVector.self)
                            var value = UnsafeRawPointer(parameters + index).loadUnaligned(as: FloatVector.self)
                            var m = UnsafeRawPointer(firsts + index).loadUnaligned(as: FloatVector.self)
                            var v = UnsafeRawPointer(seconds + index).loadUnaligned(as: FloatVector.self)
                            g = g.addingProduct(value, decay)
                            m = beta1 * m + (1 - beta1) * g
                            v = beta2 * v + ((1 - beta2) * g) * g
                            value = value - stepSize * (m / (VectorMath.squareRoot(v) * inverseCorrection2Root + epsilon))
                            UnsafeMutableRawPointer(parameters + index).storeBytes(of: value, as: FloatVector.self)
                            UnsafeMutableRawPointer(firsts + index).storeBytes(of: m, as: FloatVector.self)
                            UnsafeMutableRawPointer(seconds + index).storeBytes(of: v, as: FloatVector.self)
                            index &+= width
                        }
                        while index < count {
                            let g = gradients[index].addingProduct(parameters[index], decay)
                            let m = beta1 * firsts[index] + (1 - beta1) * g
                            let v = beta2 * seconds[index] + ((1 - beta2) * g) * g
                            parameters[index] = parameters[index] - stepSize * (m / (v.squareRoot() * inverseCorrection2Root + epsilon))
                            firsts[index] = m
                            seconds[index] = v
                            index &+= 1
                        }
                    }
                }
            }
        }
    }
}
