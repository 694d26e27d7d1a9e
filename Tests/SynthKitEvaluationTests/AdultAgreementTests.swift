import Foundation
import SynthKitCore
import SynthKitEvaluation
import SynthKitTable
import Testing

/// Adult-size agreement with sdmetrics and timings; slow in debug, so opt-in:
/// `~/.cache/synthkit-sdm-venv/bin/python Scripts/sdmetrics_adult_agreement.py` then
/// `SYNTHKIT_SLOW_TESTS=1 swift test -c release --filter AdultAgreementTests`.
@Suite(
    "Adult-size agreement with sdmetrics 0.32.0",
    .serialized, .enabled(if: ProcessInfo.processInfo.environment["SYNTHKIT_SLOW_TESTS"] == "1"))
struct AdultAgreementTests {
    struct Expected: Decodable {
        struct Timed: Decodable {
            var overall: Double?
            var columnShapes: Double?
            var columnPairTrends: Double?
            var columns: [String: SDMetricsFixtures.Column]
            var pairs: [SDMetricsFixtures.Pair]
            var medianSeconds: Double
        }

        struct Distances: Decodable {
            var rows: Int
            var values: [Double]
            var seconds: Double
        }

        var holdoutVsTrain: Timed
        var perturbedVsTrain: Timed
        var independentVsTrain: Timed
        var dcrHoldoutHeadToTrain: Distances
        var dcrIndependentHeadToTrain: Distances
    }

    static var directory: String {
        if let path = ProcessInfo.processInfo.environment["SYNTHKIT_ADULT_DIR"] { return path }
        return FixtureCSV.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build-evaluation/adult-agreement").path
    }

