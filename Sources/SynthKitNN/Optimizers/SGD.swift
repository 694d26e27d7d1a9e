public import SynthKitTensor

/// Stochastic gradient descent with optional momentum and L2 weight decay (PyTorch `SGD`,
/// dampening 0): g ← g + λθ; b ← μb + g (b = g at the first step); θ ← θ − η b.
public struct SGD: Optimizer {
    /// The parameters under their dotted paths.
    public let parameters: [(path: String, parameter: Variable)]
    /// η.
    public var learningRate: Float
    /// μ.
    public let momentum: Float
    /// λ.
    public let weightDecay: Float
    var buffers: [String: Tensor] = [:]

    /// An optimizer over `parameters`.
    public init(parameters: [(path: String, parameter: Variable)], learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        precondition(learningRate >= 0 && momentum >= 0 && weightDecay >= 0, "SGD: invalid hyperparameters lr \(learningRate), momentum \(momentum), weight decay \(weightDecay)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// Applies one update to every parameter that has a gradient.
    public mutating func step() {
        for (path, parameter) in parameters {
            guard var gradient = parameter.gradient else { continue }
            if weightDecay != 0 { gradient = gradient + parameter.value * weightDecay }
            if momentum != 0 {
                let buffer = buffers[path].map { $0 * momentum + gradient } ?? gradient
                buffers[path] = buffer
                gradient = buffer
            }
            parameter.value = parameter.value - gradient * learningRate
        }
    }
}
