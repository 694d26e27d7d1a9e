import SynthKitCore
import SynthKitNN
import SynthKitSynthesis
import SynthKitTable
import SynthKitTensor

/// The steps of ``TVAE/fit(_:schema:options:)``: fit the column transforms, encode the table,
/// train encoder and decoder for the configured epochs, and keep the decoder.
struct TVAETraining {
    let configuration: TVAE
    let table: Table
    let schema: Schema
    let options: FitOptions

    func run() -> TVAE.Model {
        let seed = options.seed
        options.progress?.report(stage: "fitting mode-specific normalisation", fraction: 0)
        let columns = DeepTableEncoder.fitColumns(table: table, schema: schema, seed: seed.derived("tvae.transform"), threads: options.threads)
        let encoder = DeepTableEncoder(columns: columns)
        let width = encoder.width
        let decoder = TVAEDecoder(
            latent: configuration.embeddingDimension, hidden: configuration.decompressDimensions, outputWidth: max(width, 1),
            seed: seed.derived("tvae.decoder"))
        if width > 0 {
            let data = Tensor(shape: [table.rowCount, width], scalars: encoder.encode(table, seed: seed.derived("tvae.encode")).rows)
            train(data: data, spans: encoder.spans, decoder: decoder)
        }
        var stored: [String: Tensor] = [:]
        for (path, variable) in decoder.namedVariables() { stored[path] = variable.value }
        options.progress?.report(stage: "fitted", fraction: 1)
        return TVAE.Model(
            configuration: configuration, schema: schema,
            provenance: Provenance.fitted(by: configuration, schema: schema, options: options),
            columns: columns, decoder: StoredParameters(stored))
    }

    func train(data: Tensor, spans: [DeepTableEncoder.Span], decoder: TVAEDecoder) {
        let seed = options.seed
        let width = data.shape[1]
        let rowCount = data.shape[0]
        let encoderNetwork = TVAEEncoder(
            inputWidth: width, hidden: configuration.compressDimensions, latent: configuration.embeddingDimension,
            seed: seed.derived("tvae.encoder"))
        var optimizer = Adam(
            parameters: encoderNetwork.namedParameters(prefix: "encoder.") + decoder.namedParameters(prefix: "decoder."),
            learningRate: Float(configuration.learningRate), weightDecay: Float(configuration.l2Scale))
        var scalarMask = [Float](repeating: 0, count: width)
        for span in spans where !span.isSoftmax { scalarMask[span.start] = 1 }
        let maskRow = Tensor(shape: [1, width], scalars: scalarMask)
        let maskVector = Tensor(shape: [width], scalars: scalarMask)
        // Log-probabilities of every one-hot block in one fused pass; scalar columns pass through
        // and are masked out of the cross-entropy by `softmaxMaskRow`.
        let segments = spans.map { span in
            ColumnSegment(start: span.start, width: span.width, activation: span.isSoftmax ? .logSoftmax : .identity)
        }
        let softmaxMaskRow = maskRow.affine(scale: -1, shift: 1)
        var noise = seed.derived("tvae.noise").stream()
        let progress = EpochProgress(total: configuration.epochs, reporter: options.progress)
        for epoch in 0..<configuration.epochs {
            var shuffle = seed.derived("tvae.shuffle", index: epoch).stream()
            var order = Array(0..<rowCount)
            for index in stride(from: rowCount - 1, to: 0, by: -1) { order.swapAt(index, shuffle.nextIndex(below: index + 1)) }
            var lossTotal = 0.0
            var batches = 0
            var start = 0
            while start < rowCount {
                let indices = Array(order[start..<min(start + configuration.batchSize, rowCount)])
                start += configuration.batchSize
                let batch = data.gatheringRows(indices)
                let count = Float(indices.count)
                let (mean, logVariance) = encoderNetwork(Variable(batch))
                let epsilon = Tensor.normal(shape: mean.shape, stream: &noise)
                let latent = (logVariance * 0.5).exp() * epsilon + mean
                let reconstruction = decoder(latent)
                var loss = ((reconstruction.tanh() - batch) * maskRow).squared() / (decoder.sigma.squared() * 2)
                var total = loss.sum() + (decoder.sigma.log() * maskVector).sum() * count
                if spans.contains(where: \.isSoftmax) {
                    total = total - (reconstruction.segmentActivated(segments) * (batch * softmaxMaskRow)).sum()
                }
                let divergence = Losses.gaussianKLDivergence(mean: mean, logVariance: logVariance)
                loss = total * (Float(configuration.lossFactor) / count) + divergence
                optimizer.clearGradients()
                loss.backward()
                optimizer.step()
                decoder.sigma.value = Tensor(shape: [width], scalars: decoder.sigma.value.scalars.map { min(max($0, 0.01), 1) })
                lossTotal += Double(loss.value.scalar)
                batches += 1
            }
            progress.epochFinished(epoch, losses: ["loss": lossTotal / Double(max(batches, 1))])
            ProcessMemory.releaseFreePages()
        }
    }
}
