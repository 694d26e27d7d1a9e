import Foundation
import SynthKitCore
import SynthKitEvaluation
import SynthKitTable
import Testing

@Suite("Standalone fidelity metrics against sdmetrics 0.32.0")
struct FidelityMetricTests {
    static func tables(_ fixture: SDMetricsFixtures.Case) throws -> (Table, Table, SDVMetadata) {
        let real = try FixtureCSV.table("sdmetrics/\(fixture.real)")
        let synthetic = try FixtureCSV.table("sdmetrics/\(fixture.synthetic)")
        let metadata = try fixture.metadata.map { file throws(SynthKitError) in
            try SDVMetadata.load(path: FixtureCSV.fixtures.appendingPathComponent("sdmetrics/\(file)").path)
        } ?? SDVMetadata.inferred(from: real)
        return (real, synthetic, metadata)
    }

    static func columnMetric(named name: String) -> (any ColumnMetric)? {
        switch name {
        case "KSComplement": KSComplement()
        case "TVComplement": TVComplement()
        case "MissingValueSimilarity": MissingValueSimilarity()
        case "RangeCoverage": RangeCoverage()
        case "CategoryCoverage": CategoryCoverage()
        case "BoundaryAdherence": BoundaryAdherence()
        case "CategoryAdherence": CategoryAdherence()
        default: nil
        }
    }

    @Test("single-column metrics agree to 1e-6", arguments: SDMetricsFixtures.caseNames)
    func singleColumn(caseName: String) throws {
        let fixture = try SDMetricsFixtures.named(caseName)
        let (real, synthetic, _) = try Self.tables(fixture)
        var compared = 0
        for (column, metrics) in fixture.standalone.columns {
            guard let realColumn = real[column], let syntheticColumn = synthetic[column] else {
                Issue.record("column \(column) missing")
                continue
            }
            for (metricName, expected) in metrics {
                guard let metric = Self.columnMetric(named: metricName) else { continue }
                let actual = try metric.score(real: realColumn, synthetic: syntheticColumn)
                #expect(agree(actual, expected), "\(metricName)(\(column)): \(String(describing: actual)) vs \(String(describing: expected))")
                compared += 1
            }
        }
        #expect(compared > 0)
    }

    @Test("pair metrics agree to 1e-6", arguments: SDMetricsFixtures.caseNames)
    func pairs(caseName: String) throws {
        let fixture = try SDMetricsFixtures.named(caseName)
        let (real, synthetic, metadata) = try Self.tables(fixture)
        for expected in fixture.standalone.pairs {
            let names = expected.columns
            guard let realFirst = real[names[0]], let realSecond = real[names[1]],
                  let syntheticFirst = synthetic[names[0]], let syntheticSecond = synthetic[names[1]] else {
                Issue.record("pair \(names) missing")
                continue
            }
            let continuous = Set(names.filter { metadata.columns[$0]?.sdtype == "numerical" })
            let realPair = (realFirst, realSecond)
            let syntheticPair = (syntheticFirst, syntheticSecond)
            let binned = try ContingencySimilarity(continuousColumns: continuous).score(real: realPair, synthetic: syntheticPair)
            #expect(agree(binned, expected.contingencyRealEdges), "\(names) real-edge contingency \(String(describing: binned)) vs \(String(describing: expected.contingencyRealEdges))")
            let byValue = try ContingencySimilarity().score(real: realPair, synthetic: syntheticPair)
            #expect(agree(byValue, expected.contingencyByValue), "\(names) by-value contingency")
            let thresholded = try ContingencySimilarity(continuousColumns: continuous, realAssociationThreshold: 0.3)
                .score(real: realPair, synthetic: syntheticPair)
            #expect(agree(thresholded, expected.contingencyRealEdgesThreshold), "\(names) thresholded contingency")
            if continuous.count == 2 {
                let correlation = try CorrelationSimilarity().score(real: realPair, synthetic: syntheticPair)
                #expect(agree(correlation, expected.correlation), "\(names) correlation \(String(describing: correlation)) vs \(String(describing: expected.correlation))")
            }
        }
    }

    @Test("golden standalone values of the reference")
    func goldenReference() throws {
        let fixture = try SDMetricsFixtures.named("golden")
        let (real, synthetic, _) = try Self.tables(fixture)
        let input = MetricInput(real: real, synthetic: synthetic)
        let correlation = try CorrelationSimilarity().evaluate(input)
        #expect(agree(correlation.breakdown["age|income"], 0.9553389366676919, tolerance: 1e-12))
        let ks = try KSComplement().evaluate(input)
        #expect(agree(ks.breakdown["age"], 0.9, tolerance: 1e-12) && agree(ks.breakdown["income"], 0.9, tolerance: 1e-12))
        let cityMember = try ContingencySimilarity().score(
            real: (try #require(real["city"]), try #require(real["member"])),
            synthetic: (try #require(synthetic["city"]), try #require(synthetic["member"])))
        #expect(agree(cityMember, 0.7, tolerance: 1e-12))
        let ageCity = try ContingencySimilarity(continuousColumns: ["age"]).score(
            real: (try #require(real["age"]), try #require(real["city"])),
            synthetic: (try #require(synthetic["age"]), try #require(synthetic["city"])))
        #expect(agree(ageCity, 0.5, tolerance: 1e-12))
    }

    @Test("a metric that cannot be computed gives nil with a note, never NaN")
    func notComputable() throws {
        let real = try Table(columns: [Column(name: "x", numbers: [nil, nil]), Column(name: "c", strings: ["a", "b"])])
        let synthetic = try Table(columns: [Column(name: "x", numbers: [1, 2]), Column(name: "c", strings: [nil, nil])])
        let input = MetricInput(real: real, synthetic: synthetic)
        let ks = try KSComplement().evaluate(input)
        #expect(ks.score == nil)
        #expect(ks.notes.contains { $0.contains("'x'") })
        let tv = try TVComplement().evaluate(input)
        #expect(tv.score == nil)
        #expect(tv.notes.contains { $0.contains("'c'") })
    }
}
