import SynthKitCore
import SynthKitMath
import SynthKitTable

/// The detectability family: can a classifier tell synthetic rows from real ones?
///
/// - Logistic detection (SDMetrics `LogisticDetection`, `sdmetrics/single_table/detection/base.py`):
///   rows encoded with a transform fitted on the real rows, real = 1 and synthetic = 0, 3-fold
///   stratified shuffled cross-validation, per fold max(0.5, AUC) · 2 − 1, score = 1 − mean.
/// - Classifier two-sample test (Lopez-Paz & Oquab, ICLR 2017): train the same classifier on half
///   of a balanced sample, measure its accuracy t on the other n_te rows; under H0 (same
///   distribution) n_te·t ~ Binomial(n_te, ½), so p = 1 − Φ(2 √n_te (t − ½)).
/// - The same test with gradient-boosted trees (``ClassifierTwoSampleTest``), which also sees
///   non-linear differences, with the held-out AUC's Mann–Whitney p-value.
/// The verdict uses the smaller p-value, Bonferroni-corrected for the two tests.
/// The family score is the detection score (1 = indistinguishable). Tables above `rowLimit` rows
/// are subsampled.
struct DetectabilityEvaluation: Sendable {
    /// The columns used as features.
    let roles: ColumnRoles
    /// Thread limit.
    let threads: Int?
    /// Rows of each table used at most.
    var rowLimit = 10_000

    /// The family report.
    func evaluate(real: Table, synthetic: Table, seed: Seed) -> FamilyReport {
        let encoder = RowEncoder(fitting: real, roles: roles)
        let realRows = ContingencySimilarity.subsample(count: real.rowCount, keeping: rowLimit, seed: seed.derived("real"))
        let syntheticRows = ContingencySimilarity.subsample(count: synthetic.rowCount, keeping: rowLimit, seed: seed.derived("synthetic"))
        var notes: [String] = []
        if real.rowCount > rowLimit || synthetic.rowCount > rowLimit { notes.append("at most \(rowLimit) random rows of each table are used") }
        let realSample = real.gatheringRows(realRows)
        let syntheticSample = synthetic.gatheringRows(syntheticRows)
        let encodedReal = encoder.encode(realSample)
        let encodedSynthetic = encoder.encode(syntheticSample)
        guard encodedReal.rowCount >= 3, encodedSynthetic.rowCount >= 3 else {
            return .notApplicable("needs at least 3 rows in each table")
        }
        let rows = encodedReal.appending(encodedSynthetic)
        let labels = [Bool](repeating: true, count: encodedReal.rowCount) + [Bool](repeating: false, count: encodedSynthetic.rowCount)
        // 3 stratified folds: each class shuffled and dealt round-robin.
        var fold = [Int](repeating: 0, count: labels.count)
        for (label, part) in [(true, 0..<encodedReal.rowCount), (false, encodedReal.rowCount..<labels.count)] {
            var order = Array(part)
            var stream = seed.derived(label ? "folds.real" : "folds.synthetic").stream()
            for position in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(position, stream.nextIndex(below: position + 1)) }
            for (index, row) in order.enumerated() { fold[row] = index % 3 }
        }
        var foldScores: [Double] = []
        for test in 0..<3 {
            let trainIndices = labels.indices.filter { fold[$0] != test }
            let testIndices = labels.indices.filter { fold[$0] == test }
            let model = LogisticRegression().fit(rows.gathering(trainIndices), labels: trainIndices.map { labels[$0] })
            if let auc = ReceiverOperatingCurve.area(scores: model.probabilities(rows.gathering(testIndices)), labels: testIndices.map { labels[$0] }) {
                foldScores.append(max(0.5, auc) * 2 - 1)
            }
        }
        let detection = foldScores.isEmpty ? nil : 1 - foldScores.reduce(0, +) / Double(foldScores.count)
        // Two-sample test on a balanced sample: even positions train, odd positions test.
        let balanced = min(encodedReal.rowCount, encodedSynthetic.rowCount)
        let realPick = Array(0..<balanced)
        let syntheticPick = (0..<balanced).map { encodedReal.rowCount + $0 }
        let pooled = realPick + syntheticPick
        var trainHalf: [Int] = []
        var testHalf: [Int] = []
        for (index, row) in pooled.enumerated() { if index % 2 == 0 { trainHalf.append(row) } else { testHalf.append(row) } }
        let classifier = LogisticRegression().fit(rows.gathering(trainHalf), labels: trainHalf.map { labels[$0] })
        let predictions = classifier.probabilities(rows.gathering(testHalf))
        let correct = zip(predictions, testHalf).filter { ($0.0 >= 0.5) == labels[$0.1] }.count
        let accuracy = Double(correct) / Double(max(1, testHalf.count))
        let pValue = NormalDistribution.survival(2 * Double(testHalf.count).squareRoot() * (accuracy - 0.5))
        let boosted = ClassifierTwoSampleTest.run(real: realSample, synthetic: syntheticSample, roles: roles, seed: seed.derived("gbdt"))
        var metrics = [
            FamilyMetric(
                metric: "logistic-detection", label: "Logistic detection (SDMetrics formula, 3 folds)", goal: .maximize, score: detection,
                breakdown: Dictionary(uniqueKeysWithValues: foldScores.enumerated().map { ("fold\($0.offset + 1)", $0.element) })),
            FamilyMetric(
                metric: "classifier-two-sample-accuracy", label: "Two-sample test: held-out accuracy of a real-vs-synthetic classifier (0.5 = indistinguishable)",
                goal: .minimize, score: accuracy, breakdown: ["pValue": pValue, "testRows": Double(testHalf.count)],
                notes: ["classifier: L2 logistic regression; p-value from the binomial null (Lopez-Paz & Oquab 2017)"]),
        ]
        metrics.append(FamilyMetric(
            metric: "classifier-two-sample-auc-gbdt",
            label: "Two-sample test: held-out AUC of gradient-boosted trees telling real from synthetic (0.5 = indistinguishable)",
            goal: .minimize, score: boosted?.auc,
            breakdown: boosted.map {
                ["pValue": $0.aucPValue, "accuracy": $0.accuracy, "accuracyPValue": $0.accuracyPValue, "testRowsPerTable": Double($0.testRowsPerTable)]
            } ?? [:],
            notes: boosted == nil
                ? ["needs at least 4 rows in each table"]
                : ["classifier: histogram gradient-boosted trees trained on half of a balanced sample; p-value of the AUC from the Mann–Whitney null"]))
        // The verdict's p-value: the smaller of the two tests', Bonferroni-corrected for two tests.
        let combinedPValue = boosted.map { min(1, 2 * min(pValue, $0.aucPValue)) } ?? pValue
        return FamilyReport(
            score: detection, holdoutCeiling: nil, verdict: Verdicts.detectability(score: detection, pValue: combinedPValue), notes: notes,
            metrics: metrics)
    }
}
