import SynthKitCore
import SynthKitTable

/// The utility family: train on synthetic, test on real (TSTR) against train on real, test on
/// real (TRTR), both tested on the real holdout only (never on rows the generator saw).
///
/// Classification (a categorical target): the positive class is the real target's least
/// frequent class (one vs rest); learners report AUC, F1 and accuracy at threshold ½. Regression
/// (a numeric target): R² and MAE. Classification learners: ``GradientBoostedTrees`` (native
/// categorical splits) and ``LogisticRegression`` on standardised numerics + one-hot categories,
/// both fitted with encodings learned on the real rows; regression: ``RidgeRegression``.
/// Score = min(1, TSTR / TRTR) of the trees' AUC (classification) or R² (regression, floored at 0).
struct UtilityEvaluation: Sendable {
    /// The columns used as features.
    let roles: ColumnRoles
    /// The predicted column; `nil` makes the family not applicable.
    let target: String?
    /// Thread limit (reserved for learners that parallelise).
    let threads: Int?

    /// The family report.
    func evaluate(real: Table, synthetic: Table, holdout: Table?, seed: Seed) throws(SynthKitError) -> FamilyReport {
        guard let target else { return .notApplicable("no target column given (--target)") }
        guard let holdout else { return .notApplicable("no holdout given: utility is tested on real rows the generator never saw (--holdout)") }
        guard let realTarget = real[target], let syntheticTarget = synthetic[target], let holdoutTarget = holdout[target] else {
            return .notApplicable("the target column '\(target)' is missing from a table")
        }
        let encoder = RowEncoder(fitting: real, roles: roles, excluding: [target])
        if let realNumbers = roles.numeric.contains(target) ? roles.numbers(of: realTarget) : nil,
           let syntheticNumbers = roles.numbers(of: syntheticTarget), let holdoutNumbers = roles.numbers(of: holdoutTarget) {
            return regression(
                encoder: encoder, train: [(real, realNumbers), (synthetic, syntheticNumbers)], holdout: (holdout, holdoutNumbers))
        }
        var counts: [String: Int] = [:]
        for row in 0..<realTarget.count { if let text = realTarget.text(at: row) { counts[text, default: 0] += 1 } }
        guard counts.count >= 2, let positive = counts.min(by: { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value })?.key else {
            return .notApplicable("the real target column '\(target)' has fewer than two classes")
        }
        let mapper = BinnedFeatures.Mapper(fitting: real, roles: roles, excluding: [target])
        func labelledRows(_ table: Table, _ column: Column) -> (Table, [Bool]) {
            let rows = (0..<table.rowCount).filter { column.text(at: $0) != nil }
            return (table.gatheringRows(rows), rows.map { column.text(at: $0) == positive })
        }
        let (testTable, testLabels) = labelledRows(holdout, holdoutTarget)
        let testEncoded = encoder.encode(testTable)
        let testBinned = mapper.transform(testTable)
        var results: [String: ClassificationScores] = [:]
        var notes = [
            "classification of '\(target)' = '\(positive)' vs the rest, tested on \(testLabels.count) holdout rows; "
                + "learners: histogram gradient-boosted trees (scikit-learn HistGradientBoostingClassifier defaults) and L2 logistic regression (C = 1)"
        ]
        for (name, table, column) in [("trtr", real, realTarget), ("tstr", synthetic, syntheticTarget)] {
            let (trainTable, trainLabels) = labelledRows(table, column)
            guard trainLabels.contains(true), trainLabels.contains(false) else {
                notes.append("\(name == "tstr" ? "synthetic" : "real") target has a single class: no model trained")
                continue
            }
            let boosted = GradientBoostedTrees().fit(mapper.transform(trainTable), labels: trainLabels, seed: seed.derived("gbdt.\(name)"))
            results["\(name)-gbdt"] = ClassificationScores(probabilities: boosted.probabilities(testBinned), labels: testLabels)
            let logistic = LogisticRegression().fit(encoder.encode(trainTable), labels: trainLabels)
            results["\(name)-logistic"] = ClassificationScores(probabilities: logistic.probabilities(testEncoded), labels: testLabels)
        }
        var metrics: [FamilyMetric] = []
        for (learner, learnerLabel) in [("gbdt", "gradient-boosted trees"), ("logistic", "logistic regression")] {
            for (key, label) in [("auc", "AUC"), ("f1", "F1"), ("accuracy", "accuracy")] {
                metrics.append(FamilyMetric(
                    metric: "tstr-\(key)-\(learner)", label: "\(label), \(learnerLabel): trained on synthetic (TSTR); reference = trained on real (TRTR)",
                    goal: .maximize, score: results["tstr-\(learner)"]?.value(key), holdoutReference: results["trtr-\(learner)"]?.value(key)))
            }
        }
        var score: Double?
        if let tstr = results["tstr-gbdt"]?.auc, let trtr = results["trtr-gbdt"]?.auc, trtr > 0 { score = min(1, tstr / trtr) }
        return FamilyReport(
            score: score, holdoutCeiling: score == nil ? nil : 1, verdict: Verdicts.utility(ratio: score, metricName: "AUC"), notes: notes,
            metrics: metrics)
    }

