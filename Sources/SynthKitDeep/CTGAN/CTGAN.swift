public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

/// The conditional tabular GAN CTGAN (Xu et al., "Modeling Tabular Data using Conditional
/// GAN", NeurIPS 2019), with the defaults of ctgan 0.12 / SDV 2.0.
///
/// **Representation.** Numerical columns by mode-specific normalisation (a variational
/// Bayesian Gaussian mixture of at most 10 modes, weight threshold 0.005: a tanh scalar and a
/// one-hot mode), categoricals one-hot (``ModeSpecificNormalization``).
///
/// **Conditional vector and training-by-sampling (§4.3).** Each step picks, per row, a
/// categorical column uniformly and a category with probability ∝ log(1 + count); the
/// generator gets the one-hot condition next to N(0, I) noise, the real batch is drawn from
/// rows holding the chosen categories, and the generator loss adds the cross-entropy between
/// its logits for the chosen column and the condition.
///
/// **Networks.** Generator: residual blocks `concat(ReLU(BN(Linear(h))), h)` of
/// ``generatorDimensions``, then a linear layer; tanh for scalars and Gumbel-softmax (τ = 0.2)
/// for one-hot blocks. Critic: PacGAN (``pac`` rows per critic input; Lin et al. 2018) through
/// ``discriminatorDimensions`` layers with LeakyReLU(0.2) and dropout 0.5.
///
/// **Loss.** WGAN-GP (Gulrajani et al. 2017): critic loss E[D(fake)] − E[D(real)] +
/// λ E[(‖∇D(x̂)‖₂ − 1)²] on pack-wise interpolates x̂ (λ = ``gradientPenaltyWeight``, second-
/// order autograd); generator loss −E[D(fake)] + condition cross-entropy. Adam with
/// lr 2e-4, betas (0.5, 0.9), weight decay 1e-6 for both networks.
///
/// **Sampling.** Noise and a condition drawn from the same log-frequency distribution, the
/// generator in evaluation mode (running batch-norm statistics, so a model is a pure function
/// of its parameters: ctgan samples with batch statistics), argmax of logits + Gumbel noise
/// per block. Complexity per epoch: O(rows × hidden × (width + hidden)) multiply-adds, about
/// 3× that for the critic's second-order pass.
public struct CTGAN: Synthesizer {
    /// The persisted kind.
    public static let kind: SynthesizerKind = "ctgan"

    /// The noise dimension (128).
    public var embeddingDimension: Int
    /// The generator's residual block sizes ((256, 256)).
    public var generatorDimensions: [Int]
    /// The critic's hidden layer sizes ((256, 256)).
    public var discriminatorDimensions: [Int]
    /// The generator's learning rate (2e-4).
    public var generatorLearningRate: Double
    /// The generator's weight decay (1e-6).
    public var generatorDecay: Double
    /// The critic's learning rate (2e-4).
    public var discriminatorLearningRate: Double
    /// The critic's weight decay (1e-6).
    public var discriminatorDecay: Double
    /// Rows per batch (500; a multiple of ``pac``).
    public var batchSize: Int
    /// Critic steps per generator step (1).
    public var discriminatorSteps: Int
    /// Passes over the data (300).
    public var epochs: Int
    /// Rows per critic input (PacGAN, 10).
    public var pac: Int
    /// λ of the gradient penalty (10).
    public var gradientPenaltyWeight: Double
    /// Whether conditions are drawn by log-frequency (true) rather than frequency.
    public var logFrequency: Bool

    /// Creates a configuration with the published defaults; values are checked by `fit`.
    public init(
        embeddingDimension: Int = 128, generatorDimensions: [Int] = [256, 256], discriminatorDimensions: [Int] = [256, 256],
        generatorLearningRate: Double = 2e-4, generatorDecay: Double = 1e-6, discriminatorLearningRate: Double = 2e-4,
        discriminatorDecay: Double = 1e-6, batchSize: Int = 500, discriminatorSteps: Int = 1, epochs: Int = 300, pac: Int = 10,
        gradientPenaltyWeight: Double = 10, logFrequency: Bool = true
    ) {
        self.embeddingDimension = embeddingDimension
        self.generatorDimensions = generatorDimensions
        self.discriminatorDimensions = discriminatorDimensions
        self.generatorLearningRate = generatorLearningRate
        self.generatorDecay = generatorDecay
        self.discriminatorLearningRate = discriminatorLearningRate
        self.discriminatorDecay = discriminatorDecay
        self.batchSize = batchSize
        self.discriminatorSteps = discriminatorSteps
        self.epochs = epochs
        self.pac = pac
        self.gradientPenaltyWeight = gradientPenaltyWeight
        self.logFrequency = logFrequency
    }

    /// The Gumbel-softmax temperature for one-hot blocks (ctgan's fixed 0.2).
    public static let gumbelTemperature: Float = 0.2

    /// Fits generator and critic, reporting each epoch's losses on `options.progress`.
    /// - Throws: `.invalidArgument` for hyperparameters out of range, `.invalidInput` for an
    ///   empty table or infinite numbers, `.invalidSchema` when schema and table disagree.
    public func fit(_ table: Table, schema: Schema, options: FitOptions) throws(SynthKitError) -> Model {
        try validate()
        try DeepInputCheck.check(table: table, schema: schema)
        return CTGANTraining(configuration: self, table: table, schema: schema, options: options).run()
    }

    func validate() throws(SynthKitError) {
        var problems: [SynthKitError] = []
        func problem(_ field: String, _ message: String) {
            problems.append(SynthKitError(.invalidArgument, message, location: .init(field: field)))
        }
        if embeddingDimension < 1 { problem("embeddingDimension", "embeddingDimension must be at least 1, got \(embeddingDimension)") }
        if generatorDimensions.contains(where: { $0 < 1 }) { problem("generatorDimensions", "layer sizes must be at least 1, got \(generatorDimensions)") }
        if discriminatorDimensions.contains(where: { $0 < 1 }) {
            problem("discriminatorDimensions", "layer sizes must be at least 1, got \(discriminatorDimensions)")
        }
        for (field, value) in [("generatorLearningRate", generatorLearningRate), ("discriminatorLearningRate", discriminatorLearningRate)]
        where !(value > 0) {
            problem(field, "\(field) must be positive, got \(value)")
        }
        for (field, value) in [("generatorDecay", generatorDecay), ("discriminatorDecay", discriminatorDecay), ("gradientPenaltyWeight", gradientPenaltyWeight)]
        where !(value >= 0) {
            problem(field, "\(field) must be non-negative, got \(value)")
        }
        if pac < 1 { problem("pac", "pac must be at least 1, got \(pac)") }
        if batchSize < 2 || (pac >= 1 && batchSize % pac != 0) || batchSize % 2 != 0 {
            problem("batchSize", "batchSize must be an even multiple of pac (\(pac)) of at least 2, got \(batchSize)")
        }
        if discriminatorSteps < 1 { problem("discriminatorSteps", "discriminatorSteps must be at least 1, got \(discriminatorSteps)") }
        if epochs < 0 { problem("epochs", "epochs must be non-negative, got \(epochs)") }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }
}
