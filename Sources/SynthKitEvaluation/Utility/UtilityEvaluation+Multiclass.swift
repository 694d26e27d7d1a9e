import SynthKitCore
import SynthKitTable

extension UtilityEvaluation {
    /// The classification branch for three or more classes: gradient-boosted trees with the
    /// multinomial loss and one-vs-rest logistic regressions (probabilities normalised to sum to
    /// 1), trained on real (TRTR) and synthetic (TSTR) rows, tested on the holdout rows whose
    /// class the real table has.
    func multiclass(
        classes: [String], encoder: RowEncoder, mapper: BinnedFeatures.Mapper, seed: Seed, train: [(Table, Column)], holdout: (Table, Column)
    ) -> FamilyReport {
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($0.element, $0.offset) })
        func labelledRows(_ table: Table, _ column: Column) -> (Table, [Int]) {
            let rows = (0..<table.rowCount).filter { column.text(at: $0).flatMap { index[$0] } != nil }
            return (table.gatheringRows(rows), rows.compactMap { column.text(at: $0).flatMap { index[$0] } })
        }
        let (testTable, testLabels) = labelledRows(holdout.0, holdout.1)
        let testEncoded = encoder.encode(testTable)
        let testBinned = mapper.transform(testTable)
        var results: [String: MulticlassScores] = [:]
        var notes = [
            "classification of '\(target ?? "")' into \(classes.count) classes, tested on \(testLabels.count) holdout rows; "
                + "macro one-vs-rest AUC, macro F1, accuracy; learners: histogram gradient-boosted trees (multinomial loss, "
                + "scikit-learn HistGradientBoostingClassifier defaults) and one-vs-rest L2 logistic regressions (C = 1)"
        ]
        for ((table, column), name) in zip(train, ["trtr", "tstr"]) {
            let (trainTable, trainLabels) = labelledRows(table, column)
            guard Set(trainLabels).count >= 2 else {
                notes.append("\(name == "tstr" ? "synthetic" : "real") target has fewer than two of the real classes: no model trained")
                continue
            }
            let boosted = GradientBoostedTrees().fit(
                mapper.transform(trainTable), targets: .classes(trainLabels, classCount: classes.count), seed: seed.derived("gbdt.\(name)"))
            results["\(name)-gbdt"] = MulticlassScores(
                probabilities: boosted.classProbabilities(testBinned), labels: testLabels, classCount: classes.count)
            let trainEncoded = encoder.encode(trainTable)
            var columns: [[Double]] = []
            for category in classes.indices {
                let labels = trainLabels.map { $0 == category }
                guard labels.contains(true) else {
                    columns.append([Double](repeating: 0, count: testLabels.count))
                    continue
                }
                columns.append(LogisticRegression().fit(trainEncoded, labels: labels).probabilities(testEncoded))
            }
            let probabilities = testLabels.indices.map { row -> [Double] in
                let values = columns.map { $0[row] }
                let total = values.reduce(0, +)
                return total > 0 ? values.map { $0 / total } : values.map { _ in 1 / Double(values.count) }
            }
            results["\(name)-logistic"] = MulticlassScores(probabilities: probabilities, labels: testLabels, classCount: classes.count)
        }
        var metrics: [FamilyMetric] = []
        for (learner, learnerLabel) in [("gbdt", "gradient-boosted trees"), ("logistic", "one-vs-rest logistic regression")] {
            for (key, identifier, label) in [("auc", "macro-auc", "macro one-vs-rest AUC"), ("f1", "macro-f1", "macro F1"), ("accuracy", "accuracy", "accuracy")] {
                metrics.append(FamilyMetric(
                    metric: "tstr-\(identifier)-\(learner)",
                    label: "\(label), \(learnerLabel): trained on synthetic (TSTR); reference = trained on real (TRTR)",
                    goal: .maximize, score: results["tstr-\(learner)"]?.value(key), holdoutReference: results["trtr-\(learner)"]?.value(key)))
            }
        }
        var score: Double?
        if let tstr = results["tstr-gbdt"]?.macroAUC, let trtr = results["trtr-gbdt"]?.macroAUC, trtr > 0 { score = min(1, tstr / trtr) }
        return FamilyReport(
            score: score, holdoutCeiling: score == nil ? nil : 1, verdict: Verdicts.utility(ratio: score, metricName: "macro AUC"),
            notes: notes, metrics: metrics)
    }
}
