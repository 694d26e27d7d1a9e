import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("Utility: multi-class classification and regression")
struct UtilityEvaluationTests {
    /// Rows with two numbers, a category, a three-class label driven by the numbers and the
    /// category, and a numeric response that is non-linear in the first number.
    static func table(count: Int, seed: UInt64) throws -> Table {
        var stream = Seed(seed).stream()
        var first: [Double?] = [], second: [Double?] = [], colour: [String?] = [], label: [String?] = [], response: [Double?] = []
        for _ in 0..<count {
            let x = stream.nextNormal(), y = stream.nextNormal()
            let shade = ["red", "green", "blue"][stream.nextIndex(below: 3)]
            let scores = [x + 0.3 * stream.nextNormal(), y + 0.3 * stream.nextNormal(), (shade == "blue" ? 1.5 : -1) + 0.3 * stream.nextNormal()]
            let best = scores.indices.max { scores[$0] < scores[$1] } ?? 0
            first.append(x); second.append(y); colour.append(shade)
            label.append(["north", "south", "west"][best])
            response.append(x * x + 0.5 * y + 0.2 * stream.nextNormal())
        }
        return try Table(columns: [
            Column(name: "first", numbers: first), Column(name: "second", numbers: second), Column(name: "colour", strings: colour),
            Column(name: "label", strings: label), Column(name: "response", numbers: response),
        ])
    }

    static func evaluate(target: String) throws -> FamilyReport {
        let real = try table(count: 400, seed: 1)
        let synthetic = try table(count: 400, seed: 2)
        let holdout = try table(count: 300, seed: 3)
        let roles = ColumnRoles(table: real, metadata: SDVMetadata.inferred(from: real))
        return try UtilityEvaluation(roles: roles, target: target, threads: 1).evaluate(real: real, synthetic: synthetic, holdout: holdout, seed: Seed(5))
    }

    @Test("macro AUC, macro F1 and accuracy agree with scikit-learn 1.9.1 on a small case")
    func multiclassScores() {
        let probabilities: [[Double]] = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.2, 0.7], [0.3, 0.4, 0.3], [0.5, 0.4, 0.1], [0.4, 0.4, 0.2], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1]]
        let scores = MulticlassScores(probabilities: probabilities, labels: [0, 1, 2, 2, 1, 0, 2, 1], classCount: 3)
        // roc_auc_score(multi_class="ovr", average="macro"), f1_score(average="macro"), accuracy_score.
        #expect(abs((scores.macroAUC ?? 0) - 0.938888888888889) < 1e-12)
        #expect(abs(scores.macroF1 - 0.7555555555555555) < 1e-12)
        #expect(scores.accuracy == 0.75)
    }

    @Test("three classes: every learner reports macro AUC, macro F1 and accuracy; independent data keeps utility")
    func multiclassFamily() throws {
        let family = try Self.evaluate(target: "label")
        for learner in ["gbdt", "logistic"] {
            for key in ["macro-auc", "macro-f1", "accuracy"] {
                let metric = try #require(family.metric("tstr-\(key)-\(learner)"), "tstr-\(key)-\(learner)")
                #expect(metric.score != nil && metric.holdoutReference != nil)
            }
        }
        let auc = try #require(family.metric("tstr-macro-auc-gbdt")?.holdoutReference)
        #expect(auc > 0.85, "TRTR macro AUC \(auc)")
        let score = try #require(family.score)
        #expect(score > 0.9, "TSTR/TRTR \(score)")
        #expect(family.notes.first?.contains("3 classes") == true)
    }

    @Test("multinomial trees separate classes and their probabilities sum to 1")
    func multinomialTrees() throws {
        let train = try Self.table(count: 500, seed: 7)
        let roles = ColumnRoles(table: train, metadata: SDVMetadata.inferred(from: train))
        let mapper = BinnedFeatures.Mapper(fitting: train, roles: roles, excluding: ["label", "response"])
        let names = ["north", "south", "west"]
        let labels = (0..<train.rowCount).map { names.firstIndex(of: train["label"]?.text(at: $0) ?? "") ?? 0 }
        let model = GradientBoostedTrees(iterations: 30).fit(mapper.transform(train), targets: .classes(labels, classCount: 3), seed: Seed(1))
        #expect(model.trees.count == 30 && model.trees.allSatisfy { $0.count == 3 })
        let probabilities = model.classProbabilities(mapper.transform(train))
        #expect(probabilities.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-9 })
        let scores = MulticlassScores(probabilities: probabilities, labels: labels, classCount: 3)
        #expect(scores.accuracy > 0.85, "training accuracy \(scores.accuracy)")
    }

    @Test("regression: trees fit a non-linear response a linear model misses; the score uses the trees")
    func regressionFamily() throws {
        let family = try Self.evaluate(target: "response")
        let treesR2 = try #require(family.metric("tstr-r2-gbdt")?.holdoutReference)
        let linearR2 = try #require(family.metric("tstr-r2")?.holdoutReference)
        #expect(treesR2 > 0.8, "trees R² \(treesR2)")
        #expect(linearR2 < treesR2 - 0.3, "linear R² \(linearR2)")
        #expect(family.metric("tstr-mae-gbdt")?.score != nil && family.metric("tstr-mae")?.score != nil)
        #expect((family.score ?? 0) > 0.85)
    }
}
