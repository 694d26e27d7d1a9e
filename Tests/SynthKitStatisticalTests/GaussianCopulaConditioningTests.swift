import Foundation
import SynthKit
import SynthKitTestSupport
import Testing

@Suite struct GaussianCopulaConditioningTests {
    /// 6,000 rows drawn from a Gaussian copula, so the model family is right and the only
    /// differences are estimation error: latent (a, b, c) with correlations 0.6 (a, c),
    /// 0.4 (b, c), 0.3 (a, b); `x` = 50 + 10a (2 decimals), `y` = eᵇ (2 decimals), `tier`
    /// thresholds c (rare ≈ 16%), `colour` thresholds b.
    static let table: Table = {
        var stream = Seed(77).stream()
        var x: [Double?] = []
        var y: [Double?] = []
        var tier: [String?] = []
        var colour: [String?] = []
        for _ in 0..<6000 {
            let e1 = stream.nextNormal(), e2 = stream.nextNormal(), e3 = stream.nextNormal()
            let a = e1
            let b = 0.3 * e1 + 0.954 * e2
            let c = 0.6 * e1 + 0.23 * e2 + 0.766 * e3
            x.append(((50 + 10 * a) * 100).rounded() / 100)
            y.append((Foundation.exp(b) * 100).rounded() / 100)
            tier.append(c < -1 ? "rare" : c < 0.5 ? "mid" : "common")
            colour.append(b > 0.3 ? "red" : "blue")
        }
        return (try? Table(columns: [
            Column(name: "x", numbers: x), Column(name: "y", numbers: y),
            Column(name: "tier", strings: tier), Column(name: "colour", strings: colour),
        ])) ?? .empty
    }()

