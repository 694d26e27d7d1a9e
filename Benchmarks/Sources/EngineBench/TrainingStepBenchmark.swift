import Foundation
import SynthKit

/// One CTGAN training step (critic step with gradient penalty, then generator step), timed.
/// Differences from the PyTorch mirror that change no maths: the generator takes its input as
/// parts (noise, condition), the output activation is one fused operation, the critic scores
/// real and fake packs in one pass, and the interpolate's first critic layer is mixed from theirs.
final class CTGANStep {
    let generator: Generator
    let discriminator: Discriminator
    var generatorOptimizer: Adam
    var discriminatorOptimizer: Adam
    var stream: RandomStream
    let realPool: Tensor

    init(seed: Seed) {
        generator = Generator(seed: seed.derived("generator"))
        discriminator = Discriminator(seed: seed.derived("discriminator"))
        generatorOptimizer = Adam(parameters: generator.namedParameters(), learningRate: 2e-4, beta1: 0.5, beta2: 0.9, weightDecay: 1e-6)
        discriminatorOptimizer = Adam(parameters: discriminator.namedParameters(), learningRate: 2e-4, beta1: 0.5, beta2: 0.9, weightDecay: 1e-6)
        stream = seed.derived("data").stream()
        var poolStream = seed.derived("pool").stream()
        realPool = CTGANStep.activate(Variable(Tensor.normal(shape: [5000, CTGANShapes.dataDimension], stream: &poolStream)), stream: &poolStream).value
    }

    /// tanh on scalar spans, Gumbel-softmax (τ = 0.2, soft) on one-hot spans, concatenated.
    static func activate(_ raw: Variable, stream: inout RandomStream) -> Variable {
        let segments = CTGANShapes.spans.map { span in
            ColumnSegment(start: span.start, width: span.width, activation: span.isTanh ? .tanh : .softmax)
        }
        return GumbelSoftmax.activate(logits: raw, segments: segments, temperature: 0.2, stream: &stream)
    }

    /// A conditional vector (one category of one discrete column per row) and its column mask.
    func conditions() -> (vector: Tensor, mask: Tensor, categories: [[Int]]) {
        let batch = CTGANShapes.batchSize
        var vector = Tensor(zeros: [batch, CTGANShapes.conditionDimension])
        var mask = Tensor(zeros: [batch, CTGANShapes.discreteColumns])
        var categories = [[Int]](repeating: [Int](repeating: 0, count: batch), count: CTGANShapes.discreteColumns)
        for row in 0..<batch {
            let column = stream.nextIndex(below: CTGANShapes.discreteColumns)
            let category = stream.nextIndex(below: CTGANShapes.categoriesPerDiscrete)
            vector[row, column * CTGANShapes.categoriesPerDiscrete + category] = 1
            mask[row, column] = 1
            for other in 0..<CTGANShapes.discreteColumns { categories[other][row] = other == column ? category : 0 }
        }
        return (vector, mask, categories)
    }

    /// The generator's input as parts: noise, then the condition vector.
    func noise(_ condition: Tensor) -> [Variable] {
        [Variable(Tensor.normal(shape: [CTGANShapes.batchSize, CTGANShapes.noiseDimension], stream: &stream)), Variable(condition)]
    }

