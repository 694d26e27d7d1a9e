import SynthKitMath
import Testing

@Suite struct TruncatedNormalTests {
    @Test func matchesScipyInTheBody() {
        let distribution = TruncatedNormal(mean: 1, standardDeviation: 2, lower: 0, upper: 5)
        #expect(abs(distribution.cdf(2) - 0.5726302712768496) < 1e-14)
        #expect(abs(distribution.quantile(0.3) - 1.0458815255428642) < 1e-12)
        #expect(distribution.cdf(-1) == 0)
        #expect(distribution.cdf(7) == 1)
    }

    @Test func staysAccurateInTheFarTail() {
        let distribution = TruncatedNormal(mean: 0, standardDeviation: 1, lower: 6, upper: 9)
        #expect(abs(distribution.quantile(0.5) - 6.111565061795188) < 1e-9)
        #expect(abs(distribution.cdf(distribution.quantile(0.8)) - 0.8) < 1e-9)
    }
}
