public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

/// The tabular variational autoencoder TVAE (Xu et al., "Modeling Tabular Data using
/// Conditional GAN", NeurIPS 2019, §5), with ctgan 0.12 / SDV 2.0 defaults.
///
/// Rows are represented as in CTGAN (mode-specific normalisation of numerical columns,
/// one-hot categoricals; see ``ModeSpecificNormalization``). The encoder maps a row through
/// ReLU layers of ``compressDimensions`` to the mean and log-variance of a
/// ``embeddingDimension``-dimensional Gaussian; the decoder maps a latent draw through ReLU
/// layers of ``decompressDimensions`` to the row, with a learned σⱼ per scalar entry
/// (initialised to 0.1, clamped to [0.01, 1] after each step). The loss per batch of n rows is
/// `lossFactor`·(Σ scalar (xⱼ − tanh x̂ⱼ)²/(2σⱼ²) + n log σⱼ + Σ blocks cross-entropy)/n +
/// KL(q(z|x) ‖ N(0, I))/n, minimised by Adam (lr ``learningRate``, weight decay ``l2Scale``).
/// Sampling decodes z ~ N(0, I), adds N(0, σⱼ²) noise to the tanh scalars and takes the argmax
/// of each one-hot block.
///
/// Complexity per epoch: O(rows × (width + hidden) × hidden) multiply-adds.
public struct TVAE: Synthesizer {
    /// The persisted kind.
    public static let kind: SynthesizerKind = "tvae"

    /// The latent dimension (128).
    public var embeddingDimension: Int
    /// The encoder's hidden layer sizes ((128, 128)).
    public var compressDimensions: [Int]
    /// The decoder's hidden layer sizes ((128, 128)).
    public var decompressDimensions: [Int]
    /// Adam's weight decay (1e-5).
    public var l2Scale: Double
    /// Rows per batch (500).
    public var batchSize: Int
    /// Passes over the data (300).
    public var epochs: Int
    /// The weight of the reconstruction loss against the KL term (2).
    public var lossFactor: Double
    /// Adam's learning rate (1e-3).
    public var learningRate: Double

    /// Creates a configuration with the published defaults; values are checked by `fit`.
    public init(
        embeddingDimension: Int = 128, compressDimensions: [Int] = [128, 128], decompressDimensions: [Int] = [128, 128],
        l2Scale: Double = 1e-5, batchSize: Int = 500, epochs: Int = 300, lossFactor: Double = 2, learningRate: Double = 1e-3
    ) {
        self.embeddingDimension = embeddingDimension
        self.compressDimensions = compressDimensions
        self.decompressDimensions = decompressDimensions
        self.l2Scale = l2Scale
        self.batchSize = batchSize
        self.epochs = epochs
        self.lossFactor = lossFactor
        self.learningRate = learningRate
    }

    /// Fits the autoencoder, reporting each epoch's loss on `options.progress`.
    /// - Throws: `.invalidArgument` for hyperparameters out of range, `.invalidInput` for an
    ///   empty table or infinite numbers, `.invalidSchema` when schema and table disagree.
    public func fit(_ table: Table, schema: Schema, options: FitOptions) throws(SynthKitError) -> Model {
        try validate()
        try DeepInputCheck.check(table: table, schema: schema)
        return TVAETraining(configuration: self, table: table, schema: schema, options: options).run()
    }

    func validate() throws(SynthKitError) {
        var problems: [SynthKitError] = []
        func problem(_ field: String, _ message: String) {
            problems.append(SynthKitError(.invalidArgument, message, location: .init(field: field)))
        }
        if embeddingDimension < 1 { problem("embeddingDimension", "embeddingDimension must be at least 1, got \(embeddingDimension)") }
        if compressDimensions.contains(where: { $0 < 1 }) { problem("compressDimensions", "layer sizes must be at least 1, got \(compressDimensions)") }
        if decompressDimensions.contains(where: { $0 < 1 }) { problem("decompressDimensions", "layer sizes must be at least 1, got \(decompressDimensions)") }
        if !(l2Scale >= 0) { problem("l2Scale", "l2Scale must be non-negative, got \(l2Scale)") }
        if batchSize < 1 { problem("batchSize", "batchSize must be at least 1, got \(batchSize)") }
        if epochs < 0 { problem("epochs", "epochs must be non-negative, got \(epochs)") }
        if !(lossFactor > 0) { problem("lossFactor", "lossFactor must be positive, got \(lossFactor)") }
        if !(learningRate > 0) { problem("learningRate", "learningRate must be positive, got \(learningRate)") }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }
}
