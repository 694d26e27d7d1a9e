import Foundation
import SynthKitCore

/// Histogram gradient-boosted trees for binary classification with scikit-learn's
/// `HistGradientBoostingClassifier` defaults: 100 iterations, learning rate 0.1, 31 leaves,
/// 20 rows per leaf, no L2, 255 bins plus a missing bin, native categorical splits, and early
/// stopping on the validation log loss (10 % stratified validation split, 10 iterations without
/// an improvement above 1e-7) when there are more than 10,000 rows.
///
/// Reference: Ke et al., "LightGBM" (NeurIPS 2017); scikit-learn
/// `sklearn/ensemble/_hist_gradient_boosting/gradient_boosting.py`.
///
/// Complexity: O(iterations · leaves · n · f) worst case, less with histogram subtraction.
struct GradientBoostedTrees: Sendable {
    var iterations = 100
    var learningRate = 0.1
    var maximumLeaves = 31
    var minimumLeafRows = 20
    var l2 = 0.0
    /// `nil` = scikit-learn's "auto": early stopping above 10,000 rows.
    var earlyStopping: Bool?

    /// A fitted ensemble.
    struct Model: Sendable {
        var baseline: Double
        var trees: [HistogramTree]

        /// P(label = true) per row.
        func probabilities(_ features: BinnedFeatures) -> [Double] {
            (0..<features.rowCount).map { row in
                var raw = baseline
                for tree in trees { raw += tree.predict(features, row: row) }
                return 1 / (1 + Foundation.exp(-raw))
            }
        }
    }

    /// Fits labels to binned features.
    func fit(_ features: BinnedFeatures, labels: [Bool], seed: Seed) -> Model {
        precondition(features.rowCount == labels.count, "rows \(features.rowCount) and labels \(labels.count) differ")
        var trainRows = Array(0..<features.rowCount)
        var validationRows: [Int] = []
        if earlyStopping ?? (features.rowCount > 10_000) {
            trainRows = []
            for label in [false, true] {
                var members = labels.indices.filter { labels[$0] == label }
                var stream = seed.derived("gbdt.validation", index: label ? 1 : 0).stream()
                for position in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(position, stream.nextIndex(below: position + 1)) }
                let validationCount = Int((Double(members.count) * 0.1).rounded(.up))
                validationRows += members[0..<validationCount]
                trainRows += members[validationCount...]
            }
            trainRows.sort()
            validationRows.sort()
        }
        let positives = trainRows.filter { labels[$0] }.count
        let prior = min(max(Double(positives) / Double(max(1, trainRows.count)), 1e-12), 1 - 1e-12)
        let baseline = Foundation.log(prior / (1 - prior))
        var raw = [Double](repeating: baseline, count: features.rowCount)
        var gradients = [Double](repeating: 0, count: features.rowCount)
        var hessians = [Double](repeating: 0, count: features.rowCount)
        var trees: [HistogramTree] = []
        var validationScores: [Double] = []
        for _ in 0..<iterations {
            for row in trainRows {
                let probability = 1 / (1 + Foundation.exp(-raw[row]))
                gradients[row] = probability - (labels[row] ? 1 : 0)
                hessians[row] = probability * (1 - probability)
            }
            let grower = TreeGrower(
                features: features, gradients: gradients, hessians: hessians, maximumLeaves: maximumLeaves,
                minimumLeafRows: minimumLeafRows, l2: l2, learningRate: learningRate)
            let tree = grower.grow(rows: trainRows)
            trees.append(tree)
            for row in 0..<features.rowCount { raw[row] += tree.predict(features, row: row) }
            guard !validationRows.isEmpty else { continue }
            var loss = 0.0
            for row in validationRows {
                let value = raw[row]
                loss += labels[row] ? Foundation.log1p(Foundation.exp(-value)) : Foundation.log1p(Foundation.exp(value))
            }
            validationScores.append(-loss / Double(validationRows.count))
            if validationScores.count > 10 {
                let reference = validationScores[validationScores.count - 11]
                if validationScores.suffix(10).allSatisfy({ $0 <= reference + 1e-7 }) { break }
            }
        }
        return Model(baseline: baseline, trees: trees)
    }
}
