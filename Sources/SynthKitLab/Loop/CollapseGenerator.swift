public import SynthKitCore

/// A generator a recursive loop can refit: learns a model from rows, samples rows from it.
///
/// Conformers are configurations (hyperparameters only); each call gets its own seed, so a
/// loop is reproducible bit for bit. Reference generators with closed-form behaviour
/// (``GaussianRefit``, ``CategoricalRefit``, ``KernelDensityRefit``) prove the loop correct;
/// ``SynthesizerGenerator`` runs any ``Synthesizer`` in the loop.
public protocol CollapseGenerator: Sendable {
    /// The rows the generator learns from and produces.
    associatedtype Pool: CollapsePool
    /// What `fit` learns.
    associatedtype Model: Sendable
    /// Learns a model from `pool`.
    /// - Throws: ``SynthKitError`` when the rows cannot be fitted (too few, degenerate).
    func fit(_ pool: Pool, seed: Seed) throws(SynthKitError) -> Model
    /// Draws `count` rows from `model`.
    func sample(_ model: Model, count: Int, seed: Seed) throws(SynthKitError) -> Pool
}
