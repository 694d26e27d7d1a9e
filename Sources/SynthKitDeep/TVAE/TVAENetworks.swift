import SynthKitCore
import SynthKitNN
import SynthKitTensor

/// TVAE's encoder: ReLU layers, then the latent mean and log-variance (ctgan `Encoder`).
final class TVAEEncoder: Module {
    let layers: [Linear]
    let mean: Linear
    let logVariance: Linear

    init(inputWidth: Int, hidden: [Int], latent: Int, seed: Seed) {
        var layers: [Linear] = []
        var width = inputWidth
        for (index, size) in hidden.enumerated() {
            layers.append(Linear(inputFeatures: width, outputFeatures: size, seed: seed.derived("layer", index: index)))
            width = size
        }
        self.layers = layers
        mean = Linear(inputFeatures: width, outputFeatures: latent, seed: seed.derived("mean"))
        logVariance = Linear(inputFeatures: width, outputFeatures: latent, seed: seed.derived("log-variance"))
        super.init()
    }

    func callAsFunction(_ input: Variable) -> (mean: Variable, logVariance: Variable) {
        let hidden = layers.reduce(input) { $1($0).relu() }
        return (mean(hidden), logVariance(hidden))
    }
}

/// TVAE's decoder: ReLU layers, a linear output and the learned σ per entry (ctgan `Decoder`).
final class TVAEDecoder: Module {
    let layers: [Linear]
    let output: Linear
    let sigma: Variable

    init(latent: Int, hidden: [Int], outputWidth: Int, seed: Seed) {
        var layers: [Linear] = []
        var width = latent
        for (index, size) in hidden.enumerated() {
            layers.append(Linear(inputFeatures: width, outputFeatures: size, seed: seed.derived("layer", index: index)))
            width = size
        }
        self.layers = layers
        output = Linear(inputFeatures: width, outputFeatures: outputWidth, seed: seed.derived("output"))
        sigma = Variable(Tensor(repeating: 0.1, shape: [outputWidth]), requiresGradient: true)
        super.init()
    }

    func callAsFunction(_ input: Variable) -> Variable {
        output(layers.reduce(input) { $1($0).relu() })
    }

    /// The decoder's tanh output for latent draws, from stored parameters (sampling).
    static func infer(_ latent: Tensor, parameters: StoredParameters, hiddenCount: Int) -> Tensor {
        var hidden = latent
        for index in 0..<hiddenCount { hidden = InferenceNetwork.linear(hidden, parameters, "layers.\(index)").relu() }
        return InferenceNetwork.linear(hidden, parameters, "output").tanh()
    }
}
