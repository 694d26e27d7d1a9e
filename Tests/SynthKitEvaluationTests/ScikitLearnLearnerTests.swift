import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

/// The learners against scikit-learn 1.9.1 on a fixed 700/300 split of the German credit table
/// (`Fixtures/learners`, written by `Scripts/learner_fixtures.py`): every model is fitted on the
/// train rows and scored on the test rows, with encodings learned on the train rows.
@Suite("Learners agree with scikit-learn on German credit")
struct ScikitLearnLearnerTests {
    /// `Fixtures/learners/expected.json`.
    struct Expected: Decodable {
        struct Binary: Decodable {
            var target: String
            var positive: String
            var logisticProbabilities: [Double]
            var logisticAUC: Double
            var logisticAccuracy: Double
            var gbdtAUC: Double
            var gbdtAccuracy: Double
        }
        struct Regression: Decodable {
            var target: String
            var ridgeR2: Double
            var ridgeMAE: Double
            var gbdtR2: Double
            var gbdtMAE: Double
        }
        struct Multiclass: Decodable {
            var target: String
            var classes: [String]
            var logisticMacroAUC: Double
            var logisticAccuracy: Double
            var gbdtMacroAUC: Double
            var gbdtAccuracy: Double
        }
        var binary: Binary
        var regression: Regression
        var multiclass: Multiclass
    }

    /// The fixture: train rows, test rows, roles and expected figures.
    struct Fixture {
        var train: Table
        var test: Table
        var roles: ColumnRoles
        var expected: Expected

        static func load() throws -> Fixture {
            let train = try FixtureCSV.table("learners/german.train.csv")
            let test = try FixtureCSV.table("learners/german.test.csv")
            let data = try Data(contentsOf: FixtureCSV.fixtures.appendingPathComponent("learners/expected.json"))
            let expected = try JSONDecoder().decode(Expected.self, from: data)
            return Fixture(train: train, test: test, roles: ColumnRoles(table: train, metadata: SDVMetadata.inferred(from: train)), expected: expected)
        }

        func labels(_ table: Table, _ target: String, positive: String) -> [Bool] {
            let column = table[target]
            return (0..<table.rowCount).map { column?.text(at: $0) == positive }
        }

        func values(_ table: Table, _ target: String) throws -> [Double] {
            try #require(table[target].flatMap { roles.numbers(of: $0) })
        }
    }

    static func accuracy(_ probabilities: [Double], _ labels: [Bool]) -> Double {
        Double(zip(probabilities, labels).filter { ($0.0 > 0.5) == $0.1 }.count) / Double(labels.count)
    }

    static func coefficientOfDetermination(_ predictions: [Double], _ truth: [Double]) -> Double {
        let mean = truth.reduce(0, +) / Double(truth.count)
        let residual = zip(predictions, truth).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = truth.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
        return 1 - residual / total
    }

    static func meanAbsoluteError(_ predictions: [Double], _ truth: [Double]) -> Double {
        zip(predictions, truth).reduce(0.0) { $0 + abs($1.0 - $1.1) } / Double(truth.count)
    }

    @Test("logistic regression (C = 1) matches LogisticRegression's test probabilities within 1e-4")
    func logistic() throws {
        let fixture = try Fixture.load()
        let expected = fixture.expected.binary
        let encoder = RowEncoder(fitting: fixture.train, roles: fixture.roles, excluding: [expected.target])
        let model = LogisticRegression().fit(
            encoder.encode(fixture.train), labels: fixture.labels(fixture.train, expected.target, positive: expected.positive))
        let probabilities = model.probabilities(encoder.encode(fixture.test))
        try #require(probabilities.count == expected.logisticProbabilities.count)
        let largest = zip(probabilities, expected.logisticProbabilities).map { abs($0 - $1) }.max() ?? .infinity
        #expect(largest < 1e-4, "largest probability difference \(largest)")
        let labels = fixture.labels(fixture.test, expected.target, positive: expected.positive)
        let auc = try #require(ReceiverOperatingCurve.area(scores: probabilities, labels: labels))
        #expect(abs(auc - expected.logisticAUC) < 1e-6, "AUC \(auc) vs scikit-learn \(expected.logisticAUC)")
        #expect(Self.accuracy(probabilities, labels) == expected.logisticAccuracy)
    }

    @Test("gradient-boosted trees match HistGradientBoostingClassifier's test AUC within 0.01")
    func boostedBinary() throws {
        let fixture = try Fixture.load()
        let expected = fixture.expected.binary
        let mapper = BinnedFeatures.Mapper(fitting: fixture.train, roles: fixture.roles, excluding: [expected.target])
        let model = GradientBoostedTrees().fit(
            mapper.transform(fixture.train), labels: fixture.labels(fixture.train, expected.target, positive: expected.positive), seed: Seed(1))
        let probabilities = model.probabilities(mapper.transform(fixture.test))
        let labels = fixture.labels(fixture.test, expected.target, positive: expected.positive)
        let auc = try #require(ReceiverOperatingCurve.area(scores: probabilities, labels: labels))
        #expect(abs(auc - expected.gbdtAUC) < 0.01, "AUC \(auc) vs scikit-learn \(expected.gbdtAUC)")
        let accuracy = Self.accuracy(probabilities, labels)
        #expect(abs(accuracy - expected.gbdtAccuracy) < 0.02, "accuracy \(accuracy) vs scikit-learn \(expected.gbdtAccuracy)")
    }

