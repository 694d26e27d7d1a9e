import SynthKit
import SynthKitTestSupport
import Testing

@Suite struct PrivBayesTests {
    static let fixture = SynthesisFixtures.mixed(rows: 400)

    @Test func conformsToTheSynthesizerContract() throws {
        let declared = DeclaredFixture.make()
        try checkPrivateSynthesizer(PrivBayes(epsilon: 2, insecureReproducible: true), on: declared.table, schema: declared.schema)
    }

    @Test func ledgerSumsToTheBudgetAndIsRecorded() throws {
        let model = try PrivBayes(epsilon: 1, delta: 1e-6, insecureReproducible: true)
            .fit(Self.fixture.table, schema: Self.fixture.schema, options: FitOptions(seed: Seed(1)))
        let privacy = try #require(model.provenance.privacy)
        let total = ZeroConcentratedPrivacy.rho(epsilon: 1, delta: 1e-6 * 0.9)
        let spent = privacy.spends.compactMap(\.rho).reduce(0, +)
        #expect(abs(spent - total) <= 1e-12 * total)
        #expect(abs((privacy.rho ?? 0) - total) <= 1e-12 * total)
        #expect(privacy.epsilon <= 1 + 1e-9)
        #expect(privacy.testMode)
        #expect(privacy.spends.contains { $0.purpose == "bounds(income): magnitude histogram" })
        #expect(privacy.spends.contains { $0.purpose == "categories(segment)" })
        #expect(model.provenance.seed == "1")
        // The stored schema holds no observed counts or missing shares.
        #expect(model.schema.columns.allSatisfy { $0.categories?.counts == nil && $0.missingShare == 0 })
    }

    @Test func declaredFactsAreFreeAndListed() throws {
        var schema = Self.fixture.schema
        for index in schema.columns.indices where schema.columns[index].name == "segment" {
            schema.columns[index].categories = CategoryDomain(values: ["student", "young", "family", "retired"], source: .declared)
        }
        for index in schema.columns.indices where schema.columns[index].name == "age" {
            schema.columns[index].numerical?.boundsSource = .declared
        }
        let model = try PrivBayes(epsilon: 1, insecureReproducible: true)
            .fit(Self.fixture.table, schema: schema, options: FitOptions(seed: Seed(1)))
        let privacy = try #require(model.provenance.privacy)
        #expect(privacy.declaredFacts.sorted() == [
            "age.bounds", "age.decimal places (integer, declared with the bounds)",
            "row count n (public under replace-one neighbours)", "segment.categories",
        ])
        #expect(!privacy.spends.contains { $0.purpose.contains("(segment)") || $0.purpose.contains("(age)") })
    }

    @Test func secureFitsSaySoAndLoad() throws {
        let model = try PrivBayes(epsilon: 1).fit(Self.fixture.table, schema: Self.fixture.schema, options: FitOptions(seed: Seed(1)))
        #expect(model.provenance.seed == "secure")
        #expect(model.provenance.privacy?.testMode == false)
        let data = try SynthesizerRegistry.standard.encode(model)
        let loaded = try SynthesizerRegistry.standard.decode(data, file: "pb.synth")
        #expect(loaded.provenance.privacy == model.provenance.privacy)
    }

    @Test func refusesAnInvalidBudget() {
        #expect(throws: SynthKitError.self) {
            try PrivBayes(epsilon: 0).fit(Self.fixture.table, schema: Self.fixture.schema, options: FitOptions(seed: Seed(1)))
        }
    }
}
