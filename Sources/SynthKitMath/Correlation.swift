/// Pearson and Spearman correlation and ranks.
public enum Correlation {
    /// Pearson's r over the pairs where both values are finite; NaN when fewer than two pairs
    /// remain or either side is constant. Two-pass (mean first) for accuracy. O(n).
    public static func pearson(_ first: [Double], _ second: [Double]) -> Double {
        precondition(first.count == second.count, "pearson needs equal lengths, got \(first.count) and \(second.count)")
        var count = 0.0
        var sumFirst = 0.0
        var sumSecond = 0.0
        for index in first.indices where first[index].isFinite && second[index].isFinite {
            count += 1
            sumFirst += first[index]
            sumSecond += second[index]
        }
        guard count >= 2 else { return .nan }
        let meanFirst = sumFirst / count
        let meanSecond = sumSecond / count
        var cross = 0.0
        var squaresFirst = 0.0
        var squaresSecond = 0.0
        for index in first.indices where first[index].isFinite && second[index].isFinite {
            let a = first[index] - meanFirst
            let b = second[index] - meanSecond
            cross += a * b
            squaresFirst += a * a
            squaresSecond += b * b
        }
        guard squaresFirst > 0 && squaresSecond > 0 else { return .nan }
        return cross / (squaresFirst * squaresSecond).squareRoot()
    }

    /// Spearman's ρ: Pearson's r of mid-ranks, over pairs where both values are finite.
    public static func spearman(_ first: [Double], _ second: [Double]) -> Double {
        precondition(first.count == second.count, "spearman needs equal lengths, got \(first.count) and \(second.count)")
        let kept = first.indices.filter { first[$0].isFinite && second[$0].isFinite }
        return pearson(ranks(kept.map { first[$0] }), ranks(kept.map { second[$0] }))
    }

    /// Mid-ranks (1-based; ties share the average of their positions). O(n log n).
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { result[order[position]] = rank }
            start = end + 1
        }
        return result
    }
}
