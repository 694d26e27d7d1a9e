import SynthKit

/// The data layout of the benchmark: 10 continuous columns (1 tanh scalar + 10 Gumbel-softmax
/// modes each) and 4 discrete columns of 10 categories: 150 generator outputs, a 40-wide
/// conditional vector. Mirrors Scripts/engine_bench_pytorch.py exactly.
enum CTGANShapes {
    static let batchSize = 500
    static let noiseDimension = 128
    static let pac = 10
    static let continuousColumns = 10
    static let modesPerContinuous = 10
    static let discreteColumns = 4
    static let categoriesPerDiscrete = 10
    static let dataDimension = continuousColumns * (1 + modesPerContinuous) + discreteColumns * categoriesPerDiscrete
    static let conditionDimension = discreteColumns * categoriesPerDiscrete

    /// Output spans in order: (start, width, isTanh).
    static var spans: [(start: Int, width: Int, isTanh: Bool)] {
        var result: [(Int, Int, Bool)] = []
        var start = 0
        for _ in 0..<continuousColumns {
            result.append((start, 1, true))
            result.append((start + 1, modesPerContinuous, false))
            start += 1 + modesPerContinuous
        }
        for _ in 0..<discreteColumns {
            result.append((start, categoriesPerDiscrete, false))
            start += categoriesPerDiscrete
        }
        return result
    }

    /// The start of discrete column `index` in the generator output.
    static func discreteStart(_ index: Int) -> Int {
        continuousColumns * (1 + modesPerContinuous) + index * categoriesPerDiscrete
    }
}

/// CTGAN's generator: two residual blocks (256, 256) then a linear layer to the data width.
final class Generator: Module, Layer {
    let blocks: [ResidualBlock]
    let output: Linear

    init(seed: Seed) {
        let input = CTGANShapes.noiseDimension + CTGANShapes.conditionDimension
        blocks = [
            ResidualBlock(inputFeatures: input, outputFeatures: 256, seed: seed.derived("block", index: 0)),
            ResidualBlock(inputFeatures: input + 256, outputFeatures: 256, seed: seed.derived("block", index: 1)),
        ]
        output = Linear(inputFeatures: input + 512, outputFeatures: CTGANShapes.dataDimension, seed: seed.derived("output"))
        super.init()
    }

    func callAsFunction(_ input: Variable) -> Variable {
        callAsFunction(parts: [input])
    }

    /// The generator on its input given as column parts (noise, condition vector).
    func callAsFunction(parts: [Variable]) -> Variable {
        output(parts: blocks[1](parts: blocks[0](parts: parts)))
    }
}

/// CTGAN's critic with pac 10: 1900 -> 256 -> 256 -> 1, LeakyReLU(0.2) and dropout 0.5.
final class Discriminator: Module, Layer {
    let network: Sequential

    init(seed: Seed) {
        let input = (CTGANShapes.dataDimension + CTGANShapes.conditionDimension) * CTGANShapes.pac
        network = Sequential([
            Linear(inputFeatures: input, outputFeatures: 256, seed: seed.derived("first")), LeakyReLU(negativeSlope: 0.2),
            Dropout(dropProbability: 0.5, seed: seed.derived("dropout-first")),
            Linear(inputFeatures: 256, outputFeatures: 256, seed: seed.derived("second")), LeakyReLU(negativeSlope: 0.2),
            Dropout(dropProbability: 0.5, seed: seed.derived("dropout-second")),
            Linear(inputFeatures: 256, outputFeatures: 1, seed: seed.derived("output")),
        ])
        super.init()
    }

    /// Scores packs of `pac` rows: input `[batch, width]` is viewed as `[batch / pac, width * pac]`.
    func callAsFunction(_ input: Variable) -> Variable {
        score(input).scores
    }

    /// Scores and the first layer's output; a known first-layer output skips its product.
    func score(_ input: Variable, firstLayerOutput: Tensor? = nil) -> (scores: Variable, firstLayer: Variable) {
        let packed = input.reshaped([input.shape[0] / CTGANShapes.pac, input.shape[1] * CTGANShapes.pac])
        guard let first = network.layers.first as? Linear else { return (network(packed), packed) }
        let hidden = firstLayerOutput.map { first(packed, knownOutput: $0) } ?? first(packed)
        return (network.layers.dropFirst().reduce(hidden) { $1($0) }, hidden)
    }
}
