import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("Train on synthetic, test on real: one test table, many training tables")
struct TrainSyntheticTestRealTests {
    /// `table` with the values of `name` in reverse row order (the link to the features is broken).
    static func scrambling(_ table: Table, _ name: String) throws -> Table {
        let column = try #require(table[name])
        let reversed = table.gatheringRows(Array((0..<table.rowCount).reversed()))
        let moved = try #require(reversed[name])
        return table.replacing(Column(name: column.name, values: moved.values))
    }

    @Test("a classification target: informative training rows score well above chance, scrambled ones near it")
    func classification() throws {
        let train = try Population.table(count: 600, seed: 11)
        let test = try Population.table(count: 400, seed: 12)
        let probe = try TrainSyntheticTestReal(train: train, test: test, target: "outcome", metadata: .inferred(from: train))
        #expect(probe.metricName == "AUC" && probe.testRows == 400)
        let informative = try #require(probe.score(trainingOn: train, seed: Seed(1)))
        let scrambled = try #require(probe.score(trainingOn: try Self.scrambling(train, "outcome"), seed: Seed(1)))
        #expect(informative > 0.75, "AUC \(informative)")
        #expect(abs(scrambled - 0.5) < 0.12, "AUC \(scrambled)")
        #expect(probe.score(trainingOn: train.gatheringRows([0]), seed: Seed(1)) == nil)
    }

    @Test("a numerical target is scored by R², and a bad target is a located error")
    func regressionAndErrors() throws {
        let train = try Population.table(count: 600, seed: 13)
        let test = try Population.table(count: 300, seed: 14)
        let probe = try TrainSyntheticTestReal(train: train, test: test, target: "age", metadata: .inferred(from: train))
        #expect(probe.task == .regression && probe.metricName == "R²")
        let r2 = try #require(probe.score(trainingOn: train, seed: Seed(1)))
        #expect(r2 > 0.5, "R² \(r2)")
        #expect(throws: SynthKitError.self) {
            try TrainSyntheticTestReal(train: train, test: test, target: "missing", metadata: .inferred(from: train))
        }
    }
}
