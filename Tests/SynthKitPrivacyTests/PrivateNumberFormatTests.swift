import SynthKit
@testable import SynthKitPrivacy
import SynthKitTestSupport
import Testing

/// Integer-ness, decimal places and datetime steps: declared, implied by the format, or paid.
@Suite struct PrivateNumberFormatTests {
    static let fixture = SynthesisFixtures.mixed(rows: 400)

    @Test func paidDecimalPlacesFindTheDataPrecision() throws {
        var budget = try PrivacyBudget(epsilon: 4, delta: 1e-6)
        var noise = NoiseSource.insecureReproducible(seed: Seed(21))
        let rho = budget.totalRho / 4
        func places(_ name: String) throws -> Int {
            try PrivateNumberFormat.decimalPlaces(
                of: Self.fixture.table[name]?.numbers ?? [], rho: rho, noise: &noise, budget: &budget, purpose: "decimal places(\(name))")
        }
        #expect(try places("age") == 0)
        #expect(try places("income") == 2)
        #expect(try places("score") == 11)
        #expect(PrivateNumberFormat.numberStep(decimalPlaces: 11) == nil)
        let days = (0..<400).map { 1_577_836_800 + Double($0) * 86_400 }
        let step = try PrivateNumberFormat.datetimeStep(of: days, rho: rho, noise: &noise, budget: &budget, purpose: "rounding step(when)")
        #expect(step == 86_400)
        #expect(budget.spends.count == 4)
    }

    @Test func everyFactOfAFitIsDeclaredOrPaid() throws {
        let model = try MST(epsilon: 1, delta: 1e-6, iterations: 50, insecureReproducible: true)
            .fit(Self.fixture.table, schema: Self.fixture.schema, options: FitOptions(seed: Seed(2)))
        let privacy = try #require(model.provenance.privacy)
        let facts = PrivacyFacts.entries(of: privacy)
        let paid = Set(facts.filter { $0.source.hasPrefix("paid with rho") }.map(\.fact))
        #expect(paid.isSuperset(of: [
            "bounds(age)", "decimal places(age)", "bounds(income)", "decimal places(income)", "bounds(score)",
            "decimal places(score)", "bounds(signup)", "rounding step(signup)", "categories(segment)", "categories(member)",
        ]))
        #expect(facts.allSatisfy { $0.source != "declared public" })
        // The observed format string is not used: the output format follows the paid step.
        #expect(model.schema.columns.first { $0.name == "signup" }?.datetime?.format == "yyyy-MM-dd")
        #expect(privacy.spends.first?.purpose == NeighbouringRelation.addRemove.ledgerNote)
        #expect(!privacy.declaredFacts.contains { $0.hasPrefix("row count") })
    }

    @Test func declaredBlocksDeclareTheirPrecisionAndCostNothing() throws {
        let declared = DeclaredFixture.make()
        let model = try PrivBayes(epsilon: 1, insecureReproducible: true)
            .fit(declared.table, schema: declared.schema, options: FitOptions(seed: Seed(3)))
        let privacy = try #require(model.provenance.privacy)
        #expect(privacy.declaredFacts.contains("age.decimal places (integer, declared with the bounds)"))
        #expect(privacy.declaredFacts.contains("income.decimal places (2, declared with the bounds)"))
        #expect(privacy.declaredFacts.contains("row count n (public under replace-one neighbours)"))
        #expect(privacy.declaredFacts.contains("signup.rounding step (a day, implied by the declared format)"))
        #expect(privacy.spends.first?.purpose == NeighbouringRelation.replaceOne.ledgerNote)
        #expect(!privacy.spends.contains { PrivacyFacts.paidPrefixes.contains(where: $0.purpose.hasPrefix) })
        let sample = try model.sample(count: 200, seed: Seed(4))
        let ages = (sample["age"]?.numbers ?? []).filter { !$0.isNaN }
        let incomes = (sample["income"]?.numbers ?? []).filter { !$0.isNaN }
        #expect(ages.allSatisfy { $0 == $0.rounded() })
        #expect(incomes.allSatisfy { abs($0 * 100 - ($0 * 100).rounded()) < 1e-6 })
    }
}
