import ArgumentParser
import SynthKit

extension SynthesizerChoice {
    /// The chosen synthesizer's configuration: default hyperparameters, plus the privacy
    /// settings of a DP synthesizer and the training overrides of a deep one. Commands that run
    /// a synthesizer many times (`collapse`) open it as a generic `Synthesizer`.
    /// - Throws: `.invalidArgument` when a DP synthesizer has no privacy settings.
    func configuration(privacy: PrivacySettings?, training: Training = Training()) throws(SynthKitError) -> any Synthesizer {
        switch self {
        case .gaussianCopula:
            return GaussianCopula()
        case .bayesianNetwork:
            return BayesianNetwork()
        case .privBayes, .mst:
            guard let privacy else {
                throw SynthKitError(.invalidArgument, "\(rawValue) needs --epsilon", location: .init(field: "epsilon"))
            }
            if self == .privBayes {
                return PrivBayes(epsilon: privacy.epsilon, delta: privacy.delta, insecureReproducible: privacy.insecureReproducible)
            }
            return MST(epsilon: privacy.epsilon, delta: privacy.delta, insecureReproducible: privacy.insecureReproducible)
        case .ctgan:
            var configuration = CTGAN()
            if let epochs = training.epochs { configuration.epochs = epochs }
            if let batchSize = training.batchSize { configuration.batchSize = batchSize }
            return configuration
        case .tvae:
            var configuration = TVAE()
            if let epochs = training.epochs { configuration.epochs = epochs }
            if let batchSize = training.batchSize { configuration.batchSize = batchSize }
            return configuration
        }
    }
}

extension SynthesizerChoice {
    /// Checks the settings `fit` and `collapse` accept for this synthesizer: privacy settings for
    /// the DP ones only (a positive epsilon, delta in (0, 1), no plain --seed without
    /// --insecure-reproducible), --epochs and --batch-size for the deep ones only.
    /// - Throws: `ValidationError` naming the offending option.
    func validateSettings(
        epsilon: Double?, delta: Double?, insecureReproducible: Bool, explicitSeed: UInt64?, epochs: Int?, batchSize: Int?
    ) throws {
        if isDifferentiallyPrivate {
            guard let epsilon else { throw ValidationError("--synthesizer \(rawValue) needs --epsilon") }
            guard epsilon > 0, epsilon.isFinite else { throw ValidationError("--epsilon must be positive, got \(epsilon)") }
            if let delta, !(delta > 0 && delta < 1) { throw ValidationError("--delta must lie strictly between 0 and 1, got \(delta)") }
            if explicitSeed != nil && !insecureReproducible {
                throw ValidationError(
                    "--seed is refused for a DP synthesizer: its noise must come from a secure source. "
                        + "Add --insecure-reproducible for a reproducible, NOT private test run")
            }
        } else if epsilon != nil || delta != nil || insecureReproducible {
            throw ValidationError("--epsilon, --delta and --insecure-reproducible apply only to mst and privbayes")
        }
        if (epochs != nil || batchSize != nil) && !isDeep {
            throw ValidationError("--epochs and --batch-size apply to ctgan and tvae only")
        }
        if let epochs, epochs < 0 { throw ValidationError("--epochs must be zero or more, got \(epochs)") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
    }
}
