import SynthKitCore
import SynthKitTable

extension UtilityEvaluation {
    /// R² and MAE of one learner on the holdout.
    struct RegressionScores: Sendable {
        var r2: Double
        var mae: Double

        /// Scores of `predictions` against `truth`: R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)² (0 when the
        /// truth is constant) and MAE = mean |y − ŷ|.
        init(predictions: [Double], truth: [Double]) {
            precondition(predictions.count == truth.count && !truth.isEmpty, "predictions \(predictions.count), truth \(truth.count)")
            let mean = truth.reduce(0, +) / Double(truth.count)
            let residual = zip(truth, predictions).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let total = truth.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            r2 = total > 0 ? 1 - residual / total : 0
            mae = zip(truth, predictions).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(truth.count)
        }
    }

    /// The regression branch: gradient-boosted trees (squared error) and ridge regression, each
    /// trained on real (TRTR) and synthetic (TSTR) rows and tested on the holdout.
    func regression(
        encoder: RowEncoder, mapper: BinnedFeatures.Mapper, seed: Seed, train: [(Table, [Double])], holdout: (Table, [Double])
    ) -> FamilyReport {
        let testRows = (0..<holdout.0.rowCount).filter { !holdout.1[$0].isNaN }
        let testTable = holdout.0.gatheringRows(testRows)
        let testFeatures = encoder.encode(testTable)
        let testBinned = mapper.transform(testTable)
        let truth = testRows.map { holdout.1[$0] }
        var results: [String: RegressionScores] = [:]
        for ((table, targets), name) in zip(train, ["trtr", "tstr"]) where !truth.isEmpty {
            let rows = (0..<table.rowCount).filter { !targets[$0].isNaN }
            guard !rows.isEmpty else { continue }
            let trainTable = table.gatheringRows(rows)
            let values = rows.map { targets[$0] }
            if let model = RidgeRegression().fit(encoder.encode(trainTable), targets: values) {
                results["\(name)-ridge"] = RegressionScores(predictions: model.predict(testFeatures), truth: truth)
            }
            let boosted = GradientBoostedTrees().fit(mapper.transform(trainTable), targets: .regression(values), seed: seed.derived("gbdt.\(name)"))
            results["\(name)-gbdt"] = RegressionScores(predictions: boosted.predictions(testBinned), truth: truth)
        }
        var score: Double?
        if let tstr = results["tstr-gbdt"], let trtr = results["trtr-gbdt"], trtr.r2 > 0 { score = min(1, max(0, tstr.r2) / trtr.r2) }
        let reference = "trained on synthetic (TSTR); reference = trained on real (TRTR)"
        return FamilyReport(
            score: score, holdoutCeiling: score == nil ? nil : 1, verdict: Verdicts.utility(ratio: score, metricName: "R²"),
            notes: [
                "regression tested on \(truth.count) holdout rows; learners: histogram gradient-boosted trees "
                    + "(scikit-learn HistGradientBoostingRegressor defaults) and L2 linear regression (alpha = 1); the score uses the trees"
            ],
            metrics: [
                FamilyMetric(metric: "tstr-r2", label: "R², linear regression: \(reference)", goal: .maximize,
                             score: results["tstr-ridge"]?.r2, holdoutReference: results["trtr-ridge"]?.r2),
                FamilyMetric(metric: "tstr-mae", label: "MAE, linear regression: \(reference)", goal: .minimize,
                             score: results["tstr-ridge"]?.mae, holdoutReference: results["trtr-ridge"]?.mae),
                FamilyMetric(metric: "tstr-r2-gbdt", label: "R², gradient-boosted trees: \(reference)", goal: .maximize,
                             score: results["tstr-gbdt"]?.r2, holdoutReference: results["trtr-gbdt"]?.r2),
                FamilyMetric(metric: "tstr-mae-gbdt", label: "MAE, gradient-boosted trees: \(reference)", goal: .minimize,
                             score: results["tstr-gbdt"]?.mae, holdoutReference: results["trtr-gbdt"]?.mae),
            ])
    }
}
