import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

/// Small synthetic populations for the SynthKit-mode families.
enum Population {
    /// `count` rows of a mixed population: two correlated numbers, a category with a rare level,
    /// a binary outcome depending on both, and a group column.
    static func table(count: Int, seed: UInt64, rareLevel: Bool = true) throws -> Table {
        var stream = Seed(seed).stream()
        var income: [Double?] = [], age: [Double?] = [], city: [String?] = [], outcome: [String?] = [], group: [String?] = []
        for row in 0..<count {
            let latent = stream.nextNormal()
            let ageValue = 40 + 10 * latent + 3 * stream.nextNormal()
            let incomeValue = 50 + 12 * latent + 5 * stream.nextNormal()
            age.append(ageValue)
            income.append(row % 17 == 0 ? nil : incomeValue)
            let cityDraw = stream.nextUniform()
            city.append(rareLevel && row % 200 == 7 ? "Rareville" : (cityDraw < 0.5 ? "A" : (cityDraw < 0.8 ? "B" : "C")))
            let groupValue = stream.nextUniform() < 0.5 ? "F" : "M"
            group.append(groupValue)
            let logit = 0.15 * (incomeValue - 50) + (groupValue == "M" ? 0.8 : -0.8) - 1
            outcome.append(stream.nextUniform() < 1 / (1 + Foundation.exp(-logit)) ? "high" : "low")
        }
        return try Table(columns: [
            Column(name: "age", numbers: age), Column(name: "income", numbers: income), Column(name: "city", strings: city),
            Column(name: "group", strings: group), Column(name: "outcome", strings: outcome),
        ])
    }
}

@Suite("SynthKit-mode families and report model")
struct FamilyEvaluationTests {
    static let options = EvaluationOptions(seed: Seed(3), target: "outcome", sensitive: "group")

