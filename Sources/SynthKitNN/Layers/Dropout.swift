public import SynthKitCore
public import SynthKitTensor

/// Zeroes each element with probability `dropProbability` while training and scales the rest by
/// 1 / (1 − p) (inverted dropout, Srivastava et al. 2014); the identity in evaluation mode.
///
/// Masks come from a stream seeded at construction, so a seed reproduces the whole sequence of
/// masks of a training run.
public final class Dropout: Module, Layer {
    /// The probability of zeroing an element.
    public let dropProbability: Float
    var stream: RandomStream

    /// A dropout layer; masks are drawn from `seed`.
    ///
    /// - Precondition: 0 ≤ dropProbability < 1.
    public init(dropProbability: Float, seed: Seed) {
        precondition(dropProbability >= 0 && dropProbability < 1, "dropProbability must be in [0, 1), got \(dropProbability)")
        self.dropProbability = dropProbability
        self.stream = seed.derived("dropout").stream()
        super.init()
    }

    /// Applies a fresh mask while training; returns the input unchanged otherwise.
    public func callAsFunction(_ input: Variable) -> Variable {
        guard isTraining, dropProbability > 0 else { return input }
        let mask = Tensor.bernoulliMask(shape: input.shape, keepProbability: 1 - dropProbability, stream: &stream)
        return input * mask
    }
}
