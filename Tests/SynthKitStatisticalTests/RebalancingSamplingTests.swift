import Foundation
import SynthKit
import SynthKitTestSupport
import Testing

/// `Rebalancing` on a Gaussian copula fitted to data drawn from a copula.
@Suite struct RebalancingSamplingTests {
    /// Target shares hold exactly (largest remainder), and the other column keeps its
    /// conditional distribution: for each tier, the synthetic share of `colour = red` lies within
    /// 3 standard errors of the real conditional share, the SE combining both sample sizes,
    /// √(p(1−p)(1/n_synthetic + 1/n_real)).
    @Test func sharesAreExactAndTheOtherColumnKeepsItsConditional() throws {
        let table = GaussianCopulaConditioningTests.table
        let model = try GaussianCopula().fit(table, schema: SchemaInference.infer(table: table), options: FitOptions(seed: Seed(2)))
        let rebalancing = try Rebalancing.parse("tier=rare:0.5,mid:0.3,common:0.2")
        let result = try rebalancing.sample(model, rows: 3001, seed: Seed(9), options: ConditioningOptions(threads: 1))
        let again = try rebalancing.sample(model, rows: 3001, seed: Seed(9), options: ConditioningOptions(threads: 4))
        #expect(tablesAreIdentical(result.table, again.table))
        let tier = try #require(result.table["tier"])
        let colour = try #require(result.table["colour"])
        let realTier = try #require(table["tier"])
        let realColour = try #require(table["colour"])
        let expected = Rebalancing.allocate(rows: 3001, shares: [0.5, 0.3, 0.2])
        for (index, category) in ["rare", "mid", "common"].enumerated() {
            let rows = (0..<tier.count).filter { tier.text(at: $0) == category }
            #expect(rows.count == expected[index], "\(category): \(rows.count) rows, expected \(expected[index])")
            let realRows = (0..<realTier.count).filter { realTier.text(at: $0) == category }
            let realShare = Double(realRows.filter { realColour.text(at: $0) == "red" }.count) / Double(realRows.count)
            let share = Double(rows.filter { colour.text(at: $0) == "red" }.count) / Double(rows.count)
            let standardError = (realShare * (1 - realShare) * (1 / Double(rows.count) + 1 / Double(realRows.count))).squareRoot()
            #expect(abs(share - realShare) <= 3 * standardError, "\(category): red share \(share) vs real \(realShare) (SE \(standardError))")
        }
        // Rows are shuffled, not grouped by category.
        #expect((0..<20).map { tier.text(at: $0) }.contains { $0 != tier.text(at: 0) })
    }
}