    @Test("JSON has every family block with score, notes and metrics, and the privacy guarantee entry")
    func jsonBlocks() throws {
        let real = try Population.table(count: 400, seed: 1)
        let synthetic = try Population.table(count: 400, seed: 2)
        let holdout = try Population.table(count: 200, seed: 3)
        let report = try Evaluator.evaluate(real: real, synthetic: synthetic, holdout: holdout, options: Self.options)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONCoding.encode(report)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 2)
        #expect(object["sdmetricsCompatible"] is [String: Any])
        for family in ["fidelity", "diversity", "utility", "detectability", "privacy", "fairness"] {
            let block = try #require(object[family] as? [String: Any], "missing \(family)")
            #expect(block["score"] is Double, "\(family) score")
            #expect(block["notes"] is [Any] && block["metrics"] is [Any] && block["verdict"] is String, "\(family) shape")
        }
        let guarantee = try #require((object["privacy"] as? [String: Any])?["guarantee"] as? [String: Any])
        #expect(guarantee["statement"] as? String == "none: empirical measurements only")
        #expect(guarantee["epsilon"] is NSNull)
        #expect(try JSONCoding.decode(EvaluationReport.self, from: JSONCoding.encode(report), file: "memory") == report)
    }

    @Test("an independent sample scores near its ceiling and passes the privacy oracles")
    func independentSample() throws {
        let real = try Population.table(count: 500, seed: 11)
        let synthetic = try Population.table(count: 500, seed: 12)
        let holdout = try Population.table(count: 500, seed: 13)
        let report = try Evaluator.evaluate(real: real, synthetic: synthetic, holdout: holdout, options: Self.options)
        let fidelity = try #require(report.fidelity)
        let score = try #require(fidelity.score)
        let ceiling = try #require(fidelity.holdoutCeiling)
        #expect(abs(score - ceiling) < 0.03, "independent sample \(score) vs ceiling \(ceiling)")
        let attack = try #require(report.privacy?.metric("membership-inference-auc"))
        let auc = try #require(attack.score)
        let band = try #require(attack.breakdown["nullBand"])
        #expect(abs(auc - 0.5) <= band, "AUC \(auc) outside 0.5 ± \(band)")
        #expect(report.privacyFigures?.exactCopies == 0)
        let utility = try #require(report.utility?.score)
        #expect(utility > 0.9, "TSTR/TRTR \(utility)")
    }

    @Test("a generator that copies its training rows is caught: AUC ≈ 1, copies warned about")
    func copyOracle() throws {
        let real = try Population.table(count: 300, seed: 21)
        let holdout = try Population.table(count: 300, seed: 22)
        let report = try Evaluator.evaluate(real: real, synthetic: real, holdout: holdout, options: Self.options)
        let auc = try #require(report.privacy?.metric("membership-inference-auc")?.score)
        #expect(auc > 0.99, "copy oracle AUC \(auc)")
        #expect(report.warnings.contains { $0.contains("300 synthetic rows are exact copies") })
        #expect(report.privacy?.metric("dcr-euclidean-training-median")?.score == 0)
    }

    @Test("a lost rare category and widened tails are reported")
    func diversityLosses() throws {
        let real = try Population.table(count: 600, seed: 31)
        let synthetic = try Population.table(count: 600, seed: 32, rareLevel: false)
        let report = try Evaluator.evaluate(real: real, synthetic: synthetic, options: Self.options)
        let rare = try #require(report.diversity?.metric("rare-category-retention"))
        #expect(rare.breakdown["city"] == 0)
        #expect(report.warnings.contains { $0.contains("city: Rareville") })
        #expect(report.utility?.score == nil, "utility needs a holdout")
        #expect(report.utility?.notes.first?.contains("holdout") == true)
    }

    @Test("precision, recall, density and coverage are 1 for identical sets and fall for a shifted one")
    func prdc() throws {
        var stream = Seed(5).stream()
        let values = (0..<200 * 2).map { _ in stream.nextNormal() }
        let rows = EncodedRows(rowCount: 200, width: 2, values: values)
        let same = try #require(PrecisionRecallDensityCoverage.compute(real: rows, synthetic: rows))
        #expect(same.precision == 1 && same.recall == 1 && same.coverage == 1)
        let shifted = EncodedRows(rowCount: 200, width: 2, values: values.map { $0 + 4 })
        let far = try #require(PrecisionRecallDensityCoverage.compute(real: rows, synthetic: shifted))
        #expect(far.precision < 0.1 && far.coverage < 0.1)
    }

    @Test("demographic-parity gaps: a synthetic table without group effect narrows the gap")
    func fairness() throws {
        let real = try Population.table(count: 800, seed: 41)
        let flattened = real.replacing(Column(name: "group", strings: (0..<800).map { $0 % 2 == 0 ? "F" : "M" }))
        let family = DemographicParity(target: "outcome", sensitive: "group").evaluate(real: real, synthetic: flattened)
        let realGap = try #require(family.metric("demographic-parity-gap-real")?.score)
        let syntheticGap = try #require(family.metric("demographic-parity-gap-synthetic")?.score)
        #expect(realGap > 0.2, "real gap \(realGap)")
        #expect(syntheticGap < realGap)
        #expect(family.verdict.contains("narrows"))
    }

    @Test("a target or sensitive column not in the table is a located error")
    func missingTarget() throws {
        let real = try Population.table(count: 50, seed: 51)
        do {
            _ = try Evaluator.evaluate(real: real, synthetic: real, options: .init(target: "salary", sensitive: "gender"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.description.contains("target column 'salary'"))
            #expect(error.description.contains("sensitive column 'gender'"))
        }
    }

    @Test("AUC by ranks handles ties and perfect separation")
    func areaUnderCurve() {
        #expect(ReceiverOperatingCurve.area(positives: [3, 4], negatives: [1, 2]) == 1)
        #expect(ReceiverOperatingCurve.area(positives: [1, 1], negatives: [1, 1]) == 0.5)
        #expect(ReceiverOperatingCurve.area(positives: [0.8, 0.4], negatives: [0.6, 0.2]) == 0.75)
        #expect(ReceiverOperatingCurve.area(positives: [], negatives: [1]) == nil)
    }
}
