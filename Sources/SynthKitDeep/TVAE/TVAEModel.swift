public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable
import SynthKitTensor

extension TVAE {
    /// A fitted TVAE: the column transforms and the decoder's parameters.
    ///
    /// Immutable and `Sendable`; `Codable` as the `model` of a `tvae` archive, parameters as
    /// base64 little-endian Float32 (``StoredParameters``). A decoded model is checked, so a
    /// corrupt file is a located error, never a crash in `sample`.
    public struct Model: SynthesisModel {
        /// The persisted kind.
        public static var kind: SynthesizerKind { TVAE.kind }

        /// The hyperparameters the model was fitted with.
        public let configuration: TVAE
        /// The schema the model was fitted with.
        public let schema: Schema
        /// Where the model came from.
        public let provenance: Provenance
        let columns: [DeepColumn]
        let decoder: StoredParameters

        init(configuration: TVAE, schema: Schema, provenance: Provenance, columns: [DeepColumn], decoder: StoredParameters) {
            self.configuration = configuration
            self.schema = schema
            self.provenance = provenance
            self.columns = columns
            self.decoder = decoder
        }

        enum CodingKeys: String, CodingKey {
            case configuration, schema, provenance, columns, decoder
        }

        /// Decodes and checks a model (parameter shapes against the configuration and columns).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            configuration = try container.decode(TVAE.self, forKey: .configuration)
            schema = try container.decode(Schema.self, forKey: .schema)
            provenance = try container.decode(Provenance.self, forKey: .provenance)
            columns = try container.decode([DeepColumn].self, forKey: .columns)
            self.decoder = try container.decode(StoredParameters.self, forKey: .decoder)
            for column in columns {
                if let problem = column.validationProblem() {
                    throw DecodingError.dataCorruptedError(forKey: .columns, in: container, debugDescription: "column '\(column.name)': \(problem)")
                }
            }
            var expected: [String: [Int]] = [:]
            var width = configuration.embeddingDimension
            for (index, size) in configuration.decompressDimensions.enumerated() {
                expected["layers.\(index).weight"] = [size, width]
                expected["layers.\(index).bias"] = [size]
                width = size
            }
            let outputWidth = max(DeepTableEncoder(columns: columns).width, 1)
            expected["output.weight"] = [outputWidth, width]
            expected["output.bias"] = [outputWidth]
            expected["sigma"] = [outputWidth]
            if let problem = StoredParameters.shapeProblem(self.decoder, expected: expected) {
                throw DecodingError.dataCorruptedError(forKey: .decoder, in: container, debugDescription: problem)
            }
        }

        /// Rows `range` of the seed's row sequence (see ``SynthesisModel``): per chunk, latent
        /// draws z ~ N(0, I), the decoder's tanh output, N(0, σ²) noise on the scalars, argmax
        /// per block. O(rows × hidden × (hidden + width)), parallel over chunks.
        /// - Throws: `.invalidArgument` when the range holds more than `Int32.max` rows.
        public func sample(rows range: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
            let encoder = DeepTableEncoder(columns: columns)
            let parameters = decoder
            let latent = configuration.embeddingDimension
            let hiddenCount = configuration.decompressDimensions.count
            return try ChunkedSampling.sample(
                rows: range, seed: seed, threads: threads, chunkRows: Self.sampleChunkRows, label: Self.sampleChunkLabel
            ) { rows, stream, firstRow in
                let noise = Tensor.normal(shape: [rows, latent], stream: &stream)
                let output = encoder.width > 0
                    ? TVAEDecoder.infer(noise, parameters: parameters, hiddenCount: hiddenCount).scalars : []
                return encoder.decode(output, rowCount: rows, sigmas: parameters["sigma"].scalars, stream: &stream, offset: firstRow)
            }
        }

        /// Per-column representation (modes, categories) and notes.
        public func summary() -> ModelSummary {
            DeepModelSummary.summary(
                kind: Self.kind, columns: columns, provenance: provenance,
                notes: ["TVAE decoder with hidden layers \(configuration.decompressDimensions), latent dimension \(configuration.embeddingDimension), trained \(configuration.epochs) epochs"])
        }
    }
}

extension TVAE.Model: ConditionalSampling {
    /// Conditional rows by bounded rejection against the categories the model learned: an
    /// unseen category is `.conditionUnsatisfiable` (unless allowed), an unknown column
    /// `.invalidArgument`. Expected cost O(rows / P(condition)) sampled rows per condition.
    public func sample(conditions: [Condition], seed: Seed, options: ConditioningOptions) throws(SynthKitError) -> ConditionalSample {
        try ObservedDomainModel(base: self, columns: columns).sampleByRejection(conditions: conditions, seed: seed, options: options)
    }
}
