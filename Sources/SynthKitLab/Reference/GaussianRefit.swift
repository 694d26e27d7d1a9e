public import SynthKitCore
public import SynthKitMath

/// The Gaussian reference generator: fit a mean vector and covariance, sample a normal.
///
/// Fit: `μ̂ = (1/n)·Σ xᵢ`; `Σ̂ = (1/n)·Σ (xᵢ−μ̂)(xᵢ−μ̂)ᵀ` for ``Estimator/maximumLikelihood``
/// (`np.cov(bias=True)`, as in Kazdan et al.) or `1/(n−1)` for ``Estimator/unbiased``.
/// Sample: `x = μ̂ + L·z` with `LLᵀ = Σ̂` (Cholesky) and `z` standard normal, or, with a
/// ``truncation`` `c`, each `zⱼ` redrawn until `|zⱼ| ≤ c` (a sampling bias of variance factor
/// `λ(c) = 1 − 2cφ(c)/(2Φ(c)−1)`, MAD's λ).
///
/// Closed forms (collapse-dp-watermark.md §1.2): under replace with MLE, `E[σ_t²] = σ0²·r^t`,
/// `r = (m−1)/m`; `E[ln σ_t²] − ln σ0² = t·[ψ((m−1)/2) + ln(2/m)]`; in `d` dimensions
/// `E[tr Σ_t]/tr Σ0 = r^t`. Cost: fit O(n·d²), sample O(count·d²).
public struct GaussianRefit: CollapseGenerator, Hashable, Codable {
    /// The covariance divisor.
    public enum Estimator: String, Hashable, Codable, Sendable {
        /// Divide by `n` (maximum likelihood).
        case maximumLikelihood
        /// Divide by `n − 1`.
        case unbiased
    }

    /// A fitted normal distribution.
    public struct Fit: Hashable, Sendable {
        /// The mean vector.
        public var mean: [Double]
        /// The covariance matrix.
        public var covariance: SquareMatrix

        /// Creates a normal distribution (for example the truth a loop starts from).
        public init(mean: [Double], covariance: SquareMatrix) {
            precondition(mean.count == covariance.dimension, "mean has \(mean.count) entries, covariance is \(covariance.dimension)-dimensional")
            self.mean = mean
            self.covariance = covariance
        }

        /// The variance of a one-dimensional fit (the first diagonal entry).
        public var variance: Double { covariance[0, 0] }
        /// The trace of the covariance.
        public var trace: Double { (0..<mean.count).reduce(0) { $0 + covariance[$1, $1] } }
    }

    /// The covariance divisor.
    public var estimator: Estimator
    /// Draws of the standard normal are restricted to `[−c, c]` when set.
    public var truncation: Double?

    /// Creates the generator.
    public init(estimator: Estimator = .maximumLikelihood, truncation: Double? = nil) {
        precondition(truncation.map { $0 > 0 } ?? true, "truncation must be positive, got \(String(describing: truncation))")
        self.estimator = estimator
        self.truncation = truncation
    }

    /// Fits mean and covariance.
    /// - Throws: `.invalidInput` with fewer than two rows.
    public func fit(_ pool: VectorSample, seed: Seed) throws(SynthKitError) -> Fit {
        let count = pool.rowCount, dimension = pool.dimension
        guard count >= 2 else {
            throw SynthKitError(.invalidInput, "a Gaussian refit needs at least 2 rows, got \(count)")
        }
        var mean = [Double](repeating: 0, count: dimension)
        for row in 0..<count {
            for column in 0..<dimension { mean[column] += pool.values[row * dimension + column] }
        }
        for column in 0..<dimension { mean[column] /= Double(count) }
        var covariance = SquareMatrix(dimension: dimension, values: [Double](repeating: 0, count: dimension * dimension))
        for row in 0..<count {
            for first in 0..<dimension {
                let centredFirst = pool.values[row * dimension + first] - mean[first]
                for second in 0...first {
                    covariance[first, second] += centredFirst * (pool.values[row * dimension + second] - mean[second])
                }
            }
        }
        let divisor = Double(estimator == .maximumLikelihood ? count : count - 1)
        for first in 0..<dimension {
            for second in 0...first {
                covariance[first, second] /= divisor
                covariance[second, first] = covariance[first, second]
            }
        }
        return Fit(mean: mean, covariance: covariance)
    }

    /// Draws `count` rows from `model`.
    /// - Throws: `.invalidInput` when the covariance is not positive semi-definite.
    public func sample(_ model: Fit, count: Int, seed: Seed) throws(SynthKitError) -> VectorSample {
        let dimension = model.mean.count
        var stream = seed.stream()
        var values = [Double](repeating: 0, count: count * dimension)
        if dimension == 1 {
            let scale = model.variance.squareRoot()
            for row in 0..<count { values[row] = model.mean[0] + scale * standardDraw(&stream) }
            return VectorSample(dimension: 1, values: values)
        }
        guard let factor = Cholesky.factor(model.covariance) else {
            throw SynthKitError(.invalidInput, "the fitted covariance is not positive semi-definite; the loop has degenerated")
        }
        var latent = [Double](repeating: 0, count: dimension)
        for row in 0..<count {
            for column in 0..<dimension { latent[column] = standardDraw(&stream) }
            let correlated = factor.multiply(latent)
            for column in 0..<dimension { values[row * dimension + column] = model.mean[column] + correlated[column] }
        }
        return VectorSample(dimension: dimension, values: values)
    }

    /// One standard normal draw, truncated to `[−c, c]` by rejection when ``truncation`` is set.
    func standardDraw(_ stream: inout RandomStream) -> Double {
        guard let limit = truncation else { return stream.nextNormal() }
        while true {
            let draw = stream.nextNormal()
            if abs(draw) <= limit { return draw }
        }
    }

    /// `λ(c) = 1 − 2cφ(c)/(2Φ(c)−1)`: the variance of a standard normal truncated to `[−c, c]`.
    public static func truncatedVarianceFactor(_ limit: Double) -> Double {
        1 - 2 * limit * NormalDistribution.pdf(limit) / (2 * NormalDistribution.cdf(limit) - 1)
    }
}
