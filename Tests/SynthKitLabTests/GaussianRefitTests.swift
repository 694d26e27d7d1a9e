import Foundation
import SynthKitCore
import SynthKitLab
import SynthKitMath
import Testing

/// Closed forms of collapse-dp-watermark.md §5 items 1-7 (Gaussian refit), within 3 standard errors.
@Suite struct GaussianRefitTests {
    /// Runs a 1-D loop from N(0, 1) real data and keeps each generation's fit.
    func run(
        _ workflow: CollapseWorkflow, generator: GaussianRefit = GaussianRefit(), generations: Int, rows: Int,
        repeats: Int, seed: UInt64 = 11, dimension: Int = 1
    ) throws -> [[GaussianRefit.Fit]] {
        let loop = RecursiveLoop(workflow: workflow, generations: generations, rowsPerGeneration: rows, repeats: repeats)
        return try loop.run(
            generator: generator, seed: Seed(seed),
            realRows: { count, seed in VectorSample.standardNormal(dimension: dimension, count: count, seed: seed) },
            measure: { _, model, _ in model })
    }

    @Test func replaceMaximumLikelihoodMatchesClosedForms() throws {
        // m = 100, t = 100: E[σ²] = 0.3660, E[μ²] = 0.6340, E[ln σ²] = 100·(ψ(49.5) + ln(0.02)) = −2.0185.
        let fits = try run(.replace, generations: 100, rows: 100, repeats: 400).map { $0[99] }
        let variance = ReplicateSummary(fits.map(\.variance))
        let meanError = ReplicateSummary(fits.map { $0.mean[0] * $0.mean[0] })
        let logVariance = ReplicateSummary(fits.map { log($0.variance) })
        #expect(variance.agrees(with: 0.3660), "E[σ²] \(variance)")
        #expect(meanError.agrees(with: 0.6340), "E[μ²] \(meanError)")
        #expect(logVariance.agrees(with: -2.0185), "E[ln σ²] \(logVariance)")
    }

    @Test func replaceUnbiasedKeepsMeanVarianceButMedianCollapses() throws {
        // Unbiased: E[σ²] = 1 (a martingale), E[μ²] = t/m = 1, E[ln σ²] = −1.0135, median σ² well below 1.
        let fits = try run(.replace, generator: GaussianRefit(estimator: .unbiased), generations: 100, rows: 100, repeats: 400)
            .map { $0[99] }
        let variance = ReplicateSummary(fits.map(\.variance))
        let meanError = ReplicateSummary(fits.map { $0.mean[0] * $0.mean[0] })
        let logVariance = ReplicateSummary(fits.map { log($0.variance) })
        #expect(variance.agrees(with: 1.0), "E[σ²] \(variance)")
        #expect(meanError.agrees(with: 1.0), "E[μ²] \(meanError)")
        #expect(logVariance.agrees(with: -1.0135), "E[ln σ²] \(logVariance)")
        #expect(median(fits.map(\.variance)) < 0.6)
    }

    @Test func multivariateTraceAndLogDeterminant() throws {
        // d = 3, m = 10, t = 5: E[tr Σ]/tr Σ0 = 0.9^5 = 0.59049; E[ln det Σ] = −5.4008.
        let fits = try run(.replace, generations: 5, rows: 10, repeats: 3000, dimension: 3).map { $0[4] }
        let trace = ReplicateSummary(fits.map { $0.trace / 3 })
        let logDeterminant = ReplicateSummary(fits.map { log(determinant3($0.covariance)) })
        #expect(trace.agrees(with: 0.59049), "trace ratio \(trace)")
        #expect(logDeterminant.agrees(with: -5.4008), "ln det \(logDeterminant)")
    }

