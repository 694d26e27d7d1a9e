public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable
import SynthKitTensor
import Foundation

extension CTGAN {
    /// A fitted CTGAN: the column transforms, the condition distribution and the generator's
    /// parameters (batch-norm running statistics included, though sampling normalises each group
    /// of about `batchSize` rows of a chunk by its own statistics, as ctgan's generator does: it
    /// is never switched to evaluation mode).
    ///
    /// Immutable and `Sendable`; `Codable` as the `model` of a `ctgan` archive, parameters as
    /// base64 little-endian Float32 (``StoredParameters``). A decoded model is checked, so a
    /// corrupt file is a located error, never a crash in `sample`.
    public struct Model: SynthesisModel {
        /// The persisted kind.
        public static var kind: SynthesizerKind { CTGAN.kind }

        /// The hyperparameters the model was fitted with.
        public let configuration: CTGAN
        /// The schema the model was fitted with.
        public let schema: Schema
        /// Where the model came from.
        public let provenance: Provenance
        let columns: [DeepColumn]
        let conditions: ConditionalVectorSampler
        let generator: StoredParameters

        init(
            configuration: CTGAN, schema: Schema, provenance: Provenance, columns: [DeepColumn],
            conditions: ConditionalVectorSampler, generator: StoredParameters
        ) {
            self.configuration = configuration
            self.schema = schema
            self.provenance = provenance
            self.columns = columns
            self.conditions = conditions
            self.generator = generator
        }

        enum CodingKeys: String, CodingKey {
            case configuration, schema, provenance, columns, conditions, generator
        }

        /// Decodes and checks a model (parameter shapes against the configuration and columns).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            configuration = try container.decode(CTGAN.self, forKey: .configuration)
            schema = try container.decode(Schema.self, forKey: .schema)
            provenance = try container.decode(Provenance.self, forKey: .provenance)
            columns = try container.decode([DeepColumn].self, forKey: .columns)
            conditions = try container.decode(ConditionalVectorSampler.self, forKey: .conditions)
            generator = try container.decode(StoredParameters.self, forKey: .generator)
            for column in columns {
                if let problem = column.validationProblem() {
                    throw DecodingError.dataCorruptedError(forKey: .columns, in: container, debugDescription: "column '\(column.name)': \(problem)")
                }
            }
            let encoder = DeepTableEncoder(columns: columns)
            let categorical = encoder.spans.filter(\.isCategorical)
            guard categorical.count == conditions.blocks.count,
                  zip(categorical, conditions.blocks).allSatisfy({ $0.width == $1.probabilities.count && $0.start == $1.dataStart }),
                  conditions.categoryCount == categorical.reduce(0, { $0 + $1.width })
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .conditions, in: container, debugDescription: "condition blocks do not match the categorical columns")
            }
            var expected: [String: [Int]] = [:]
            var width = configuration.embeddingDimension + conditions.categoryCount
            for (index, size) in configuration.generatorDimensions.enumerated() {
                expected["blocks.\(index).linear.weight"] = [size, width]
                expected["blocks.\(index).linear.bias"] = [size]
                for name in ["weight", "bias", "runningMean", "runningVariance"] { expected["blocks.\(index).batchNorm.\(name)"] = [size] }
                width += size
            }
            let outputWidth = max(encoder.width, 1)
            expected["output.weight"] = [outputWidth, width]
            expected["output.bias"] = [outputWidth]
            if let problem = StoredParameters.shapeProblem(generator, expected: expected) {
                throw DecodingError.dataCorruptedError(forKey: .generator, in: container, debugDescription: problem)
            }
        }

        /// Rows `range` of the seed's row sequence (see ``SynthesisModel``): per chunk, noise
        /// z ~ N(0, I) and conditions from the log-frequency distribution, the generator's
        /// logits, tanh scalars and argmax(logits + Gumbel noise) per block (the argmax of the
        /// Gumbel-softmax sample). O(rows × hidden × (width + hidden)), parallel over chunks.
        /// - Throws: `.invalidArgument` when the range holds more than `Int32.max` rows.
        public func sample(rows range: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
            try sample(rows: range, seed: seed, threads: threads, label: Self.sampleChunkLabel, fixedCondition: nil)
        }

        /// Sampling with an optional fixed condition entry (conditional sampling).
        func sample(rows range: Range<Int>, seed: Seed, threads: Int?, label: String, fixedCondition: Int?) throws(SynthKitError) -> Table {
            let encoder = DeepTableEncoder(columns: columns)
            let parameters = generator
            let conditions = self.conditions
            let noiseWidth = configuration.embeddingDimension
            let batchSize = max(1, configuration.batchSize)
            let blockCount = configuration.generatorDimensions.count
            var softmaxMask = [Bool](repeating: false, count: encoder.width)
            for span in encoder.spans where span.isSoftmax {
                for index in span.start..<(span.start + span.width) { softmaxMask[index] = true }
            }
            let mask = softmaxMask
            return try ChunkedSampling.sample(
                rows: range, seed: seed, threads: threads, chunkRows: Self.sampleChunkRows, label: label
            ) { rows, stream, firstRow in
                let noise = Tensor.normal(shape: [rows, noiseWidth], stream: &stream)
                var condition = conditions.sample(rows: rows, stream: &stream).vector
                if let fixedCondition {
                    var scalars = [Float](repeating: 0, count: rows * conditions.categoryCount)
                    for row in 0..<rows { scalars[row * conditions.categoryCount + fixedCondition] = 1 }
                    condition = Tensor(shape: [rows, conditions.categoryCount], scalars: scalars)
                }
                guard encoder.width > 0 else {
                    return encoder.decode([], rowCount: rows, sigmas: nil, stream: &stream, offset: firstRow)
                }
                // ctgan samples in batches of its training batch size with the generator in
                // training mode: batch normalisation uses each batch's own statistics.
                let logits = CTGANGenerator.infer(
                    Tensor.concatenate([noise, condition], alongAxis: 1), parameters: parameters, blockCount: blockCount,
                    batchStatisticsGroups: max(1, (rows + batchSize / 2) / batchSize))
                let gumbel = Tensor.gumbel(shape: logits.shape, stream: &stream).scalars
                var output = logits.scalars
                let width = encoder.width
                for index in output.indices {
                    output[index] = mask[index % width] ? output[index] + gumbel[index] : Float(Foundation.tanh(Double(output[index])))
                }
                return encoder.decode(output, rowCount: rows, sigmas: nil, stream: &stream, offset: firstRow)
            }
        }

        /// Per-column representation (modes, categories) and notes.
        public func summary() -> ModelSummary {
            DeepModelSummary.summary(
                kind: Self.kind, columns: columns, provenance: provenance,
                notes: [
                    "CTGAN generator with residual blocks \(configuration.generatorDimensions), noise dimension \(configuration.embeddingDimension), trained \(configuration.epochs) epochs",
                    "\(conditions.blocks.count) categorical columns in the conditional vector (\(conditions.categoryCount) categories)",
                ])
        }
    }
}
