import Foundation
import SynthKitCore
import SynthKitEvaluation
import SynthKitTable
import Testing

@Suite("SDMetricsQualityReport against sdmetrics 0.32.0")
struct SDMetricsQualityReportTests {
    static func evaluate(_ fixture: SDMetricsFixtures.Case) throws -> SDMetricsQualityResult {
        let real = try FixtureCSV.table("sdmetrics/\(fixture.real)")
        let synthetic = try FixtureCSV.table("sdmetrics/\(fixture.synthetic)")
        let metadata = try fixture.metadata.map { file throws(SynthKitError) in
            try SDVMetadata.load(path: FixtureCSV.fixtures.appendingPathComponent("sdmetrics/\(file)").path)
        }
        return try SDMetricsQualityReport(metadata: metadata).evaluate(real: real, synthetic: synthetic)
    }

    @Test("properties and overall agree to 1e-6", arguments: SDMetricsFixtures.caseNames)
    func properties(caseName: String) throws {
        let fixture = try SDMetricsFixtures.named(caseName)
        let result = try Self.evaluate(fixture)
        #expect(agree(result.overall, fixture.report.overall), "overall \(String(describing: result.overall)) vs \(String(describing: fixture.report.overall))")
        #expect(agree(result.columnShapes, fixture.report.columnShapes))
        #expect(agree(result.columnPairTrends, fixture.report.columnPairTrends))
    }

    @Test("every column score agrees", arguments: SDMetricsFixtures.caseNames)
    func columns(caseName: String) throws {
        let fixture = try SDMetricsFixtures.named(caseName)
        let result = try Self.evaluate(fixture)
        #expect(Set(result.columns.keys) == Set(fixture.report.columns.keys))
        for (name, expected) in fixture.report.columns {
            let actual = result.columns[name]
            #expect(actual?.metric == expected.metric, "column \(name)")
            #expect(agree(actual?.score, expected.score), "column \(name): \(String(describing: actual?.score)) vs \(String(describing: expected.score))")
        }
    }

    @Test("every pair agrees, in SDMetrics' order", arguments: SDMetricsFixtures.caseNames)
    func pairs(caseName: String) throws {
        let fixture = try SDMetricsFixtures.named(caseName)
        let result = try Self.evaluate(fixture)
        #expect(result.pairs.map(\.columns) == fixture.report.pairs.map(\.columns))
        for (actual, expected) in zip(result.pairs, fixture.report.pairs) {
            let label = actual.columns.joined(separator: ",")
            #expect(actual.metric == expected.metric, "\(label)")
            #expect(agree(actual.score, expected.score), "\(label) score \(String(describing: actual.score)) vs \(String(describing: expected.score))")
            #expect(agree(actual.realCorrelation, expected.realCorrelation), "\(label) real correlation")
            #expect(agree(actual.syntheticCorrelation, expected.syntheticCorrelation), "\(label) synthetic correlation")
            #expect(agree(actual.realAssociation, expected.realAssociation), "\(label) real association \(String(describing: actual.realAssociation)) vs \(String(describing: expected.realAssociation))")
            #expect(actual.meetsThreshold == expected.meetsThreshold, "\(label) meets threshold")
        }
    }

    @Test("golden table reproduces the reference values (sdmetrics 0.29.0, confirmed with 0.32.0)")
    func goldenReference() throws {
        let result = try Self.evaluate(try SDMetricsFixtures.named("golden"))
        #expect(agree(result.overall, 0.767111578055641, tolerance: 1e-12))
        #expect(agree(result.columnShapes, 0.925, tolerance: 1e-12))
        #expect(agree(result.columnPairTrends, 0.609223, tolerance: 1e-6))
    }

    @Test("per-table binning makes a shifted copy score 1 on pair trends")
    func shiftQuirk() throws {
        let result = try Self.evaluate(try SDMetricsFixtures.named("shift"))
        #expect(agree(result.columnPairTrends, 1.0, tolerance: 1e-12))
        #expect(agree(result.columnShapes, 1.0 / 3.0, tolerance: 1e-12))
    }

