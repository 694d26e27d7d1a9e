/// The area under the ROC curve of scores for positive and negative examples, by the
/// Mann–Whitney U statistic: AUC = (R₊ − n₊(n₊+1)/2) / (n₊ n₋), R₊ the sum of the positives'
/// mid-ranks in the pooled sample (ties share their mean rank, so a tie counts ½).
///
/// Complexity: O((n₊ + n₋) log(n₊ + n₋)).
enum ReceiverOperatingCurve {
    /// AUC with larger scores meaning "positive", or `nil` when a class is empty or a score is NaN.
    static func area(positives: [Double], negatives: [Double]) -> Double? {
        guard !positives.isEmpty, !negatives.isEmpty,
              !positives.contains(where: \.isNaN), !negatives.contains(where: \.isNaN) else { return nil }
        var pooled = positives.map { ($0, true) } + negatives.map { ($0, false) }
        pooled.sort { $0.0 < $1.0 }
        var positiveRankSum = 0.0
        var start = 0
        while start < pooled.count {
            var end = start
            while end + 1 < pooled.count && pooled[end + 1].0 == pooled[start].0 { end += 1 }
            let meanRank = Double(start + end + 2) / 2
            for index in start...end where pooled[index].1 { positiveRankSum += meanRank }
            start = end + 1
        }
        let positiveCount = Double(positives.count)
        return (positiveRankSum - positiveCount * (positiveCount + 1) / 2) / (positiveCount * Double(negatives.count))
    }

    /// AUC of predicted scores against 0/1 labels.
    static func area(scores: [Double], labels: [Bool]) -> Double? {
        precondition(scores.count == labels.count, "scores and labels differ in length: \(scores.count) vs \(labels.count)")
        var positives: [Double] = []
        var negatives: [Double] = []
        for (score, label) in zip(scores, labels) {
            if label { positives.append(score) } else { negatives.append(score) }
        }
        return area(positives: positives, negatives: negatives)
    }

    /// The Mann–Whitney null standard deviation of the AUC, √((n₊ + n₋ + 1) / (12 n₊ n₋)).
    static func nullStandardDeviation(positives: Int, negatives: Int) -> Double {
        (Double(positives + negatives + 1) / (12 * Double(positives) * Double(negatives))).squareRoot()
    }
}
