import SynthKitCore
import SynthKitNN
import SynthKitSynthesis
import SynthKitTable
import SynthKitTensor

/// The steps of ``CTGAN/fit(_:schema:options:)``: fit the column transforms, encode the
/// table, alternate critic and generator steps (ctgan 0.12's loop), keep the generator.
struct CTGANTraining {
    let configuration: CTGAN
    let table: Table
    let schema: Schema
    let options: FitOptions

    func run() -> CTGAN.Model {
        let seed = options.seed
        options.progress?.report(stage: "fitting mode-specific normalisation", fraction: 0)
        let columns = DeepTableEncoder.fitColumns(table: table, schema: schema, seed: seed.derived("ctgan.transform"), threads: options.threads)
        let encoder = DeepTableEncoder(columns: columns)
        let encoded = encoder.encode(table, seed: seed.derived("ctgan.encode"))
        let conditions = ConditionalVectorSampler(spans: encoder.spans, codes: encoded.codes, logFrequency: configuration.logFrequency)
        let width = max(encoder.width, 1)
        let generator = CTGANGenerator(
            inputWidth: configuration.embeddingDimension + conditions.categoryCount, hidden: configuration.generatorDimensions,
            outputWidth: width, seed: seed.derived("ctgan.generator"))
        if encoder.width > 0 {
            let data = Tensor(shape: [table.rowCount, width], scalars: encoded.rows)
            train(data: data, spans: encoder.spans, codes: encoded.codes, conditions: conditions, generator: generator)
        }
        generator.setTraining(false)
        var stored: [String: Tensor] = [:]
        for (path, variable) in generator.namedVariables() { stored[path] = variable.value }
        options.progress?.report(stage: "fitted", fraction: 1)
        return CTGAN.Model(
            configuration: configuration, schema: schema,
            provenance: Provenance.fitted(by: configuration, schema: schema, options: options),
            columns: columns, conditions: conditions, generator: StoredParameters(stored))
    }

    /// tanh for scalars, Gumbel-softmax (τ = 0.2) for one-hot blocks.
    /// One fused operation; the Gumbel noise is drawn span by span in order, as ctgan does.
    static func activate(_ logits: Variable, spans: [DeepTableEncoder.Span], stream: inout RandomStream) -> Variable {
        let segments = spans.map { span in
            ColumnSegment(start: span.start, width: span.width, activation: span.isSoftmax ? .softmax : .tanh)
        }
        return GumbelSoftmax.activate(logits: logits, segments: segments, temperature: CTGAN.gumbelTemperature, stream: &stream)
    }

    /// The generator's input as parts (noise, then the condition vector, when there is one), so
    /// the one-hot condition takes the sparse product path and needs no concatenation.
    static func generatorInput(noise: Tensor, condition: Tensor) -> [Variable] {
        condition.shape[1] == 0 ? [Variable(noise)] : [Variable(noise), Variable(condition)]
    }