    @Test("NaN scores encode as JSON null")
    func nullEncoding() throws {
        let result = try Self.evaluate(try SDMetricsFixtures.named("edge"))
        let json = String(decoding: try JSONCoding.encode(result), as: UTF8.self)
        #expect(json.contains("\"score\" : null"))
        #expect(!json.contains("NaN"))
        let decoded = try JSONCoding.decode(SDMetricsQualityResult.self, from: Data(json.utf8), file: "memory")
        #expect(decoded == result)
    }

    @Test("different column names are an error listing each difference")
    func columnMismatch() throws {
        let real = try Table(columns: [Column(name: "a", numbers: [1, 2]), Column(name: "b", numbers: [1, 2])])
        let synthetic = try Table(columns: [Column(name: "a", numbers: [1, 2]), Column(name: "c", numbers: [1, 2])])
        do {
            _ = try SDMetricsQualityReport().evaluate(real: real, synthetic: synthetic)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.location?.column == "b")
            #expect(error.additionalProblems.first?.location?.column == "c")
        }
    }
}

@Suite("SDMetricsQualityReport datetimes")
struct SDMetricsDatetimeTests {
    @Test("text datetimes parse with the metadata format; without one they are not computable")
    func datetimeText() throws {
        let real = try Table(columns: [
            Column(name: "day", strings: ["2024-01-01", "2024-01-05", "2024-02-29", nil]),
            Column(name: "value", numbers: [1, 2, 3, 4]),
        ])
        let synthetic = try Table(columns: [
            Column(name: "day", strings: ["2024-01-02", "2024-01-05", "2024-03-01", "2024-03-02"]),
            Column(name: "value", numbers: [1, 2, 3, 5]),
        ])
        let withFormat = SDVMetadata(columns: ["day": .init(sdtype: "datetime", datetimeFormat: "%Y-%m-%d"), "value": .init(sdtype: "numerical")])
        let parsed = try SDMetricsQualityReport(metadata: withFormat).evaluate(real: real, synthetic: synthetic)
        // F_R − F_S is largest on 29 February: 3/3 − 2/4.
        #expect(agree(parsed.columns["day"]?.score, 0.5, tolerance: 1e-12))
        let withoutFormat = SDVMetadata(columns: ["day": .init(sdtype: "datetime"), "value": .init(sdtype: "numerical")])
        let failed = try SDMetricsQualityReport(metadata: withoutFormat).evaluate(real: real, synthetic: synthetic)
        #expect(failed.columns["day"]?.score == nil)
        #expect(failed.pairs.allSatisfy { $0.score == nil && !$0.meetsThreshold })
        let invalid = try Table(columns: [
            Column(name: "day", strings: ["2024-02-30", "2024-01-05", "2024-03-01", "2024-03-02"]),
            Column(name: "value", numbers: [1, 2, 3, 5]),
        ])
        let impossible = try SDMetricsQualityReport(metadata: withFormat).evaluate(real: real, synthetic: invalid)
        #expect(impossible.columns["day"]?.score == nil, "30 February fails the column as in pandas")
    }
}

@Suite("SDMetricsQualityReport row subsample")
struct SDMetricsSubsampleTests {
    @Test("above the row limit contingency pairs use a seeded subsample; correlations and shapes do not")
    func subsample() throws {
        let real = try FixtureCSV.table("sdmetrics/mixed200.real.csv")
        let synthetic = try FixtureCSV.table("sdmetrics/mixed200.synthetic.csv")
        let full = try SDMetricsQualityReport().evaluate(real: real, synthetic: synthetic)
        let limited = SDMetricsQualityReport(contingencyRowLimit: 120, seed: Seed(3))
        let first = try limited.evaluate(real: real, synthetic: synthetic)
        let second = try limited.evaluate(real: real, synthetic: synthetic)
        #expect(first == second, "same seed, same subsample")
        #expect(first.notes.contains { $0.contains("subsample of 120 rows") })
        #expect(first.columnShapes == full.columnShapes)
        let correlations = { (result: SDMetricsQualityResult) in result.pairs.filter { $0.metric == "CorrelationSimilarity" }.map(\.score) }
        #expect(correlations(first) == correlations(full))
        let contingencies = { (result: SDMetricsQualityResult) in result.pairs.filter { $0.metric == "ContingencySimilarity" }.map(\.realAssociation) }
        #expect(contingencies(first) != contingencies(full))
    }
}
