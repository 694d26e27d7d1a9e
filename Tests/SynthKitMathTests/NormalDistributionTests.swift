import SynthKitMath
import Testing

/// Reference values from scipy 1.17.1 (Scripts/math_reference_values.py).
@Suite struct NormalDistributionTests {
    @Test(arguments: [
        (-10.0, 7.61985302416047e-24), (-5.0, 2.866515718791933e-07), (-1.5, 0.06680720126885807),
        (0.0, 0.5), (0.3, 0.6179114221889526), (2.0, 0.9772498680518208), (8.0, 0.9999999999999993),
    ])
    func cdfMatchesScipy(x: Double, expected: Double) {
        #expect(abs(NormalDistribution.cdf(x) - expected) <= 1e-14 * expected)
    }

    @Test(arguments: [
        (1e-300, -37.0470962993612), (1e-20, -9.262340089798409), (1e-10, -6.361340902404056),
        (0.001, -3.090232306167813), (0.02425, -1.972961051311885), (0.1, -1.2815515655446004), (0.5, 0.0),
        (0.75, 0.6744897501960817), (0.975, 1.959963984540054), (0.999999, 4.753424308817087),
        (0.999999999999999, 7.941444487415979),
    ])
    func quantileMatchesScipy(p: Double, expected: Double) {
        #expect(abs(NormalDistribution.quantile(p) - expected) <= 1e-13 * max(1, abs(expected)))
    }

    @Test func quantileEdgesAndRoundTrip() {
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
        #expect(NormalDistribution.quantile(1.5).isNaN)
        for p in stride(from: 0.001, to: 1, by: 0.0371) {
            #expect(abs(NormalDistribution.cdf(NormalDistribution.quantile(p)) - p) < 1e-15)
        }
    }

    @Test func truncatedMeanOfIntervals() {
        #expect(abs(NormalDistribution.truncatedMean(lower: -.infinity, upper: .infinity)) < 1e-15)
        // E[Z | Z > 0] = sqrt(2/pi)
        #expect(abs(NormalDistribution.truncatedMean(lower: 0, upper: .infinity) - 0.7978845608028654) < 1e-14)
        let tail = NormalDistribution.truncatedMean(lower: 30, upper: .infinity)
        #expect(tail > 30 && tail < 30.1)
        #expect(NormalDistribution.truncatedMean(lower: 1.25, upper: 1.25) == 1.25)
    }
}
