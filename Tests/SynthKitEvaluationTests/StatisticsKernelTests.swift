import SynthKitCore
import SynthKitEvaluation
import Testing

@Suite("Statistics kernels against naive twins")
struct StatisticsKernelTests {
    /// sup |F_R − F_S| evaluated at every pooled value, O((n + m)²).
    static func naiveKS(_ first: [Double], _ second: [Double]) -> Double {
        var largest = 0.0
        for value in first + second {
            let f = Double(first.filter { $0 <= value }.count) / Double(first.count)
            let g = Double(second.filter { $0 <= value }.count) / Double(second.count)
            largest = max(largest, abs(f - g))
        }
        return largest
    }

    @Test("KS statistic equals the naive sup over pooled values", arguments: [1, 2, 3, 4])
    func kolmogorovSmirnov(seed: UInt64) {
        var stream = Seed(seed).stream()
        let first = (0..<(37 + Int(seed))).map { _ in Double(stream.nextIndex(below: 20)) }
        let second = (0..<53).map { _ in Double(stream.nextIndex(below: 25)) - 2 }
        let fast = KolmogorovSmirnov.statistic(sortedFirst: first.sorted(), sortedSecond: second.sorted())
        #expect(abs(fast - Self.naiveKS(first, second)) < 1e-12)
    }

    @Test("bins follow numpy: maximum and NaN share the last index, constant widens by 0.5")
    func bins() throws {
        let bins = try #require(EqualWidthBins(values: [0, 10, .nan, 5]))
        #expect(bins.edges.count == 11)
        #expect(bins.edges.first == 0 && bins.edges.last == 10)
        #expect(bins.index(of: 10) == 11)
        #expect(bins.index(of: .nan) == 11)
        #expect(bins.index(of: 0) == 1)
        #expect(bins.index(of: -1) == 0)
        let constant = try #require(EqualWidthBins(values: [3, 3]))
        #expect(constant.edges.first == 2.5 && constant.edges.last == 3.5)
        let empty = try #require(EqualWidthBins(values: [.nan]))
        #expect(empty.edges.first == 0 && empty.edges.last == 1)
        #expect(EqualWidthBins(values: [1, .infinity]) == nil)
    }

    @Test("Cramér's V of a sparse count equals the dense formula")
    func cramersV() throws {
        let first: [Int32] = [0, 0, 1, 1, 2, 2, 2, 0, 1, 2]
        let second: [Int32] = [0, 1, 1, 1, 0, 0, 2, 0, 1, 2]
        let counts = PairCounts(first: first, second: second, secondCategoryCount: 3, firstCategoryCount: 3)
        var table = [[Double]](repeating: [0, 0, 0], count: 3)
        for (a, b) in zip(first, second) { table[Int(a)][Int(b)] += 1 }
        let rows = table.map { $0.reduce(0, +) }
        let columns = (0..<3).map { j in table.reduce(0) { $0 + $1[j] } }
        var chiSquare = 0.0
        for i in 0..<3 {
            for j in 0..<3 {
                let expected = rows[i] * columns[j] / 10
                chiSquare += (table[i][j] - expected) * (table[i][j] - expected) / expected
            }
        }
        let dense = (chiSquare / 10 / 2).squareRoot()
        let sparse = try #require(counts.cramersV(secondCategoryCount: 3))
        #expect(abs(sparse - dense) < 1e-12)
    }

    @Test("Pearson correlation drops incomplete rows and flags constant input")
    func pearson() {
        #expect(PearsonCorrelation.coefficient([1, 2, 3, .nan], [2, 4, 6, 1]) == .value(1))
        #expect(PearsonCorrelation.coefficient([1, 1, 1], [1, 2, 3]) == .constantInput)
        #expect(PearsonCorrelation.coefficient([1, .nan], [1, 2]) == .tooFewRows(1))
    }
}
