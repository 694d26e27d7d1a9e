import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("Classifier two-sample test with gradient-boosted trees")
struct ClassifierTwoSampleTestTests {
    static func roles(_ table: Table) -> ColumnRoles { ColumnRoles(table: table, metadata: SDVMetadata.inferred(from: table)) }

    @Test("two samples of one population: AUC inside the Mann–Whitney null band, p-value not small")
    func samePopulation() throws {
        let real = try Population.table(count: 600, seed: 101)
        let synthetic = try Population.table(count: 600, seed: 102)
        let test = try #require(ClassifierTwoSampleTest.run(real: real, synthetic: synthetic, roles: Self.roles(real), seed: Seed(4)))
        let band = 3 * ReceiverOperatingCurve.nullStandardDeviation(positives: 300, negatives: 300)
        #expect(test.testRowsPerTable == 300)
        #expect(abs(test.auc - 0.5) < band, "AUC \(test.auc) outside 0.5 ± \(band)")
        #expect(test.aucPValue > 0.01 && test.accuracyPValue > 0.001, "p-values \(test.aucPValue), \(test.accuracyPValue)")
    }

    @Test("a broken correlation with unchanged margins is detected with a tiny p-value")
    func correlationBroken() throws {
        let real = try Population.table(count: 600, seed: 111)
        let other = try Population.table(count: 600, seed: 112)
        // Income shuffled across rows: every margin is kept, the age–income dependence is gone.
        let income = try #require(other["income"]?.numbers)
        let order = SeededPermutation.of(count: other.rowCount, seed: Seed(9))
        let shuffled: [Double?] = order.map { income[$0].isNaN ? nil : income[$0] }
        let synthetic = other.replacing(Column(name: "income", numbers: shuffled))
        let test = try #require(ClassifierTwoSampleTest.run(real: real, synthetic: synthetic, roles: Self.roles(real), seed: Seed(4)))
        #expect(test.auc > 0.7, "AUC \(test.auc)")
        #expect(test.aucPValue < 1e-6, "p \(test.aucPValue)")
    }

    @Test("the detectability family reports the GBDT test beside the logistic one, and tiny tables give nil")
    func familyEntry() throws {
        let real = try Population.table(count: 300, seed: 121)
        let synthetic = try Population.table(count: 300, seed: 122)
        let family = DetectabilityEvaluation(roles: Self.roles(real), threads: 1).evaluate(real: real, synthetic: synthetic, seed: Seed(1))
        let entry = try #require(family.metric("classifier-two-sample-auc-gbdt"))
        #expect(entry.score != nil && entry.breakdown["pValue"] != nil)
        #expect(family.metric("classifier-two-sample-accuracy") != nil)
        let tiny = real.gatheringRows([0, 1, 2])
        #expect(ClassifierTwoSampleTest.run(real: tiny, synthetic: tiny, roles: Self.roles(real), seed: Seed(1)) == nil)
    }
}
