import ArgumentParser
import Foundation
import SynthKit

/// The synthesizers `fit --synthesizer` accepts.
enum SynthesizerChoice: String, ExpressibleByArgument, CaseIterable {
    case gaussianCopula = "gaussian-copula"

    /// A fitted model and its encoded model file.
    struct Fitted {
        var model: any SynthesisModel
        var data: Data
    }

    /// Fits the chosen synthesizer with default hyperparameters and encodes the model file.
    func fit(_ table: Table, schema: Schema, options: FitOptions) throws(SynthKitError) -> Fitted {
        switch self {
        case .gaussianCopula:
            let model = try GaussianCopula().fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try SynthesizerRegistry.standard.encode(model))
        }
    }
}
