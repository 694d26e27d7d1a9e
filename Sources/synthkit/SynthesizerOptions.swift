import ArgumentParser
import Foundation
import SynthKit

/// The synthesizer a command fits and its settings: `--synthesizer`, the deep synthesizers'
/// `--epochs`/`--batch-size` and the DP synthesizers' `--epsilon`/`--delta`/`--insecure-reproducible`
/// (shared by `fit` and `collapse`, which fits once per generation).
struct SynthesizerOptions: ParsableArguments {
    @Option(help: "The synthesizer: \(SynthesizerChoice.allValueStrings.joined(separator: ", ")).")
    var synthesizer: SynthesizerChoice = .gaussianCopula

    @Option(help: "Training epochs for ctgan and tvae (default 300).")
    var epochs: Int?

    @Option(help: "Rows per training batch for ctgan and tvae (default 500; a multiple of 10 for ctgan).")
    var batchSize: Int?

    @Option(help: "Total privacy loss epsilon of each fit of a DP synthesizer (mst, privbayes).")
    var epsilon: Double?

    @Option(help: "Delta of the (epsilon, delta) guarantee (default 1e-9; at most 1/n^1.1).")
    var delta: Double?

    @Flag(help: "Draw DP noise from --seed: reproducible and NOT private (testing only).")
    var insecureReproducible = false

    /// The training overrides for a deep synthesizer.
    var training: SynthesizerChoice.Training { SynthesizerChoice.Training(epochs: epochs, batchSize: batchSize) }

    /// Checks the settings against the synthesizer (``SynthesizerChoice/validateSettings``).
    func check(explicitSeed: UInt64?) throws {
        try synthesizer.validateSettings(
            epsilon: epsilon, delta: delta, insecureReproducible: insecureReproducible, explicitSeed: explicitSeed,
            epochs: epochs, batchSize: batchSize)
    }

    /// The DP settings (nil for a non-DP synthesizer), with δ checked against the largest
    /// training set a fit will see, `rows` (δ ≤ 1/n^1.1); `rowsDescription` names it in the error.
    /// - Throws: `.invalidArgument` at field `delta` when δ is too large.
    func privacySettings(rows: Int, rowsDescription: String) throws(SynthKitError) -> SynthesizerChoice.PrivacySettings? {
        guard synthesizer.isDifferentiallyPrivate, let epsilon else { return nil }
        let resolvedDelta = delta ?? 1e-9
        let ceiling = 1 / pow(Double(max(rows, 1)), 1.1)
        guard resolvedDelta <= ceiling else {
            throw SynthKitError(
                .invalidArgument, "--delta \(resolvedDelta) is too large for \(rowsDescription); use at most 1/n^1.1 = \(ceiling)",
                location: .init(field: "delta"))
        }
        return SynthesizerChoice.PrivacySettings(epsilon: epsilon, delta: resolvedDelta, insecureReproducible: insecureReproducible)
    }
}