    func train(
        data: Tensor, spans: [DeepTableEncoder.Span], codes: [Int: [Int32]], conditions: ConditionalVectorSampler,
        generator: CTGANGenerator
    ) {
        let seed = options.seed
        let batch = configuration.batchSize
        let rowCount = data.shape[0]
        let discriminator = CTGANDiscriminator(
            inputWidth: data.shape[1] + conditions.categoryCount, hidden: configuration.discriminatorDimensions,
            pac: configuration.pac, seed: seed.derived("ctgan.discriminator"))
        var generatorOptimizer = Adam(
            parameters: generator.namedParameters(), learningRate: Float(configuration.generatorLearningRate), beta1: 0.5,
            beta2: 0.9, weightDecay: Float(configuration.generatorDecay))
        var discriminatorOptimizer = Adam(
            parameters: discriminator.namedParameters(), learningRate: Float(configuration.discriminatorLearningRate),
            beta1: 0.5, beta2: 0.9, weightDecay: Float(configuration.discriminatorDecay))
        let generatorParameters = generator.parameters
        let discriminatorParameters = discriminator.parameters
        // Rows holding each category, per conditional block (training-by-sampling).
        var rowsByCategory: [[[Int]]] = []
        for span in spans where span.isCategorical {
            var lists = [[Int]](repeating: [], count: span.width)
            for (row, code) in (codes[span.column] ?? []).enumerated() { lists[Int(code)].append(row) }
            rowsByCategory.append(lists)
        }
        let conditionalSpans = spans.filter(\.isCategorical)
        var stream = seed.derived("ctgan.training").stream()
        let stepsPerEpoch = max(rowCount / batch, 1)
        let progress = EpochProgress(total: configuration.epochs, reporter: options.progress)
        for epoch in 0..<configuration.epochs {
            var generatorLoss = 0.0
            var discriminatorLoss = 0.0
            for _ in 0..<stepsPerEpoch {
                for _ in 0..<configuration.discriminatorSteps {
                    let noise = Tensor.normal(shape: [batch, configuration.embeddingDimension], stream: &stream)
                    let (condition, choices) = conditions.sample(rows: batch, stream: &stream)
                    var realRows: [Int] = []
                    var realCondition = condition
                    if choices.isEmpty {
                        realRows = (0..<batch).map { _ in stream.nextIndex(below: rowCount) }
                    } else {
                        var permutation = Array(0..<batch)
                        for index in stride(from: batch - 1, to: 0, by: -1) { permutation.swapAt(index, stream.nextIndex(below: index + 1)) }
                        realRows = permutation.map { position in
                            let (block, category) = choices[position]
                            let candidates = rowsByCategory[block][category]
                            return candidates[stream.nextIndex(below: candidates.count)]
                        }
                        realCondition = condition.gatheringRows(permutation)
                    }
                    // The critic step needs no gradient through the generator (ctgan computes one and
                    // discards it), so its forward pass is not recorded.
                    let fakeInput = withGradientRecordingDisabled {
                        let fake = generator(parts: Self.generatorInput(noise: noise, condition: condition))
                        let fakeActivated = Self.activate(fake, spans: spans, stream: &stream)
                        return Variable.concatenate([fakeActivated, Variable(condition)], alongAxis: 1)
                    }
                    let realInput = Tensor.concatenate([data.gatheringRows(realRows), realCondition], alongAxis: 1)
                    // Scored in two passes: encoded real rows are mostly zeros (one-hot blocks), so
                    // their first-layer product takes the sparse path, which a stacked pass with the
                    // dense fake rows would not.
                    let (fakeScores, fakeFirstLayer) = discriminator.score(fakeInput)
                    let (realScores, realFirstLayer) = discriminator.score(Variable(realInput))
                    let penalty = discriminator.gradientPenalty(
                        real: realInput, fake: fakeInput.value, firstLayer: (real: realFirstLayer.value, fake: fakeFirstLayer.value),
                        weight: Float(configuration.gradientPenaltyWeight), stream: &stream)
                    let loss = fakeScores.mean() - realScores.mean()
                    discriminatorOptimizer.clearGradients()
                    (penalty + loss).backward(restrictedTo: discriminatorParameters)
                    discriminatorOptimizer.step()
                    discriminatorLoss = Double(loss.value.scalar)
                }
                let noise = Tensor.normal(shape: [batch, configuration.embeddingDimension], stream: &stream)
                let (condition, choices) = conditions.sample(rows: batch, stream: &stream)
                let fake = generator(parts: Self.generatorInput(noise: noise, condition: condition))
                let fakeActivated = Self.activate(fake, spans: spans, stream: &stream)
                let scores = discriminator(Variable.concatenate([fakeActivated, Variable(condition)], alongAxis: 1))
                var loss = -scores.mean()
                if !choices.isEmpty {
                    var crossEntropy: Variable?
                    for (block, span) in conditionalSpans.enumerated() {
                        let start = conditions.blocks[block].conditionStart
                        let target = condition.columns(start..<(start + span.width))
                        let term = (fake.columns(span.start..<(span.start + span.width)).logSoftmax(alongAxis: 1) * target).sum()
                        crossEntropy = crossEntropy.map { $0 + term } ?? term
                    }
                    if let crossEntropy { loss = loss - crossEntropy * (1 / Float(batch)) }
                }
                generatorOptimizer.clearGradients()
                loss.backward(restrictedTo: generatorParameters)
                generatorOptimizer.step()
                generatorLoss = Double(loss.value.scalar)
            }
            progress.epochFinished(epoch, losses: ["generator": generatorLoss, "discriminator": discriminatorLoss])
            ProcessMemory.releaseFreePages()
        }
    }
}
