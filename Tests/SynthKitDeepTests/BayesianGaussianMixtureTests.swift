import Foundation
import SynthKit
import Testing
@testable import SynthKitDeep

/// The mode choice of mode-specific normalisation: RDT draws the mode from scikit-learn's
/// `predict_proba` (variational responsibilities over all components) restricted to the kept
/// components, plus 1e-6, renormalised.
@Suite struct BayesianGaussianMixtureTests {
    struct Fixture: Decodable {
        var stickA: [Double]
        var stickB: [Double]
        var meanPrecision: [Double]
        var means: [Double]
        var degreesOfFreedom: [Double]
        var covariances: [Double]
        var weights: [Double]
        var probes: [Double]
        var responsibilities: [[Double]]
    }

    static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/bayesian_gmm_responsibilities.json"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The mixture scikit-learn fitted, rebuilt from its posterior through our expected log densities.
    static func fixtureMixture(_ fixture: Fixture) -> BayesianGaussianMixture {
        var fitting = MixtureFitting(values: [0], multiplicities: [1], components: fixture.means.count, concentration: 0.001)
        fitting.stickA = fixture.stickA
        fitting.stickB = fixture.stickB
        fitting.meanPrecision = fixture.meanPrecision
        fitting.means = fixture.means
        fitting.degreesOfFreedom = fixture.degreesOfFreedom
        fitting.covariances = fixture.covariances
        let (offsets, precisions) = fitting.densityTerms()
        return BayesianGaussianMixture(
            weights: fitting.expectedWeights(), means: fixture.means, standardDeviations: fixture.covariances.map { $0.squareRoot() },
            iterations: 0, converged: true, logDensityOffsets: offsets, precisions: precisions)
    }

    /// scikit-learn 1.9.1's posterior (`Scripts/bayesian_gmm_responsibilities_fixture.py`) gives
    /// the same responsibilities through our expected log densities as its `predict_proba`.
    @Test func responsibilitiesMatchScikitLearnPredictProba() throws {
        let fixture = try Self.fixture()
        let mixture = Self.fixtureMixture(fixture)
        for (weight, expected) in zip(mixture.weights, fixture.weights) { #expect(abs(weight - expected) < 1e-9) }
        for (probe, expected) in zip(fixture.probes, fixture.responsibilities) {
            let responsibilities = mixture.responsibilities(of: probe)
            let largest = zip(responsibilities, expected).map { abs($0 - $1) }.max() ?? 0
            #expect(largest < 1e-6, "at \(probe): \(responsibilities) vs \(expected)")
        }
    }

    /// A value that belongs to a dropped component (60, the 10 outliers) gets a nearly uniform
    /// mode among the kept ones (RDT), where the plug-in densities of the kept modes would pick
    /// the nearest kept mode.
    @Test func valuesOfDroppedComponentsGetNearlyUniformModes() throws {
        let fixture = try Self.fixture()
        let mixture = Self.fixtureMixture(fixture)
        let kept = mixture.weights.indices.filter { mixture.weights[$0] > ModeSpecificNormalization.weightThreshold }
        #expect(kept.count < mixture.weights.count)
        let total = kept.reduce(0) { $0 + mixture.weights[$1] }
        let plugIn = ModeSpecificNormalization(
            weights: kept.map { mixture.weights[$0] / total }, means: kept.map { mixture.means[$0] },
            standardDeviations: kept.map { mixture.standardDeviations[$0] })
        var stored = plugIn
        stored.mixture = mixture
        stored.keptComponents = kept
        let uniform = stored.modeProbabilities(of: 60)
        #expect(uniform.allSatisfy { abs($0 - 1 / Double(kept.count)) < 1e-6 }, "\(uniform)")
        #expect((plugIn.modeProbabilities(of: 60).max() ?? 0) > 0.99)
        // Inside a kept mode both choose that mode.
        #expect((stored.modeProbabilities(of: -10).max() ?? 0) > 0.99)
    }

    /// Fitting stores the whole mixture and the kept indices; a normalisation written before
    /// they were stored decodes without them and chooses modes by plug-in densities.
    @Test func storesTheMixtureAndReadsOlderNormalizations() throws {
        let normalization = ModeSpecificNormalization.fit(ModeSpecificNormalizationTests.sample, seed: Seed(2))
        let mixture = try #require(normalization.mixture)
        let kept = try #require(normalization.keptComponents)
        #expect(kept.count == normalization.modeCount)
        for (mode, component) in kept.enumerated() { #expect(mixture.means[component] == normalization.means[mode]) }
        let data = try JSONEncoder().encode(normalization)
        #expect(try JSONDecoder().decode(ModeSpecificNormalization.self, from: data) == normalization)
        let older = #"{"weights":[0.5,0.5],"means":[-1,1],"standardDeviations":[0.5,0.5]}"#
        let decoded = try JSONDecoder().decode(ModeSpecificNormalization.self, from: Data(older.utf8))
        #expect(decoded.mixture == nil && decoded.keptComponents == nil)
        let probabilities = decoded.modeProbabilities(of: 1)
        #expect(probabilities[1] > 0.99)
    }
}
