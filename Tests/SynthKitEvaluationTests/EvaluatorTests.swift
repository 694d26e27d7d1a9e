import Foundation
import SynthKitCore
import SynthKitEvaluation
import SynthKitTable
import Testing

@Suite("Evaluator and EvaluationReport")
struct EvaluatorTests {
    static func mixed() throws -> (Table, Table, Table) {
        (try FixtureCSV.table("sdmetrics/mixed200.real.csv"), try FixtureCSV.table("sdmetrics/mixed200.synthetic.csv"),
         try FixtureCSV.table("sdmetrics/mixed200.holdout.csv"))
    }

    @Test("report carries the compatible scores, a holdout reference and privacy figures")
    func evaluate() throws {
        let (real, synthetic, holdout) = try Self.mixed()
        let fixture = try SDMetricsFixtures.named("mixed200")
        let report = try Evaluator.evaluate(real: real, synthetic: synthetic, holdout: holdout)
        #expect(report.formatVersion == 2)
        #expect(agree(report.sdmetricsCompatible.overall, fixture.report.overall))
        #expect(report.holdoutReference?.overall != nil)
        let privacy = try #require(report.privacyFigures)
        #expect(privacy.holdoutReferenceRows == holdout.rowCount)
        #expect(privacy.trainingReferenceRows == holdout.rowCount, "equal-size references by default")
        #expect(privacy.dcrShare.map { (0...1).contains($0) } == true)
        #expect(report.rows == .init(real: 200, synthetic: 240, holdout: 100))
    }

    @Test("JSON uses the stable names, null for missing values, and round-trips")
    func json() throws {
        let (real, synthetic, _) = try Self.mixed()
        let report = try Evaluator.evaluate(real: real, synthetic: synthetic)
        let data = try JSONCoding.encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 2)
        let compatible = try #require(object["sdmetricsCompatible"] as? [String: Any])
        #expect(compatible["overall"] is Double && compatible["columnShapes"] is Double && compatible["columnPairTrends"] is Double)
        #expect(object["holdoutReference"] is NSNull)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("NaN"))
        #expect(try JSONCoding.decode(EvaluationReport.self, from: data, file: "memory") == report)
    }

    @Test("a newer format version is refused")
    func newerVersion() throws {
        let (real, synthetic, _) = try Self.mixed()
        let report = try Evaluator.evaluate(real: real, synthetic: synthetic, options: .init(includePrivacy: false))
        var text = String(decoding: try JSONCoding.encode(report), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 3")
        #expect(throws: SynthKitError.self) { try JSONCoding.decode(EvaluationReport.self, from: Data(text.utf8), file: "r.json") }
    }

    @Test("holdout columns must match the real ones")
    func holdoutMismatch() throws {
        let real = try Table(columns: [Column(name: "a", numbers: [1, 2])])
        let holdout = try Table(columns: [Column(name: "b", numbers: [1, 2])])
        do {
            _ = try Evaluator.evaluate(real: real, synthetic: real, holdout: holdout)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.additionalProblems.count == 1)
        }
    }

    @Test("HTML is self-contained and escapes data text")
    func html() throws {
        let name = "<script>alert('x')</script>"
        let real = try Table(columns: [Column(name: name, numbers: [1, 2, 3, 4]), Column(name: "c&d", strings: ["a", "b", "a", "b"])])
        let synthetic = try Table(columns: [Column(name: name, numbers: [1, 2, 2, 4]), Column(name: "c&d", strings: ["a", "a", "a", "b"])])
        let page = try Evaluator.evaluate(real: real, synthetic: synthetic).renderHTML()
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("c&amp;d"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(page.contains("Column Pair Trends") && page.contains("Exact copies"))
    }
}
