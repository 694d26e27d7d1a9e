import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("Learners: logistic regression and gradient-boosted trees")
struct LearnerTests {
    static func split() throws -> (train: Table, test: Table, roles: ColumnRoles) {
        let train = try Population.table(count: 1500, seed: 71)
        let test = try Population.table(count: 800, seed: 72)
        return (train, test, ColumnRoles(table: train, metadata: SDVMetadata.inferred(from: train)))
    }

    static func labels(_ table: Table) -> [Bool] {
        let column = table["outcome"]
        return (0..<table.rowCount).map { column?.text(at: $0) == "high" }
    }

    @Test("logistic regression reaches the AUC of the generating logit model on fresh rows")
    func logistic() throws {
        let (train, test, roles) = try Self.split()
        let encoder = RowEncoder(fitting: train, roles: roles, excluding: ["outcome"])
        let model = LogisticRegression().fit(encoder.encode(train), labels: Self.labels(train))
        let auc = try #require(ReceiverOperatingCurve.area(scores: model.probabilities(encoder.encode(test)), labels: Self.labels(test)))
        #expect(auc > 0.8, "AUC \(auc)")
    }

    @Test("the Newton step solves the penalised normal equations: gradient ≈ 0 at the optimum")
    func logisticOptimality() {
        var stream = Seed(9).stream()
        let count = 300
        let values = (0..<count * 2).map { _ in stream.nextNormal() }
        let rows = EncodedRows(rowCount: count, width: 2, values: values)
        let labels = (0..<count).map { values[$0 * 2] + 0.5 * values[$0 * 2 + 1] + 0.3 * stream.nextNormal() > 0 }
        let model = LogisticRegression().fit(rows, labels: labels)
        let probabilities = model.probabilities(rows)
        for feature in 0..<3 {
            var gradient = feature < 2 ? model.coefficients[feature] : 0
            for row in 0..<count {
                let x = feature < 2 ? values[row * 2 + feature] : 1
                gradient += (probabilities[row] - (labels[row] ? 1 : 0)) * x
            }
            #expect(abs(gradient) < 1e-6, "gradient \(feature) = \(gradient)")
        }
    }

    @Test("gradient-boosted trees learn a categorical interaction a linear model cannot, and handle missing values")
    func boostedTrees() throws {
        var stream = Seed(13).stream()
        var letters: [String?] = [], numbers: [Double?] = [], outcome: [String?] = []
        for _ in 0..<2000 {
            let letter = ["a", "b", "c", "d"][stream.nextIndex(below: 4)]
            let number: Double? = stream.nextUniform() < 0.1 ? nil : stream.nextUniform()
            let positive = (letter == "a" || letter == "d") != ((number ?? 2) > 0.5)
            letters.append(letter); numbers.append(number); outcome.append(positive ? "yes" : "no")
        }
        let table = try Table(columns: [Column(name: "letter", strings: letters), Column(name: "number", numbers: numbers), Column(name: "outcome", strings: outcome)])
        let roles = ColumnRoles(table: table, metadata: SDVMetadata.inferred(from: table))
        let train = table.gatheringRows(Array(0..<1500))
        let test = table.gatheringRows(Array(1500..<2000))
        let labels: (Table) -> [Bool] = { t in (0..<t.rowCount).map { t["outcome"]?.text(at: $0) == "yes" } }
        let mapper = BinnedFeatures.Mapper(fitting: train, roles: roles, excluding: ["outcome"])
        let model = GradientBoostedTrees().fit(mapper.transform(train), labels: labels(train), seed: Seed(1))
        let auc = try #require(ReceiverOperatingCurve.area(scores: model.probabilities(mapper.transform(test)), labels: labels(test)))
        #expect(auc > 0.97, "GBDT AUC \(auc)")
        let encoder = RowEncoder(fitting: train, roles: roles, excluding: ["outcome"])
        let linear = LogisticRegression().fit(encoder.encode(train), labels: labels(train))
        let linearAUC = try #require(ReceiverOperatingCurve.area(scores: linear.probabilities(encoder.encode(test)), labels: labels(test)))
        #expect(linearAUC < auc - 0.1, "logistic \(linearAUC) vs trees \(auc)")
        #expect(model.trees.count == 100, "no early stopping at 1,500 rows")
    }

    @Test("numeric binning: one bin per distinct value up to 255, missing in bin 255")
    func binning() throws {
        let table = try Table(columns: [Column(name: "x", numbers: [1, 2, 2, 3, nil])])
        let roles = ColumnRoles(table: table, metadata: SDVMetadata.inferred(from: table))
        let binned = BinnedFeatures.Mapper(fitting: table, roles: roles, excluding: []).transform(table)
        #expect(binned.bins[0] == [0, 1, 1, 2, 255])
    }
}

@Suite("Detectability")
struct DetectabilityTests {
    @Test("a shifted synthetic table is detected; an independent sample is not")
    func detection() throws {
        let real = try Population.table(count: 400, seed: 81)
        let same = try Population.table(count: 400, seed: 82)
        let incomes = (same["income"]?.numbers ?? []).map { $0.isNaN ? nil : $0 + 15 } as [Double?]
        let shifted = same.replacing(Column(name: "income", numbers: incomes))
        let roles = ColumnRoles(table: real, metadata: SDVMetadata.inferred(from: real))
        let evaluation = DetectabilityEvaluation(roles: roles, threads: 1)
        let caught = evaluation.evaluate(real: real, synthetic: shifted, seed: Seed(1))
        let passed = evaluation.evaluate(real: real, synthetic: same, seed: Seed(1))
        let caughtScore = try #require(caught.score)
        let passedScore = try #require(passed.score)
        #expect(caughtScore < 0.5, "shifted detection score \(caughtScore)")
        #expect(passedScore > 0.8, "independent detection score \(passedScore)")
        let pValue = try #require(caught.metric("classifier-two-sample-accuracy")?.breakdown["pValue"])
        #expect(pValue < 0.01)
    }
}