    func step() -> (critic: Float, generator: Float) {
        let batch = CTGANShapes.batchSize
        // Critic step: the generator runs without a graph.
        let first = conditions()
        let fake = withGradientRecordingDisabled { CTGANStep.activate(generator(parts: noise(first.vector)), stream: &stream) }.value
        let permutation = (0..<batch).shuffled(using: &stream)
        let realIndices = (0..<batch).map { _ in stream.nextIndex(below: realPool.rowCount) }
        let realCombined = Tensor.concatenate([realPool.gatheringRows(realIndices), first.vector.gatheringRows(permutation)], alongAxis: 1)
        let fakeCombined = Tensor.concatenate([fake, first.vector], alongAxis: 1)
        // Real and fake packs scored in one pass (the critic has no batch statistics).
        let packs = batch / CTGANShapes.pac
        let (scores, firstLayer) = discriminator.score(Variable(Tensor.concatenate([realCombined, fakeCombined], alongAxis: 0)))
        let signs = Tensor(shape: [2 * packs, 1], scalars: (0..<(2 * packs)).map { $0 < packs ? 1 / Float(packs) : -1 / Float(packs) })
        let alpha = Tensor.uniform(shape: [packs, 1], stream: &stream)
        let alphaRows = alpha.gatheringRows((0..<batch).map { $0 / CTGANShapes.pac })
        let interpolated = Variable(realCombined * alphaRows + fakeCombined * alphaRows.affine(scale: -1, shift: 1), requiresGradient: true)
        // The first layer is affine: its output at the interpolate is the same mix of its outputs.
        let firstReal = firstLayer.value.gatheringRows(Array(0..<packs))
        let firstFake = firstLayer.value.gatheringRows(Array(packs..<(2 * packs)))
        let known = alpha * firstReal + alpha.affine(scale: -1, shift: 1) * firstFake
        let criticInterpolated = discriminator.score(interpolated, firstLayerOutput: known).scores
        let gradient = Variable.gradients(of: criticInterpolated.sum(), withRespectTo: [interpolated], createGraph: true)[0]
        let packed = gradient.reshaped([packs, gradient.shape[1] * CTGANShapes.pac])
        let penalty = ((packed * packed).sum(alongAxis: 1).squareRoot() - 1).squared().mean() * 10
        let criticLoss = penalty - (scores * signs).sum()
        discriminatorOptimizer.clearGradients()
        criticLoss.backward(restrictedTo: discriminator.parameters)
        discriminatorOptimizer.step()

        // Generator step.
        let second = conditions()
        let raw = generator(parts: noise(second.vector))
        let activated = CTGANStep.activate(raw, stream: &stream)
        let score = discriminator(Variable.concatenate([activated, Variable(second.vector)], alongAxis: 1))
        var conditionLoss = Variable(Tensor(0))
        for column in 0..<CTGANShapes.discreteColumns {
            let start = CTGANShapes.discreteStart(column)
            let logits = raw.columns(start..<(start + CTGANShapes.categoriesPerDiscrete))
            let targets = Tensor.oneHot(second.categories[column], classCount: CTGANShapes.categoriesPerDiscrete)
            let perRow = (logits.logSoftmax(alongAxis: 1) * targets).sum(alongAxis: 1) * -1
            conditionLoss = conditionLoss + (perRow * second.mask.columns(column..<(column + 1))).sum()
        }
        let generatorLoss = conditionLoss * (1 / Float(batch)) - score.mean()
        generatorOptimizer.clearGradients()
        generatorLoss.backward(restrictedTo: generator.parameters)
        generatorOptimizer.step()
        return (criticLoss.value.scalar, generatorLoss.value.scalar)
    }
}

enum TrainingStepBenchmark {
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * 4096 / 1_048_576
    }

    static func run(threads: Int, steadySteps: Int = 1000, rounds: Int = 7) {
        let training = CTGANStep(seed: Seed(7))
        for _ in 0..<5 { _ = training.step() }
        var times: [Double] = []
        var cpuTimes: [Double] = []
        for _ in 0..<rounds {
            let start = Timing.now()
            let cpuStart = Timing.threadCPUTime()
            for _ in 0..<10 { _ = training.step() }
            cpuTimes.append((Timing.threadCPUTime() - cpuStart) / 10)
            times.append((Timing.now() - start) / 10)
        }
        times.sort()
        cpuTimes.sort()
        print("ctgan step threads=\(threads) (SYNTHKIT_THREADS=\(TensorDefaults.threadCount)): best \(format(times[0] * 1000)) ms, median \(format(times[times.count / 2] * 1000)) ms; thread CPU time best \(format(cpuTimes[0] * 1000)) ms, median \(format(cpuTimes[cpuTimes.count / 2] * 1000)) ms")
        if steadySteps > 0 {
            let before = residentMegabytes()
            var losses = (critic: Float(0), generator: Float(0))
            for _ in 0..<steadySteps { losses = training.step() }
            print("resident memory: \(format(before)) MB after 75 steps, \(format(residentMegabytes())) MB after \(steadySteps) more; last losses critic \(losses.critic) generator \(losses.generator)")
        }
    }

    static func format(_ value: Double) -> String {
        String(Double(Int(value * 100)) / 100)
    }
}
