import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("DOMIAS density-ratio membership inference")
struct DensityRatioMembershipInferenceTests {
    static func gaussianRows(_ count: Int, seed: UInt64, width: Int = 2) -> EncodedRows {
        var stream = Seed(seed).stream()
        return EncodedRows(rowCount: count, width: width, values: (0..<count * width).map { _ in stream.nextNormal() })
    }

    @Test("the kernel density matches the closed form of a single Gaussian kernel")
    func kernelDensity() {
        let point = EncodedRows(rowCount: 1, width: 2, values: [0, 0])
        let density = GaussianKernelDensity(fitting: point, factor: 1)
        // One point, σ floored at 0.01, factor 1: N(x; 0, 0.01² I).
        let value = density.logDensities(at: EncodedRows(rowCount: 1, width: 2, values: [0.01, 0]), threads: 1)[0]
        let expected = -0.5 - 2 * Foundation.log(0.01) - Foundation.log(2 * Double.pi)
        #expect(abs(value - expected) < 1e-9, "\(value) vs \(expected)")
    }

    @Test("oracles: a KDE generator attacked with its bandwidth loses membership as the bandwidth grows")
    func bandwidthOracle() throws {
        let members = Self.gaussianRows(200, seed: 1)
        let nonMembers = Self.gaussianRows(200, seed: 2)
        let reference = Self.gaussianRows(1000, seed: 3)
        var aucs: [Double] = []
        for noise in [0.02, 0.3, 3.0] {
            var stream = Seed(4).stream()
            var values: [Double] = []
            for _ in 0..<5 { values += members.values.map { $0 + noise * stream.nextNormal() } }
            let synthetic = EncodedRows(rowCount: 1000, width: 2, values: values)
            let attack = try #require(DensityRatioMembershipInference.attack(
                members: members, nonMembers: nonMembers, synthetic: synthetic, reference: reference, threads: 2, generatorBandwidthFactor: noise))
            aucs.append(attack.auc)
        }
        #expect(aucs[0] > 0.95, "AUCs \(aucs)")
        #expect(aucs[0] > aucs[1] && aucs[1] > aucs[2], "AUCs \(aucs) not decreasing")
    }

    @Test("an independent sample of the population gives AUC within the Mann–Whitney null band")
    func independentOracle() throws {
        let attack = try #require(DensityRatioMembershipInference.attack(
            members: Self.gaussianRows(300, seed: 11, width: 3), nonMembers: Self.gaussianRows(300, seed: 12, width: 3),
            synthetic: Self.gaussianRows(1000, seed: 13, width: 3), reference: Self.gaussianRows(1000, seed: 14, width: 3), threads: 2))
        #expect(abs(attack.auc - 0.5) <= attack.nullBand, "AUC \(attack.auc) outside 0.5 ± \(attack.nullBand)")
    }

    @Test("in the report: DOMIAS flags the copy generator above the null band, not an independent sample")
    func familyEntry() throws {
        let real = try Population.table(count: 300, seed: 21)
        let holdout = try Population.table(count: 600, seed: 22)
        let options = EvaluationOptions(seed: Seed(3))
        let copied = try Evaluator.evaluate(real: real, synthetic: real, holdout: holdout, options: options)
        let copyEntry = try #require(copied.privacy?.metric("membership-inference-auc-domias"))
        let copyAUC = try #require(copyEntry.score)
        let copyBand = try #require(copyEntry.breakdown["nullBand"])
        #expect(copyAUC > 0.5 + copyBand, "copy AUC \(copyAUC) inside the null band ± \(copyBand)")
        let independent = try Evaluator.evaluate(real: real, synthetic: try Population.table(count: 300, seed: 23), holdout: holdout, options: options)
        let entry = try #require(independent.privacy?.metric("membership-inference-auc-domias"))
        let auc = try #require(entry.score)
        let band = try #require(entry.breakdown["nullBand"])
        #expect(abs(auc - 0.5) <= band, "independent AUC \(auc) outside 0.5 ± \(band)")
    }
}
