import SynthKitCore
import SynthKitTable

/// The utility family: train on synthetic, test on real (TSTR) against train on real, test on
/// real (TRTR), both tested on the real holdout only (never on rows the generator saw).
///
/// Classification with two classes (a categorical target): the positive class is the real
/// target's least frequent class; learners report AUC, F1 and accuracy at threshold ½. With three
/// or more classes: macro one-vs-rest AUC, macro F1 and accuracy of the most probable class
/// (``MulticlassScores``). Regression (a numeric target): R² and MAE.
/// Learners: ``GradientBoostedTrees`` (native categorical splits; binary, multinomial or squared
/// loss) and, on standardised numerics + one-hot categories, ``LogisticRegression`` (one vs rest
/// for several classes) or ``RidgeRegression``, all with encodings learned on the real rows.
/// Score = min(1, TSTR / TRTR) of the trees' AUC, macro AUC or R² (floored at 0).
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
        let mapper = BinnedFeatures.Mapper(fitting: real, roles: roles, excluding: [target])
        if let realNumbers = roles.numeric.contains(target) ? roles.numbers(of: realTarget) : nil,
           let syntheticNumbers = roles.numbers(of: syntheticTarget), let holdoutNumbers = roles.numbers(of: holdoutTarget) {
            return regression(
                encoder: encoder, mapper: mapper, seed: seed, train: [(real, realNumbers), (synthetic, syntheticNumbers)], holdout: (holdout, holdoutNumbers))
        }
        var counts: [String: Int] = [:]
        for row in 0..<realTarget.count { if let text = realTarget.text(at: row) { counts[text, default: 0] += 1 } }
        guard counts.count >= 2, let positive = counts.min(by: { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value })?.key else {
            return .notApplicable("the real target column '\(target)' has fewer than two classes")
        }
        if counts.count > 2 {
            return multiclass(
                classes: counts.keys.sorted(), encoder: encoder, mapper: mapper, seed: seed,
                train: [(real, realTarget), (synthetic, syntheticTarget)], holdout: (holdout, holdoutTarget))
        }
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
}
