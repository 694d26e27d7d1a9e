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
