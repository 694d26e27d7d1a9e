import ArgumentParser
import Foundation
import SynthKit

/// The synthesizers `fit --synthesizer` accepts.
enum SynthesizerChoice: String, ExpressibleByArgument, CaseIterable {
    case gaussianCopula = "gaussian-copula"
    case bayesianNetwork = "bayesian-network"
    case privBayes = "privbayes"
    case mst = "mst"
    case ctgan
    case tvae

    /// A fitted model and its encoded model file.
    struct Fitted {
        var model: any SynthesisModel
        var data: Data
    }

    /// The privacy settings of a DP fit.
    struct PrivacySettings {
        var epsilon: Double
        var delta: Double
        var insecureReproducible: Bool
    }

    /// Training overrides for the deep synthesizers (`nil` keeps the published default).
    struct Training {
        var epochs: Int?
        var batchSize: Int?
    }

    /// Whether the synthesizer is differentially private (needs --epsilon).
    var isDifferentiallyPrivate: Bool { self == .privBayes || self == .mst }

    /// Whether the synthesizer is a neural network trained in epochs.
    var isDeep: Bool { self == .ctgan || self == .tvae }

    /// Fits the chosen synthesizer with default hyperparameters (plus privacy settings for DP
    /// synthesizers and training overrides for deep ones) and encodes the model file.
    func fit(
        _ table: Table, schema: Schema, options: FitOptions, privacy: PrivacySettings?, training: Training = Training()
    ) throws(SynthKitError) -> Fitted {
        let registry = SynthesizerRegistry.standard
        switch self {
        case .gaussianCopula:
            let model = try GaussianCopula().fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try registry.encode(model))
        case .bayesianNetwork:
            let model = try BayesianNetwork().fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try registry.encode(model))
        case .privBayes, .mst:
            guard let privacy else {
                throw SynthKitError(.invalidArgument, "\(rawValue) needs --epsilon", location: .init(field: "epsilon"))
            }
            if self == .privBayes {
                let model = try PrivBayes(epsilon: privacy.epsilon, delta: privacy.delta, insecureReproducible: privacy.insecureReproducible)
                    .fit(table, schema: schema, options: options)
                return Fitted(model: model, data: try registry.encode(model))
            }
            let model = try MST(epsilon: privacy.epsilon, delta: privacy.delta, insecureReproducible: privacy.insecureReproducible)
                .fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try registry.encode(model))
        case .ctgan:
            var configuration = CTGAN()
            if let epochs = training.epochs { configuration.epochs = epochs }
            if let batchSize = training.batchSize { configuration.batchSize = batchSize }
            let model = try configuration.fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try registry.encode(model))
        case .tvae:
            var configuration = TVAE()
            if let epochs = training.epochs { configuration.epochs = epochs }
            if let batchSize = training.batchSize { configuration.batchSize = batchSize }
            let model = try configuration.fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try registry.encode(model))
        }
    }
}