    @Test func conformsToTheConditioningContract() throws {
        let (table, schema) = SynthesisFixtures.mixed()
        try checkConditioning(try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(1))))
        try checkConditioning(try GaussianCopula(jointAssociationThreshold: 0.05).fit(table, schema: schema, options: FitOptions(seed: Seed(1))))
    }

    /// Tolerance: the 99th percentile of the KS statistic between two bootstrap resamples of the
    /// real subset, of the real subset's size and of the synthetic sample's size (200 draws): a
    /// synthetic sample must be as close to the real subset as a fresh real sample would be.
    @Test func otherColumnsFollowTheRealConditionalDistribution() throws {
        let table = Self.table
        let schema = SchemaInference.infer(table: table)
        let model = try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
        let synthetic = try model.sample(
            conditions: [Condition(assignments: [.init(column: "tier", value: "rare")], rowCount: 3000)],
            seed: Seed(9), options: ConditioningOptions())
        let tier = try #require(synthetic.table["tier"])
        #expect((0..<tier.count).allSatisfy { tier.text(at: $0) == "rare" })
        let realTier = try #require(table["tier"])
        let subset = (0..<table.rowCount).filter { realTier.text(at: $0) == "rare" }
        var stream = Seed(5).stream()
        for name in ["x", "y"] {
            let real = try #require(table[name]?.numbers)
            let realSubset = subset.map { real[$0] }
            let fake = try #require(synthetic.table[name]?.numbers)
            var null: [Double] = []
            for _ in 0..<200 {
                let first = (0..<realSubset.count).map { _ in realSubset[stream.nextIndex(below: realSubset.count)] }
                let second = (0..<fake.count).map { _ in realSubset[stream.nextIndex(below: realSubset.count)] }
                null.append(twoSampleKolmogorovSmirnov(first, second))
            }
            let tolerance = null.sorted()[197]
            let observed = twoSampleKolmogorovSmirnov(realSubset, fake)
            #expect(observed <= tolerance, "\(name) | tier=rare: KS \(observed) above the bootstrap tolerance \(tolerance)")
            // The unconditional distribution is far away, so the test can fail.
            #expect(twoSampleKolmogorovSmirnov(real, fake) > tolerance)
        }
        let colour = try #require(synthetic.table["colour"])
        let realColour = try #require(table["colour"])
        let realRed = Double(subset.filter { realColour.text(at: $0) == "red" }.count) / Double(subset.count)
        let fakeRed = Double((0..<colour.count).filter { colour.text(at: $0) == "red" }.count) / Double(colour.count)
        // Binomial standard error of the difference, 3 sigma.
        let standardError = (realRed * (1 - realRed) * (1 / Double(subset.count) + 1 / Double(colour.count))).squareRoot()
        #expect(abs(realRed - fakeRed) <= 3 * standardError, "P(red | rare): real \(realRed), synthetic \(fakeRed)")
    }

    @Test func conditionsOnNumbersAndSeveralCorrelatedCoordinates() throws {
        let table = Self.table
        let model = try GaussianCopula().fit(table, schema: SchemaInference.infer(table: table), options: FitOptions(seed: Seed(1)))
        let result = try model.sample(
            conditions: [Condition(assignments: [.init(column: "tier", value: "common"), .init(column: "colour", value: "red"), .init(column: "x", value: "61.5")], rowCount: 500)],
            seed: Seed(4), options: ConditioningOptions())
        #expect(result.table.rowCount == 500)
        let tier = try #require(result.table["tier"])
        let colour = try #require(result.table["colour"])
        let x = try #require(result.table["x"]?.numbers)
        #expect((0..<500).allSatisfy { tier.text(at: $0) == "common" && colour.text(at: $0) == "red" && x[$0] == 61.5 })
        let y = try #require(result.table["y"]?.numbers)
        // colour = red means b > 0.3, so y = eᵇ > 1.35.
        #expect(y.allSatisfy { $0 >= 1.3 })
    }

    @Test func jointGroupMembersThatNeverCoOccurAreRefused() throws {
        var codes: [String?] = []
        var names: [String?] = []
        for row in 0..<300 {
            codes.append(["a", "b", "c"][row % 3])
            names.append(["alpha", "beta", "gamma"][row % 3])
        }
        let table = try Table(columns: [Column(name: "code", strings: codes), Column(name: "name", strings: names)])
        let model = try GaussianCopula().fit(table, schema: SchemaInference.infer(table: table), options: FitOptions(seed: Seed(1)))
        let good = try model.sample(
            conditions: [Condition(assignments: [.init(column: "name", value: "beta")], rowCount: 50)], seed: Seed(1), options: ConditioningOptions())
        let code = try #require(good.table["code"])
        #expect((0..<50).allSatisfy { code.text(at: $0) == "b" })
        do {
            _ = try model.sample(
                conditions: [Condition(assignments: [.init(column: "name", value: "beta"), .init(column: "code", value: "a")], rowCount: 5)],
                seed: Seed(1), options: ConditioningOptions())
            Issue.record("impossible combination accepted")
        } catch {
            #expect(error.code == .conditionUnsatisfiable)
            #expect(error.description.contains("never occurred together"))
        }
    }

    @Test func rejectionFallbackMatchesAndReportsShortfall() throws {
        let (table, schema) = SynthesisFixtures.mixed()
        let model = try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
        let condition = Condition(assignments: [.init(column: "segment", value: "retired")], rowCount: 100)
        let full = try model.sampleByRejection(conditions: [condition], seed: Seed(2), options: ConditioningOptions())
        #expect(full.producedRows == [100] && full.method == .rejection)
        let segment = try #require(full.table["segment"])
        #expect((0..<full.table.rowCount).allSatisfy { segment.text(at: $0) == "retired" })
        // A budget of one draw per row cannot find 100 retired rows (about 10% of rows are).
        let short = try model.sampleByRejection(conditions: [condition], seed: Seed(2), options: ConditioningOptions(rejectionDrawsPerRow: 1))
        #expect(short.producedRows[0] < 100 && short.producedRows[0] == short.table.rowCount && !short.isComplete)
    }

    @Test func parsesAssignmentsAtTheFirstEqualsSign() throws {
        let assignment = try Condition.parseAssignment("income=>50K")
        #expect(assignment.column == "income" && assignment.value == ">50K")
        #expect(try Condition.parseAssignment("rule=a=b").value == "a=b")
        #expect(throws: SynthKitError.self) { try Condition.parseAssignment("nothing") }
    }
}

@Suite struct GaussianCopulaConstraintTests {
    @Test func satisfiesEveryConstraint() throws {
        let (table, schema) = SynthesisFixtures.mixed()
        try checkConstraints(try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(1))))
    }
}
