import SynthKitMath
import Testing

@Suite struct EmpiricalDistributionTests {
    @Test func cdfAndQuantiles() {
        let distribution = EmpiricalDistribution([3, 1, .nan, 2, 2, 10])
        #expect(distribution.count == 5)
        #expect(distribution.cdf(2) == 0.6)
        #expect(distribution.cdfBelow(2) == 0.2)
        #expect(distribution.cdf(0) == 0)
        #expect(distribution.quantile(0) == 1)
        #expect(distribution.quantile(1) == 10)
        #expect(distribution.quantile(0.5) == 2)
        #expect(distribution.quantile(0.875) == 6.5)
        #expect(EmpiricalDistribution([]).quantile(0.5).isNaN)
    }

    @Test func kolmogorovSmirnovAgainstUniform() {
        let distribution = EmpiricalDistribution([0.1, 0.2, 0.3, 0.4])
        let statistic = distribution.kolmogorovSmirnov { min(max($0, 0), 1) }
        #expect(abs(statistic - 0.6) < 1e-12)
    }

    @Test func correlationsMatchScipy() {
        let first = [1.0, 2, 2, 4, 7, 3]
        let second = [2.0, 1, 4, 4, 9, 0.5]
        #expect(abs(Correlation.spearman(first, second) - 0.4852941176470589) < 1e-14)
        #expect(abs(Correlation.pearson(first, second) - 0.8313827910542487) < 1e-14)
        #expect(Correlation.ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
        #expect(Correlation.pearson([1, 1, 1], [1, 2, 3]).isNaN)
        #expect(abs(Correlation.pearson([1, .nan, 3, 4], [2, 5, 6, 8]) - Correlation.pearson([1, 3, 4], [2, 6, 8])) < 1e-15)
    }
}
