import SynthKitCore
import SynthKitNN
import SynthKitTensor

/// CTGAN's generator: residual blocks, then a linear layer to the row width (ctgan `Generator`).
final class CTGANGenerator: Module {
    let blocks: [ResidualBlock]
    let output: Linear

    init(inputWidth: Int, hidden: [Int], outputWidth: Int, seed: Seed) {
        var blocks: [ResidualBlock] = []
        var width = inputWidth
        for (index, size) in hidden.enumerated() {
            blocks.append(ResidualBlock(inputFeatures: width, outputFeatures: size, seed: seed.derived("block", index: index)))
            width += size
        }
        self.blocks = blocks
        output = Linear(inputFeatures: width, outputFeatures: outputWidth, seed: seed.derived("output"))
        super.init()
    }

    func callAsFunction(_ input: Variable) -> Variable {
        callAsFunction(parts: [input])
    }

    /// The generator on its input given as column parts (noise, condition vector).
    func callAsFunction(parts: [Variable]) -> Variable {
        output(parts: blocks.reduce(parts) { $1(parts: $0) })
    }

    /// The generator's logits from stored parameters (sampling). With `batchStatisticsGroups`,
    /// batch normalisation uses the statistics of that many consecutive row groups of the input
    /// (training mode, as ctgan samples); without, the running statistics (evaluation mode).
    static func infer(_ input: Tensor, parameters: StoredParameters, blockCount: Int, batchStatisticsGroups: Int? = nil) -> Tensor {
        var hidden = input
        for index in 0..<blockCount {
            let linear = InferenceNetwork.linear(hidden, parameters, "blocks.\(index).linear")
            let prefix = "blocks.\(index).batchNorm"
            let normalized = (batchStatisticsGroups.map {
                InferenceNetwork.batchNormWithBatchStatistics(linear, parameters, prefix, groupCount: $0)
            } ?? InferenceNetwork.batchNorm(linear, parameters, prefix)).relu()
            hidden = Tensor.concatenate([normalized, hidden], alongAxis: 1)
        }
        return InferenceNetwork.linear(hidden, parameters, "output")
    }
}

/// CTGAN's critic: `pac` rows side by side, LeakyReLU(0.2) and dropout 0.5 after each hidden
/// layer, one output (ctgan `Discriminator`).
final class CTGANDiscriminator: Module {
    let network: Sequential
    let pac: Int

    init(inputWidth: Int, hidden: [Int], pac: Int, seed: Seed) {
        var layers: [any Layer] = []
        var width = inputWidth * pac
        for (index, size) in hidden.enumerated() {
            layers.append(Linear(inputFeatures: width, outputFeatures: size, seed: seed.derived("layer", index: index)))
            layers.append(LeakyReLU(negativeSlope: 0.2))
            layers.append(Dropout(dropProbability: 0.5, seed: seed.derived("dropout", index: index)))
            width = size
        }
        layers.append(Linear(inputFeatures: width, outputFeatures: 1, seed: seed.derived("output")))
        network = Sequential(layers)
        self.pac = pac
        super.init()
    }

    /// Scores of `input` [batch, width] in packs: [batch / pac, 1].
    func callAsFunction(_ input: Variable) -> Variable {
        score(input).scores
    }

    /// Scores and the first layer's output (before its activation); `firstLayerOutput`, when
    /// known, replaces the first product (see `Linear.callAsFunction(_:knownOutput:)`).
    func score(_ input: Variable, firstLayerOutput: Tensor? = nil) -> (scores: Variable, firstLayer: Variable) {
        let packed = input.reshaped([input.shape[0] / pac, input.shape[1] * pac])
        guard let first = network.layers.first as? Linear else { return (network(packed), packed) }
        let hidden = firstLayerOutput.map { first(packed, knownOutput: $0) } ?? first(packed)
        return (network.layers.dropFirst().reduce(hidden) { $1($0) }, hidden)
    }

    /// λ E[(‖∇D(x̂)‖₂ − 1)²] over packs, x̂ = α real + (1 − α) fake with one α ~ U(0, 1) per pack;
    /// the gradient is built with `createGraph` so the penalty back-propagates (second order).
    ///
    /// `firstLayer`, the critic's first-layer outputs for the same real and fake packs, saves
    /// the first product: the layer is affine, so its output at x̂ is α·real + (1 − α)·fake of them.
    func gradientPenalty(
        real: Tensor, fake: Tensor, firstLayer: (real: Tensor, fake: Tensor)? = nil, weight: Float, stream: inout RandomStream
    ) -> Variable {
        let rows = real.shape[0]
        let packs = rows / pac
        let packAlphas = Tensor.uniform(shape: [packs], stream: &stream)
        var alphas = [Float](repeating: 0, count: rows)
        for row in 0..<rows { alphas[row] = packAlphas.scalars[row / pac] }
        let alpha = Tensor(shape: [rows, 1], scalars: alphas)
        let interpolates = Variable(alpha * real + (alpha.affine(scale: -1, shift: 1)) * fake, requiresGradient: true)
        let packAlpha = packAlphas.reshaped([packs, 1])
        let known = firstLayer.map { packAlpha * $0.real + packAlpha.affine(scale: -1, shift: 1) * $0.fake }
        let scores = score(interpolates, firstLayerOutput: known).scores
        let gradient = Variable.gradients(
            of: scores, withRespectTo: [interpolates], upstream: Tensor(repeating: 1, shape: scores.shape), createGraph: true)[0]
        let packed = gradient.reshaped([packs, real.shape[1] * pac])
        let norms = packed.squared().sum(alongAxis: 1).squareRoot()
        return (norms - 1).squared().mean() * weight
    }
}
