import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

/// Agreement with anonymeter 1.1.0 (`Scripts/anonymeter_fixtures.py`).
@Suite("Anonymeter-style attacks against anonymeter 1.1.0")
struct AnonymeterAgreementTests {
    struct Expected: Decodable {
        struct Risk: Decodable {
            var attempts: Int, main: Double, control: Double, baseline: Double
            var risk: Double, ciLower: Double, ciUpper: Double, mainRate: Double, mainError: Double
        }
        struct Linkability: Decodable { var neighbours: Int, main: Int, control: Int }
        struct Inference: Decodable { var secret: String, main: Int, control: Int }
        struct Univariate: Decodable { var attacks: Int, main: Int, control: Int }
        struct Multivariate: Decodable { var attacks: Int, main: Int, control: Int, risk: Double, ciLower: Double, ciUpper: Double }
        struct SinglingOut: Decodable { var univariate: Univariate, multivariate: Multivariate }
        var risk: [Risk]
        var linkability: [Linkability]
        var inference: [Inference]
        var singlingOut: SinglingOut
    }

    static func load() throws -> (expected: Expected, data: [AttackColumns]) {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: FixtureCSV.fixtures.appendingPathComponent("anonymeter/expected.json")))
        let tables = try ["training", "control", "synthetic"].map { try FixtureCSV.table("anonymeter/\($0).csv") }
        let roles = ColumnRoles(table: tables[0], metadata: SDVMetadata.inferred(from: tables[0]))
        return (expected, AttackColumns.read(tables, names: tables[0].columnNames, roles: roles))
    }

    @Test("Wilson rates, residual risk and its clipped interval equal anonymeter's")
    func riskFormula() throws {
        for entry in try Self.load().expected.risk {
            let risk = AttackRisk(mainSuccesses: entry.main, controlSuccesses: entry.control, baselineSuccesses: entry.baseline, attempts: entry.attempts)
            #expect(abs(risk.mainRate.value - entry.mainRate) < 1e-9 && abs(risk.mainRate.error - entry.mainError) < 1e-9)
            #expect(abs(risk.risk - entry.risk) < 1e-9, "risk \(risk.risk) vs \(entry.risk)")
            #expect(abs(risk.lower - entry.ciLower) < 1e-9 && abs(risk.upper - entry.ciUpper) < 1e-9, "interval \(risk.lower)…\(risk.upper)")
        }
    }

    @Test("linkability success counts equal anonymeter's with every row attacked")
    func linkability() throws {
        let (expected, data) = try Self.load()
        for entry in expected.linkability {
            let outcome = try #require(LinkabilityAttack(attacks: 300, neighbours: entry.neighbours).run(
                training: data[0], control: data[1], synthetic: data[2], auxiliary: ([0, 1], [2, 3, 4]), seed: Seed(1), threads: 2,
                sampleTargets: false))
            #expect(outcome.mainSuccesses == entry.main && outcome.controlSuccesses == entry.control,
                    "k = \(entry.neighbours): \(outcome.mainSuccesses)/\(outcome.controlSuccesses) vs \(entry.main)/\(entry.control)")
        }
    }

    @Test("attribute-inference success counts equal anonymeter's for every secret column")
    func inference() throws {
        let (expected, data) = try Self.load()
        let outcomes = AttributeInferenceAttack(attacks: 300).run(
            training: data[0], control: data[1], synthetic: data[2], seed: Seed(1), threads: 2, sampleTargets: false)
        #expect(outcomes.map(\.secret) == expected.inference.map(\.secret))
        for (outcome, entry) in zip(outcomes, expected.inference) {
            #expect(outcome.mainSuccesses == entry.main && outcome.controlSuccesses == entry.control,
                    "\(entry.secret): \(outcome.mainSuccesses)/\(outcome.controlSuccesses) vs \(entry.main)/\(entry.control)")
        }
    }

    @Test("univariate singling out: the same queries succeed; multivariate rates agree within the error bars")
    func singlingOut() throws {
        let (expected, data) = try Self.load()
        let univariate = try #require(SinglingOutAttack(mode: .univariate, attacks: expected.singlingOut.univariate.attacks)
            .run(training: data[0], control: data[1], synthetic: data[2], seed: Seed(1)))
        #expect(univariate.mainSuccesses == expected.singlingOut.univariate.main)
        #expect(univariate.controlSuccesses == expected.singlingOut.univariate.control)
        let reference = expected.singlingOut.multivariate
        let multivariate = try #require(SinglingOutAttack(attacks: reference.attacks)
            .run(training: data[0], control: data[1], synthetic: data[2], seed: Seed(1)))
        let theirs = AttackRisk.Rate(successes: Double(reference.main), attempts: reference.attacks)
        let ours = multivariate.risk.mainRate
        #expect(abs(ours.value - theirs.value) <= ours.error + theirs.error, "main rate \(ours.value) vs \(theirs.value)")
        #expect(multivariate.risk.lower <= reference.ciUpper && reference.ciLower <= multivariate.risk.upper,
                "intervals \(multivariate.risk.lower)…\(multivariate.risk.upper) and \(reference.ciLower)…\(reference.ciUpper) do not overlap")
    }

    @Test("in the report: copies raise the linkability and inference risks above an independent sample's, intervals enclose the risk")
    func familyEntries() throws {
        let real = try Population.table(count: 300, seed: 61)
        let holdout = try Population.table(count: 300, seed: 62)
        let options = EvaluationOptions(seed: Seed(3))
        let copied = try Evaluator.evaluate(real: real, synthetic: real, holdout: holdout, options: options)
        let independent = try Evaluator.evaluate(real: real, synthetic: try Population.table(count: 300, seed: 63), holdout: holdout, options: options)
        for identifier in ["singling-out-risk", "linkability-risk", "attribute-inference-risk"] {
            for report in [copied, independent] {
                let metric = try #require(report.privacy?.metric(identifier), "\(identifier)")
                let risk = try #require(metric.score)
                let lower = try #require(metric.breakdown["ciLower"])
                let upper = try #require(metric.breakdown["ciUpper"])
                #expect(0 <= lower && lower <= risk && risk <= upper && upper <= 1, "\(identifier): \(lower) ≤ \(risk) ≤ \(upper)")
            }
        }
        for identifier in ["linkability-risk", "attribute-inference-risk"] {
            let copyRisk = try #require(copied.privacy?.metric(identifier)?.score)
            let independentRisk = try #require(independent.privacy?.metric(identifier)?.score)
            #expect(copyRisk > independentRisk + 0.2, "\(identifier): copies \(copyRisk), independent \(independentRisk)")
        }
        let withoutHoldout = try Evaluator.evaluate(real: real, synthetic: real, options: options)
        #expect(withoutHoldout.privacy?.metric("singling-out-risk")?.score == nil)
        #expect(withoutHoldout.privacy?.metric("singling-out-risk")?.notes.first?.contains("holdout") == true)
    }
}