    @Test("ridge (alpha = 1) and boosted regression trees match Ridge / HistGradientBoostingRegressor R² and MAE")
    func regression() throws {
        let fixture = try Fixture.load()
        let expected = fixture.expected.regression
        let trainValues = try fixture.values(fixture.train, expected.target)
        let testValues = try fixture.values(fixture.test, expected.target)
        let encoder = RowEncoder(fitting: fixture.train, roles: fixture.roles, excluding: [expected.target])
        let ridge = try #require(RidgeRegression().fit(encoder.encode(fixture.train), targets: trainValues))
        let ridgePredictions = ridge.predict(encoder.encode(fixture.test))
        let ridgeR2 = Self.coefficientOfDetermination(ridgePredictions, testValues)
        #expect(abs(ridgeR2 - expected.ridgeR2) < 1e-6, "ridge R² \(ridgeR2) vs scikit-learn \(expected.ridgeR2)")
        let ridgeMAE = Self.meanAbsoluteError(ridgePredictions, testValues)
        #expect(abs(ridgeMAE - expected.ridgeMAE) < 1e-3, "ridge MAE \(ridgeMAE) vs scikit-learn \(expected.ridgeMAE)")
        let mapper = BinnedFeatures.Mapper(fitting: fixture.train, roles: fixture.roles, excluding: [expected.target])
        let boosted = GradientBoostedTrees().fit(mapper.transform(fixture.train), targets: .regression(trainValues), seed: Seed(1))
        let boostedPredictions = boosted.predictions(mapper.transform(fixture.test))
        let boostedR2 = Self.coefficientOfDetermination(boostedPredictions, testValues)
        #expect(abs(boostedR2 - expected.gbdtR2) < 0.02, "GBDT R² \(boostedR2) vs scikit-learn \(expected.gbdtR2)")
        let boostedMAE = Self.meanAbsoluteError(boostedPredictions, testValues)
        #expect(abs(boostedMAE - expected.gbdtMAE) / expected.gbdtMAE < 0.03, "GBDT MAE \(boostedMAE) vs scikit-learn \(expected.gbdtMAE)")
    }

    @Test("three classes: one-vs-rest logistic and multinomial boosted trees match scikit-learn's macro AUC and accuracy")
    func multiclass() throws {
        let fixture = try Fixture.load()
        let expected = fixture.expected.multiclass
        let index = Dictionary(uniqueKeysWithValues: expected.classes.enumerated().map { ($0.element, $0.offset) })
        func labels(_ table: Table) throws -> [Int] {
            let column = try #require(table[expected.target])
            return try (0..<table.rowCount).map { try #require(column.text(at: $0).flatMap { index[$0] }) }
        }
        let trainLabels = try labels(fixture.train)
        let testLabels = try labels(fixture.test)
        let encoder = RowEncoder(fitting: fixture.train, roles: fixture.roles, excluding: [expected.target])
        let trainEncoded = encoder.encode(fixture.train)
        let testEncoded = encoder.encode(fixture.test)
        let columns = expected.classes.indices.map { category in
            LogisticRegression().fit(trainEncoded, labels: trainLabels.map { $0 == category }).probabilities(testEncoded)
        }
        let logistic = MulticlassScores(
            probabilities: testLabels.indices.map { row in
                let values = columns.map { $0[row] }
                let total = values.reduce(0, +)
                return values.map { $0 / total }
            },
            labels: testLabels, classCount: expected.classes.count)
        let logisticAUC = try #require(logistic.macroAUC)
        #expect(abs(logisticAUC - expected.logisticMacroAUC) < 1e-4, "logistic macro AUC \(logisticAUC) vs scikit-learn \(expected.logisticMacroAUC)")
        #expect(abs(logistic.accuracy - expected.logisticAccuracy) < 1e-9, "logistic accuracy \(logistic.accuracy) vs \(expected.logisticAccuracy)")
        let mapper = BinnedFeatures.Mapper(fitting: fixture.train, roles: fixture.roles, excluding: [expected.target])
        let boosted = GradientBoostedTrees().fit(
            mapper.transform(fixture.train), targets: .classes(trainLabels, classCount: expected.classes.count), seed: Seed(1))
        let scores = MulticlassScores(
            probabilities: boosted.classProbabilities(mapper.transform(fixture.test)), labels: testLabels, classCount: expected.classes.count)
        let boostedAUC = try #require(scores.macroAUC)
        #expect(abs(boostedAUC - expected.gbdtMacroAUC) < 0.01, "GBDT macro AUC \(boostedAUC) vs scikit-learn \(expected.gbdtMacroAUC)")
        #expect(abs(scores.accuracy - expected.gbdtAccuracy) < 0.02, "GBDT accuracy \(scores.accuracy) vs scikit-learn \(expected.gbdtAccuracy)")
    }
}
