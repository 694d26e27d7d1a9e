public import SynthKitCore

/// The categorical reference generator: refit category shares by maximum likelihood and draw
/// from them, which is the neutral Wright-Fisher chain.
///
/// Each share is a martingale and the delta distributions absorb. Closed forms
/// (collapse-dp-watermark.md §1.4), for `n` rows per generation: Gini-Simpson diversity
/// `H = 1 − Σ pᵢ²` has `E[H_t] = H_0·(1 − 1/n)^t`; a category of share `p` vanishes in one
/// generation with probability `(1 − p)^n`. Cost: O(n·log k) per sample.
public struct CategoricalRefit: CollapseGenerator, Hashable, Codable {
    /// Creates the generator (it has no hyperparameters).
    public init() {}

    /// The observed share of each category.
    /// - Throws: `.invalidInput` when the pool is empty.
    public func fit(_ pool: CategorySample, seed: Seed) throws(SynthKitError) -> [Double] {
        guard pool.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "a categorical refit needs at least one row")
        }
        return pool.frequencies
    }

    /// `count` draws from the fitted shares.
    public func sample(_ model: [Double], count: Int, seed: Seed) throws(SynthKitError) -> CategorySample {
        CategorySample.drawing(model, count: count, seed: seed)
    }

    /// Gini-Simpson diversity `1 − Σ pᵢ²`: the chance two draws differ.
    public static func giniSimpson(_ probabilities: [Double]) -> Double {
        1 - probabilities.reduce(0) { $0 + $1 * $1 }
    }
}
