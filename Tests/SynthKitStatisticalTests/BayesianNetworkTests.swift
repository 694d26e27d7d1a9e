import SynthKit
import SynthKitTestSupport
import Testing

@Suite struct BayesianNetworkTests {
    static let fixture = SynthesisFixtures.mixed()

    @Test(arguments: [BayesianNetwork(), BayesianNetwork(degree: 0), BayesianNetwork(degree: 3, maximumBins: 5)])
    func conformsToTheSynthesizerContract(configuration: BayesianNetwork) throws {
        try checkSynthesizer(configuration, on: Self.fixture.table, schema: Self.fixture.schema)
    }

    @Test func reproducesDependenceBetweenCategories() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 600)
        let model = try BayesianNetwork(degree: 2).fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
        let sample = try model.sample(count: 6000, seed: Seed(2))
        func share(_ table: Table, segment: String, member: String) throws -> Double {
            let segments = try #require(table["segment"])
            let members = try #require(table["member"])
            var hits = 0
            var total = 0
            for row in 0..<table.rowCount where segments.text(at: row) == segment {
                total += 1
                if members.text(at: row) == member { hits += 1 }
            }
            return Double(hits) / Double(max(total, 1))
        }
        let real = try share(table, segment: "retired", member: "yes")
        let fake = try share(sample, segment: "retired", member: "yes")
        #expect(abs(real - fake) < 0.08, "P(member | retired): real \(real), synthetic \(fake)")
        let independence = try share(sample, segment: "student", member: "yes")
        #expect(fake - independence > 0.2, "dependence lost: \(fake) vs \(independence)")
        let ages = try #require(sample["age"]?.numbers)
        #expect(ages.allSatisfy { $0 >= 18 && $0 <= 90 && $0 == $0.rounded() })
    }

    @Test func rejectsBadHyperparametersAtOnce() {
        do {
            _ = try BayesianNetwork(degree: -1, maximumBins: 0).fit(Self.fixture.table, schema: Self.fixture.schema, options: FitOptions(seed: Seed(1)))
            Issue.record("bad hyperparameters accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.additionalProblems.count == 1)
        }
    }

    @Test func roundTripsThroughTheModelFile() throws {
        let model = try BayesianNetwork().fit(Self.fixture.table, schema: Self.fixture.schema, options: FitOptions(seed: Seed(3)))
        let data = try SynthesizerRegistry.standard.encode(model)
        let loaded = try SynthesizerRegistry.standard.decode(data, file: "bn.synth")
        #expect(tablesAreIdentical(try model.sample(count: 300, seed: Seed(4)), try loaded.sample(count: 300, seed: Seed(4))))
    }
}
