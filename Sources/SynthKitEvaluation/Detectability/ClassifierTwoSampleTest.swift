import SynthKitCore
import SynthKitMath
import SynthKitTable

/// A classifier two-sample test with histogram gradient-boosted trees (Lopez-Paz & Oquab,
/// "Revisiting Classifier Two-Sample Tests", ICLR 2017): can a flexible classifier tell real rows
/// from synthetic ones on rows it was not trained on?
///
/// Procedure: take n = min(|R|, |S|) rows of each table, shuffle each with its own seed, train
/// ``GradientBoostedTrees`` (scikit-learn defaults, native categorical splits, bins learned on
/// the real rows) on the first ⌈n/2⌉ of each, and score the other ⌊n/2⌋ of each.
///
/// Statistics on the n₊ = n₋ held-out rows:
/// - AUC, with the Mann–Whitney null: under H0 (same distribution) AUC ≈ N(½, σ²),
///   σ² = (n₊ + n₋ + 1)/(12 n₊ n₋), one-sided p = 1 − Φ((AUC − ½)/σ);
/// - accuracy t at threshold ½, with the binomial null n_te·t ~ Binomial(n_te, ½),
///   p = 1 − Φ(2 √n_te (t − ½)) (the paper's statistic).
///
/// Complexity: that of fitting the trees on n rows, O(iterations · n · features).
struct ClassifierTwoSampleTest: Sendable, Equatable {
    /// Held-out AUC of the real-vs-synthetic classifier (½ = indistinguishable).
    var auc: Double
    /// One-sided p-value of the AUC under the Mann–Whitney null.
    var aucPValue: Double
    /// Held-out accuracy at threshold ½.
    var accuracy: Double
    /// One-sided p-value of the accuracy under the binomial null.
    var accuracyPValue: Double
    /// Held-out rows of each table.
    var testRowsPerTable: Int

    /// Runs the test on `real` and `synthetic` (already subsampled by the caller), or returns
    /// `nil` when a table has fewer than 4 rows.
    static func run(real: Table, synthetic: Table, roles: ColumnRoles, seed: Seed) -> ClassifierTwoSampleTest? {
        let size = min(real.rowCount, synthetic.rowCount)
        guard size >= 4 else { return nil }
        let realOrder = SeededPermutation.of(count: real.rowCount, seed: seed.derived("two-sample.real")).prefix(size)
        let syntheticOrder = SeededPermutation.of(count: synthetic.rowCount, seed: seed.derived("two-sample.synthetic")).prefix(size)
        let trainCount = (size + 1) / 2
        let mapper = BinnedFeatures.Mapper(fitting: real, roles: roles, excluding: [])
        let realBinned = mapper.transform(real)
        let syntheticBinned = mapper.transform(synthetic)
        func pooled(_ realRows: ArraySlice<Int>, _ syntheticRows: ArraySlice<Int>) -> BinnedFeatures {
            let first = realBinned.gathering(Array(realRows))
            let second = syntheticBinned.gathering(Array(syntheticRows))
            let bins = zip(first.bins, second.bins).map { $0 + $1 }
            return BinnedFeatures(rowCount: first.rowCount + second.rowCount, bins: bins, features: first.features)
        }
        let trainFeatures = pooled(realOrder.prefix(trainCount), syntheticOrder.prefix(trainCount))
        let trainLabels = [Bool](repeating: true, count: trainCount) + [Bool](repeating: false, count: trainCount)
        let testCount = size - trainCount
        let testFeatures = pooled(realOrder.dropFirst(trainCount), syntheticOrder.dropFirst(trainCount))
        let testLabels = [Bool](repeating: true, count: testCount) + [Bool](repeating: false, count: testCount)
        let model = GradientBoostedTrees().fit(trainFeatures, labels: trainLabels, seed: seed.derived("two-sample.gbdt"))
        let probabilities = model.probabilities(testFeatures)
        guard let auc = ReceiverOperatingCurve.area(scores: probabilities, labels: testLabels) else { return nil }
        let deviation = ReceiverOperatingCurve.nullStandardDeviation(positives: testCount, negatives: testCount)
        let correct = zip(probabilities, testLabels).filter { ($0.0 >= 0.5) == $0.1 }.count
        let accuracy = Double(correct) / Double(testLabels.count)
        return ClassifierTwoSampleTest(
            auc: auc, aucPValue: NormalDistribution.survival((auc - 0.5) / deviation), accuracy: accuracy,
            accuracyPValue: NormalDistribution.survival(2 * Double(testLabels.count).squareRoot() * (accuracy - 0.5)),
            testRowsPerTable: testCount)
    }
}
