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
