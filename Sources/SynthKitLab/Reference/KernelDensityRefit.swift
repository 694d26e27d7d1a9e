public import SynthKitCore

/// The kernel-density reference generator with a fixed bandwidth: sampling resamples a stored
/// row and adds `N(0, h²)` noise to each coordinate.
///
/// Closed form (collapse-dp-watermark.md §1.5), for the MLE variance `S_t` of the rows a
/// 1-D replace loop holds after `t` samplings of `m` rows: `E[S_{t+1}] = r·(E[S_t] + h²)`,
/// `r = (m−1)/m`, with fixed point `(m−1)·h²`: variance collapses only when
/// `h² < σ0²/(m−1)` and inflates otherwise. Cost: O(count·d) per sample.
public struct KernelDensityRefit: CollapseGenerator, Hashable, Codable {
    /// The kernel's standard deviation `h`.
    public var bandwidth: Double

    /// Creates the generator.
    public init(bandwidth: Double) {
        precondition(bandwidth >= 0 && bandwidth.isFinite, "bandwidth must be finite and non-negative, got \(bandwidth)")
        self.bandwidth = bandwidth
    }

    /// The model is the rows themselves.
    /// - Throws: `.invalidInput` when the pool is empty.
    public func fit(_ pool: VectorSample, seed: Seed) throws(SynthKitError) -> VectorSample {
        guard pool.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "a kernel density refit needs at least one row")
        }
        return pool
    }

    /// `count` rows: a uniformly chosen stored row plus Gaussian noise of scale ``bandwidth``.
    public func sample(_ model: VectorSample, count: Int, seed: Seed) throws(SynthKitError) -> VectorSample {
        var stream = seed.stream()
        let dimension = model.dimension
        var values = [Double](repeating: 0, count: count * dimension)
        for row in 0..<count {
            let source = stream.nextIndex(below: model.rowCount)
            for column in 0..<dimension {
                values[row * dimension + column] = model.values[source * dimension + column] + bandwidth * stream.nextNormal()
            }
        }
        return VectorSample(dimension: dimension, values: values)
    }
}
