public import SynthKitCore

/// What every fit needs besides the data and the hyperparameters.
///
/// Hyperparameters live on the ``Synthesizer`` value; these are run settings: the seed every
/// random draw derives from, the thread cap, a progress sink and the input fingerprint that
/// goes into the model's ``Provenance``.
public struct FitOptions: Sendable {
    /// The root of every random draw made while fitting.
    public var seed: Seed
    /// The most threads to use; `nil` means every active core. Results never depend on it.
    public var threads: Int?
    /// Where progress is reported (the CLI prints it, a server streams it).
    public var progress: (any ProgressReporter)?
    /// The SHA-256 of the input file, recorded in the model's provenance.
    public var inputSHA256: String?

    /// Creates fit options.
    public init(seed: Seed, threads: Int? = nil, progress: (any ProgressReporter)? = nil, inputSHA256: String? = nil) {
        self.seed = seed
        self.threads = threads
        self.progress = progress
        self.inputSHA256 = inputSHA256
    }
}
