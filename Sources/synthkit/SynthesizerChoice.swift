import ArgumentParser
import Foundation
import SynthKit

/// The synthesizers `fit --synthesizer` accepts.
enum SynthesizerChoice: String, ExpressibleByArgument, CaseIterable {
    case gaussianCopula = "gaussian-copula"
    case bayesianNetwork = "bayesian-network"
    case privBayes = "privbayes"
    case mst = "mst"

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

    /// Whether the synthesizer is differentially private (needs --epsilon).
    var isDifferentiallyPrivate: Bool { self == .privBayes || self == .mst }

    /// Fits the chosen synthesizer with default hyperparameters and encodes the model file.
    func fit(_ table: Table, schema: Schema, options: FitOptions, privacy: PrivacySettings?) throws(SynthKitError) -> Fitted {
        let registry = SynthesizerRegistry.complete
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
        }
    }
}
