import ArgumentParser
import Foundation
import SynthKit

/// The synthesizers `fit --synthesizer` accepts.
enum SynthesizerChoice: String, ExpressibleByArgument, CaseIterable {
    case gaussianCopula = "gaussian-copula"
    case ctgan
    case tvae

    /// A fitted model and its encoded model file.
    struct Fitted {
        var model: any SynthesisModel
        var data: Data
    }

    /// Training overrides for the deep synthesizers (`nil` keeps the published default).
    struct Training {
        var epochs: Int?
        var batchSize: Int?
    }

    /// Fits the chosen synthesizer with default hyperparameters (and any training overrides)
    /// and encodes the model file.
    func fit(_ table: Table, schema: Schema, options: FitOptions, training: Training = Training()) throws(SynthKitError) -> Fitted {
        switch self {
        case .gaussianCopula:
            let model = try GaussianCopula().fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try SynthesizerRegistry.standard.encode(model))
        case .ctgan:
            var configuration = CTGAN()
            if let epochs = training.epochs { configuration.epochs = epochs }
            if let batchSize = training.batchSize { configuration.batchSize = batchSize }
            let model = try configuration.fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try SynthesizerRegistry.standard.encode(model))
        case .tvae:
            var configuration = TVAE()
            if let epochs = training.epochs { configuration.epochs = epochs }
            if let batchSize = training.batchSize { configuration.batchSize = batchSize }
            let model = try configuration.fit(table, schema: schema, options: options)
            return Fitted(model: model, data: try SynthesizerRegistry.standard.encode(model))
        }
    }
}