    /// The regression branch.
    func regression(encoder: RowEncoder, train: [(Table, [Double])], holdout: (Table, [Double])) -> FamilyReport {
        let testRows = (0..<holdout.0.rowCount).filter { !holdout.1[$0].isNaN }
        let testFeatures = encoder.encode(holdout.0.gatheringRows(testRows))
        let truth = testRows.map { holdout.1[$0] }
        var figures: [(r2: Double, mae: Double)?] = []
        for (table, targets) in train {
            let rows = (0..<table.rowCount).filter { !targets[$0].isNaN }
            guard let model = RidgeRegression().fit(encoder.encode(table.gatheringRows(rows)), targets: rows.map { targets[$0] }), !truth.isEmpty else {
                figures.append(nil)
                continue
            }
            let predictions = model.predict(testFeatures)
            let mean = truth.reduce(0, +) / Double(truth.count)
            let residual = zip(truth, predictions).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let total = truth.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let mae = zip(truth, predictions).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(truth.count)
            figures.append((total > 0 ? 1 - residual / total : 0, mae))
        }
        let trtr = figures[0]
        let tstr = figures[1]
        var score: Double?
        if let tstr, let trtr, trtr.r2 > 0 { score = min(1, max(0, tstr.r2) / trtr.r2) }
        return FamilyReport(
            score: score, holdoutCeiling: score == nil ? nil : 1, verdict: Verdicts.utility(ratio: score, metricName: "R²"),
            notes: ["regression with L2 linear regression; tested on \(truth.count) holdout rows"],
            metrics: [
                FamilyMetric(metric: "tstr-r2", label: "R²: trained on synthetic (TSTR); reference = trained on real (TRTR)", goal: .maximize, score: tstr?.r2, holdoutReference: trtr?.r2),
                FamilyMetric(metric: "tstr-mae", label: "MAE: trained on synthetic (TSTR); reference = trained on real (TRTR)", goal: .minimize, score: tstr?.mae, holdoutReference: trtr?.mae),
            ])
    }
}

/// AUC, F1 and accuracy of probabilities against labels at threshold ½.
struct ClassificationScores: Sendable {
    var auc: Double?
    var f1: Double
    var accuracy: Double

    init(probabilities: [Double], labels: [Bool]) {
        auc = ReceiverOperatingCurve.area(scores: probabilities, labels: labels)
        var truePositives = 0.0, falsePositives = 0.0, falseNegatives = 0.0, correct = 0.0
        for (probability, label) in zip(probabilities, labels) {
            let predicted = probability >= 0.5
            if predicted == label { correct += 1 }
            if predicted && label { truePositives += 1 }
            if predicted && !label { falsePositives += 1 }
            if !predicted && label { falseNegatives += 1 }
        }
        let denominator = 2 * truePositives + falsePositives + falseNegatives
        f1 = denominator > 0 ? 2 * truePositives / denominator : 0
        accuracy = labels.isEmpty ? 0 : correct / Double(labels.count)
    }

    func value(_ key: String) -> Double? {
        switch key {
        case "auc": auc
        case "f1": f1
        default: accuracy
        }
    }
}
