/// Macro one-vs-rest AUC, macro F1 and accuracy of class probabilities against class labels,
/// as scikit-learn computes `roc_auc_score(multi_class="ovr", average="macro")`,
/// `f1_score(average="macro")` and `accuracy_score` with the most probable class predicted.
///
/// - macro AUC = mean over classes k present among the labels (with at least one other class)
///   of AUC(p_k, [y = k]);
/// - macro F1 = mean over classes present among labels or predictions of 2TP/(2TP + FP + FN);
/// - accuracy = share of rows whose most probable class (first on ties) is the label.
///
/// Complexity: O(K · n log n) for K classes and n rows.
struct MulticlassScores: Sendable, Equatable {
    var macroAUC: Double?
    var macroF1: Double
    var accuracy: Double

    /// Scores rows of `probabilities` (one array of `classCount` values per row) against `labels`.
    init(probabilities: [[Double]], labels: [Int], classCount: Int) {
        precondition(probabilities.count == labels.count, "probabilities \(probabilities.count), labels \(labels.count)")
        var predicted: [Int] = []
        predicted.reserveCapacity(labels.count)
        for row in probabilities {
            var best = 0
            for index in row.indices where row[index] > row[best] { best = index }
            predicted.append(best)
        }
        var areas: [Double] = []
        for category in 0..<classCount where labels.contains(category) {
            let scores = probabilities.map { $0[category] }
            if let area = ReceiverOperatingCurve.area(scores: scores, labels: labels.map { $0 == category }) { areas.append(area) }
        }
        macroAUC = areas.isEmpty ? nil : areas.reduce(0, +) / Double(areas.count)
        var f1s: [Double] = []
        for category in Set(labels).union(predicted).sorted() {
            var truePositives = 0.0, falsePositives = 0.0, falseNegatives = 0.0
            for (guess, truth) in zip(predicted, labels) {
                if guess == category && truth == category { truePositives += 1 }
                if guess == category && truth != category { falsePositives += 1 }
                if guess != category && truth == category { falseNegatives += 1 }
            }
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            f1s.append(denominator > 0 ? 2 * truePositives / denominator : 0)
        }
        macroF1 = f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
        accuracy = labels.isEmpty ? 0 : Double(zip(predicted, labels).filter { $0.0 == $0.1 }.count) / Double(labels.count)
    }

    /// The figure named `key` (`"auc"`, `"f1"`, `"accuracy"`).
    func value(_ key: String) -> Double? {
        switch key {
        case "auc": macroAUC
        case "f1": macroF1
        default: accuracy
        }
    }
}