    @Test func accumulateStaysBoundedAndSubsampleLiesBetween() throws {
        // m = 10, k = 100: accumulate E[σ²] = 0.8443, E[μ²] = 0.1557; replace E[σ²] = 0.9^100·… ≈ 2.7e-5;
        // accumulate-subsample ≈ 0.75 (MC), strictly between.
        let accumulated = try run(.accumulate, generations: 100, rows: 10, repeats: 300).map { $0[99] }
        let variance = ReplicateSummary(accumulated.map(\.variance))
        let meanError = ReplicateSummary(accumulated.map { $0.mean[0] * $0.mean[0] })
        #expect(variance.agrees(with: 0.8443), "accumulate E[σ²] \(variance)")
        #expect(meanError.agrees(with: 0.1557), "accumulate E[μ²] \(meanError)")
        let subsampled = try run(.accumulateSubsample, generations: 100, rows: 10, repeats: 300).map { $0[99] }
        let subsampledVariance = ReplicateSummary(subsampled.map(\.variance))
        let replaced = try run(.replace, generations: 100, rows: 10, repeats: 300).map { $0[99] }
        let replacedVariance = ReplicateSummary(replaced.map(\.variance))
        #expect(replacedVariance.mean < subsampledVariance.mean && subsampledVariance.mean < variance.mean)
        #expect(abs(subsampledVariance.mean - 0.75) < 0.08, "accumulate-subsample E[σ²] \(subsampledVariance)")
    }

    @Test func freshMixFollowsTheExactRecursion() throws {
        // n_r = 10, n_s = 90: S' = [(n_r−1+n_s/n) + (n_s−1+n_r/n)·S + (n_r·n_s/n)·M]/n, M' = (n_r + n_s·S + n_s²·M)/n².
        let realRows = 10.0, syntheticRows = 90.0, total = 100.0
        var expectedVariance = (total - 1) / total, expectedMeanError = 1 / total
        for _ in 2...60 {
            let nextVariance = ((realRows - 1 + syntheticRows / total) + (syntheticRows - 1 + realRows / total) * expectedVariance
                + (realRows * syntheticRows / total) * expectedMeanError) / total
            expectedMeanError = (realRows + syntheticRows * expectedVariance + syntheticRows * syntheticRows * expectedMeanError) / (total * total)
            expectedVariance = nextVariance
        }
        let fits = try run(.freshMix(realRows: 10, syntheticRows: 90), generations: 60, rows: 0, repeats: 400).map { $0[59] }
        let variance = ReplicateSummary(fits.map(\.variance))
        let meanError = ReplicateSummary(fits.map { $0.mean[0] * $0.mean[0] })
        #expect(abs(expectedVariance - 0.9497) < 0.002)
        #expect(variance.agrees(with: expectedVariance), "fresh-mix E[σ²] \(variance) vs \(expectedVariance)")
        #expect(meanError.agrees(with: expectedMeanError), "fresh-mix E[μ²] \(meanError) vs \(expectedMeanError)")
    }

    @Test func truncatedSamplingShrinksByLambdaPerGeneration() throws {
        // c = 2, m = 100, t = 10 sampling steps from the truncated sampler: E[σ²] = (λ(2)·0.99)^10 = 0.0696.
        let generator = GaussianRefit(truncation: 2)
        #expect(abs(GaussianRefit.truncatedVarianceFactor(2) - 0.77374) < 1e-5)
        let truth = GaussianRefit.Fit(mean: [0], covariance: SquareMatrix(dimension: 1, values: [1]))
        let loop = RecursiveLoop(workflow: .replace, generations: 10, rowsPerGeneration: 100, repeats: 800)
        let fits = try loop.run(
            generator: generator, seed: Seed(5),
            realRows: { (count: Int, seed: Seed) throws(SynthKitError) -> VectorSample in try generator.sample(truth, count: count, seed: seed) },
            measure: { _, model, _ in model.variance })
        let variance = ReplicateSummary(fits.map { $0[9] })
        #expect(variance.agrees(with: pow(0.77374 * 0.99, 10)), "truncated E[σ²] \(variance)")
    }

    /// The determinant of a 3 × 3 matrix.
    func determinant3(_ matrix: SquareMatrix) -> Double {
        matrix[0, 0] * (matrix[1, 1] * matrix[2, 2] - matrix[1, 2] * matrix[2, 1])
            - matrix[0, 1] * (matrix[1, 0] * matrix[2, 2] - matrix[1, 2] * matrix[2, 0])
            + matrix[0, 2] * (matrix[1, 0] * matrix[2, 1] - matrix[1, 1] * matrix[2, 0])
    }
}