    static func expected() throws -> Expected {
        let url = FixtureCSV.fixtures.appendingPathComponent("adult/sdmetrics_adult.json")
        return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test("quality report agrees to 1e-3 and is timed against sdmetrics", arguments: ["holdout", "perturbed", "independent"])
    func agreement(synthetic name: String) throws {
        let train = try FixtureCSV.table(at: Self.directory + "/train.csv")
        let synthetic = try FixtureCSV.table(at: Self.directory + "/\(name).csv")
        let all = try Self.expected()
        let expected = switch name {
        case "holdout": all.holdoutVsTrain
        case "perturbed": all.perturbedVsTrain
        default: all.independentVsTrain
        }
        var result = try SDMetricsQualityReport().evaluate(real: train, synthetic: synthetic)
        var timings: [Double] = []
        for _ in 0..<5 {
            timings.append(try Self.seconds { result = try SDMetricsQualityReport().evaluate(real: train, synthetic: synthetic) })
        }
        let median = timings.sorted()[2]
        var largestColumn = 0.0
        for (column, entry) in expected.columns {
            largestColumn = max(largestColumn, abs((result.columns[column]?.score ?? .nan) - (entry.score ?? .nan)))
        }
        var largestPair = 0.0
        for (actual, entry) in zip(result.pairs, expected.pairs) where entry.score != nil || actual.score != nil {
            largestPair = max(largestPair, abs((actual.score ?? .nan) - (entry.score ?? .nan)))
        }
        let overallDifference = abs((result.overall ?? .nan) - (expected.overall ?? .nan))
        print("""
            adult \(name) vs train: overall \(result.overall ?? .nan) (sdmetrics \(expected.overall ?? .nan), |diff| \(overallDifference)), \
            shapes |diff| \(abs((result.columnShapes ?? .nan) - (expected.columnShapes ?? .nan))), \
            trends |diff| \(abs((result.columnPairTrends ?? .nan) - (expected.columnPairTrends ?? .nan))), \
            max column |diff| \(largestColumn), max pair |diff| \(largestPair); \
            SynthKit \(median)s median of 5 vs sdmetrics \(expected.medianSeconds)s: \(expected.medianSeconds / median)x
            """)
        #expect(overallDifference <= 1e-3)
        #expect(agree(result.columnShapes, expected.columnShapes, tolerance: 1e-3))
        #expect(agree(result.columnPairTrends, expected.columnPairTrends, tolerance: 1e-3))
        #expect(largestColumn <= 1e-3 && largestPair <= 1e-3)
        #expect(result.pairs.map(\.meetsThreshold) == expected.pairs.map(\.meetsThreshold))
    }

    @Test("DCR agrees with sdmetrics on Adult rows and is timed")
    func distances() throws {
        let train = try FixtureCSV.table(at: Self.directory + "/train.csv")
        let holdout = try FixtureCSV.table(at: Self.directory + "/holdout.csv")
        let perturbed = try FixtureCSV.table(at: Self.directory + "/perturbed.csv")
        let expected = try Self.expected().dcrHoldoutHeadToTrain
        let expectedIndependent = try Self.expected().dcrIndependentHeadToTrain
        var holdoutDistances: [Double] = []
        let holdoutSeconds = try Self.seconds { holdoutDistances = try DistanceToClosestRecord().distances(from: holdout, to: train) }
        let largest = zip(holdoutDistances, expected.values).map { abs($0 - $1) }.max() ?? .nan
        var perturbedDistances: [Double] = []
        let perturbedSeconds = try Self.seconds { perturbedDistances = try DistanceToClosestRecord().distances(from: perturbed, to: train) }
        let independent = try FixtureCSV.table(at: Self.directory + "/independent.csv")
        var independentDistances: [Double] = []
        let independentSeconds = try Self.seconds { independentDistances = try DistanceToClosestRecord().distances(from: independent, to: train) }
        let largestIndependent = zip(independentDistances, expectedIndependent.values).map { abs($0 - $1) }.max() ?? .nan
        let copiesSeconds = Self.seconds { _ = ExactCopies.count(synthetic: perturbed, training: train) }
        print("""
            adult DCR holdout (\(holdout.rowCount)) -> train (\(train.rowCount)): \(holdoutSeconds)s, \
            max |diff| on \(expected.rows) rows vs sdmetrics \(largest) (sdmetrics took \(expected.seconds)s for those \(expected.rows) rows); \
            perturbed (\(perturbed.rowCount)) -> train: \(perturbedSeconds)s; \
            independent (\(independent.rowCount)) -> train: \(independentSeconds)s, \
            max |diff| on \(expectedIndependent.rows) rows vs sdmetrics \(largestIndependent); exact copies \(copiesSeconds)s; \
            threads \(ParallelismDefaults.threadCount)
            """)
        #expect(largest <= 1e-6)
        #expect(largestIndependent <= 1e-6)
        #expect(perturbedDistances.count == perturbed.rowCount)
    }

    @Test("whole evaluation with a holdout, timed; writes report.json and report.html beside the CSVs")
    func wholeEvaluation() throws {
        let train = try FixtureCSV.table(at: Self.directory + "/train.csv")
        let holdout = try FixtureCSV.table(at: Self.directory + "/holdout.csv")
        let synthetic = try FixtureCSV.table(at: Self.directory + "/independent.csv")
        var report: EvaluationReport?
        let seconds = try Self.seconds { report = try Evaluator.evaluate(real: train, synthetic: synthetic, holdout: holdout) }
        let result = try #require(report)
        try JSONCoding.encode(result).write(to: URL(fileURLWithPath: Self.directory + "/report.json"))
        try Data(result.renderHTML(title: "Adult: marginals-only synthetic vs train").utf8)
            .write(to: URL(fileURLWithPath: Self.directory + "/report.html"))
        print("""
            adult Evaluator.evaluate(train \(train.rowCount), independent \(synthetic.rowCount), holdout \(holdout.rowCount)): \
            \(seconds)s; overall \(result.sdmetricsCompatible.overall ?? .nan), holdout ceiling \(result.holdoutReference?.overall ?? .nan), \
            exact copies \(result.privacyFigures?.exactCopies ?? -1), DCR share \(result.privacyFigures?.dcrShare ?? .nan), \
            medians train \(result.privacyFigures?.dcrTrainMedian ?? .nan) holdout \(result.privacyFigures?.dcrHoldoutMedian ?? .nan)
            """)
        #expect(agree(result.holdoutReference?.overall, try Self.expected().holdoutVsTrain.overall, tolerance: 1e-9))
    }
}
