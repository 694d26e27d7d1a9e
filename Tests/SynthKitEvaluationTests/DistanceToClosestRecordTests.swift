import Foundation
import SynthKitCore
import SynthKitEvaluation
import SynthKitTable
import Testing

@Suite("Distance to closest record and exact copies against sdmetrics 0.32.0")
struct DistanceToClosestRecordTests {
    static let privacyCases = ["golden", "mixed200", "mixed700", "edge", "dates"]

    static func metadata(_ fixture: SDMetricsFixtures.Case) throws -> SDVMetadata? {
        try fixture.metadata.map { file throws(SynthKitError) in
            try SDVMetadata.load(path: FixtureCSV.fixtures.appendingPathComponent("sdmetrics/\(file)").path)
        }
    }

    @Test("per-row DCR agrees to 1e-6", arguments: privacyCases)
    func distances(caseName: String) throws {
        let fixture = try SDMetricsFixtures.named(caseName)
        let real = try FixtureCSV.table("sdmetrics/\(fixture.real)")
        let synthetic = try FixtureCSV.table("sdmetrics/\(fixture.synthetic)")
        let measured = try DistanceToClosestRecord(metadata: try Self.metadata(fixture)).distances(from: synthetic, to: real)
        #expect(measured.count == fixture.dcrSyntheticToReal.count)
        for (row, (actual, expected)) in zip(measured, fixture.dcrSyntheticToReal).enumerated() {
            #expect(abs(actual - expected) <= 1e-6, "row \(row): \(actual) vs \(expected)")
        }
    }

    @Test("the result does not depend on the thread count")
    func threadIndependence() throws {
        let fixture = try SDMetricsFixtures.named("mixed700")
        let real = try FixtureCSV.table("sdmetrics/\(fixture.real)")
        let synthetic = try FixtureCSV.table("sdmetrics/\(fixture.synthetic)")
        let one = try DistanceToClosestRecord(threads: 1).distances(from: synthetic, to: real)
        let two = try DistanceToClosestRecord(threads: 2).distances(from: synthetic, to: real)
        #expect(one == two)
    }

    @Test("DCR overfitting protection of the fixtures with a holdout", arguments: ["golden", "mixed200"])
    func overfitting(caseName: String) throws {
        let fixture = try SDMetricsFixtures.named(caseName)
        let real = try FixtureCSV.table("sdmetrics/\(fixture.real)")
        let synthetic = try FixtureCSV.table("sdmetrics/\(fixture.synthetic)")
        let holdout = try FixtureCSV.table("sdmetrics/\(try #require(fixture.holdout))")
        let expected = try #require(fixture.dcrOverfittingProtection)
        let options = EvaluationOptions(metadata: try Self.metadata(fixture), equalSizeReferences: false)
        let report = try Evaluator.evaluate(real: real, synthetic: synthetic, holdout: holdout, options: options)
        let privacy = try #require(report.privacyFigures)
        #expect(agree(privacy.dcrShare, expected.synthetic_data_percentages.closer_to_training))
        #expect(agree(privacy.dcrOverfittingProtection, expected.score))
        let holdoutDistances = try #require(fixture.dcrSyntheticToHoldout)
        let measured = try DistanceToClosestRecord(metadata: try Self.metadata(fixture)).distances(from: synthetic, to: holdout)
        #expect(zip(measured, holdoutDistances).allSatisfy { abs($0 - $1) <= 1e-6 })
    }

    @Test("golden DCR vector of the reference")
    func goldenReference() throws {
        let fixture = try SDMetricsFixtures.named("golden")
        let real = try FixtureCSV.table("sdmetrics/\(fixture.real)")
        let synthetic = try FixtureCSV.table("sdmetrics/\(fixture.synthetic)")
        let reference = [0.027821, 0.012821, 0.289231, 0.304872, 0.022821, 0.101282, 0.074872, 0.012821, 0.057051, 0.080513]
        let measured = try DistanceToClosestRecord(metadata: try Self.metadata(fixture)).distances(from: synthetic, to: real)
        #expect(zip(measured, reference).allSatisfy { abs($0 - $1) <= 5e-7 })
    }

    /// Naive twin: every pair, no early exit, SDMetrics' formula written out.
    static func naiveDistances(from dataset: Table, to reference: Table) -> [Double] {
        (0..<dataset.rowCount).map { row in
            var best = Double.infinity
            for candidate in 0..<reference.rowCount {
                var sum = 0.0
                for column in reference.columns {
                    guard let other = dataset[column.name] else { continue }
                    if let values = column.numbers, let dataValues = other.numbers {
                        let present = values.filter { !$0.isNaN }
                        let range = (present.max() ?? .nan) - (present.min() ?? .nan)
                        let x = dataValues[row]
                        let y = values[candidate]
                        if x.isNaN || y.isNaN {
                            sum += x.isNaN == y.isNaN ? 0 : 1
                        } else if range == 0 {
                            sum += x == y ? 0 : 1
                        } else {
                            sum += min(abs(x - y) / range, 1)
                        }
                    } else {
                        sum += other.text(at: row) == column.text(at: candidate) ? 0 : 1
                    }
                }
                best = min(best, sum / Double(reference.columns.count))
            }
            return best
        }
    }

    @Test("the blocked kernel equals the naive twin", arguments: [1, 4])
    func naiveTwin(categoricalColumns: Int) throws {
        var stream = Seed(UInt64(11 + categoricalColumns)).stream()
        func table(_ rows: Int) throws -> Table {
            var columns = [
                Column(name: "x", numbers: (0..<rows).map { _ in stream.nextIndex(below: 10) == 0 ? nil : stream.nextUniform() * 50 }),
                Column(name: "y", numbers: (0..<rows).map { _ in Double(stream.nextIndex(below: 5)) }),
            ]
            for index in 0..<categoricalColumns {
                columns.append(Column(name: "k\(index)", strings: (0..<rows).map { _ in ["a", "b", "c", nil][stream.nextIndex(below: 4)] }))
            }
            return try Table(columns: columns)
        }
        let reference = try table(90)
        let dataset = try table(70)
        let fast = try DistanceToClosestRecord().distances(from: dataset, to: reference)
        var scanning = DistanceToClosestRecord()
        scanning.oneMismatchCategoryLimit = 0
        let scanned = try scanning.distances(from: dataset, to: reference)
        let naive = Self.naiveDistances(from: dataset, to: reference)
        #expect(fast.count == naive.count)
        #expect(zip(fast, naive).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(scanned, naive).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("exact copies count rows equal in every column, missing equal to missing")
    func exactCopies() throws {
        let training = try Table(columns: [
            Column(name: "n", numbers: [1, 2, nil, 4]), Column(name: "c", strings: ["a", nil, "b", "c"]),
        ])
        let synthetic = try Table(columns: [
            Column(name: "n", numbers: [1, nil, 2, -0.0, 4]), Column(name: "c", strings: ["a", "b", nil, "a", "d"]),
        ])
        #expect(ExactCopies.count(synthetic: synthetic, training: training) == 3)
    }
}
