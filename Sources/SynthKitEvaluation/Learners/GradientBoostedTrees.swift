import Foundation
import SynthKitCore

/// Histogram gradient-boosted trees with scikit-learn's `HistGradientBoostingClassifier` /
/// `HistGradientBoostingRegressor` defaults: 100 iterations, learning rate 0.1, 31 leaves,
/// 20 rows per leaf, no L2, 255 bins plus a missing bin, native categorical splits, and early
/// stopping on the validation loss (10 % validation split, stratified for classification;
/// 10 iterations without an improvement above 1e-7) when there are more than 10,000 rows.
///
/// Losses (gradient g and hessian h per row and output, raw score F):
/// - binary log loss: p = σ(F), g = p − y, h = p(1 − p); baseline log(p̄/(1 − p̄));
/// - multinomial log loss over K classes, one tree per class and iteration:
///   p = softmax(F), g_k = p_k − [y = k], h_k = p_k(1 − p_k); baseline log p̄_k − mean_k log p̄_k;
/// - squared error: g = F − y, h = 1; baseline ȳ.
///
/// Reference: Ke et al., "LightGBM" (NeurIPS 2017); scikit-learn
/// `sklearn/ensemble/_hist_gradient_boosting/gradient_boosting.py` and `sklearn/_loss/loss.py`.
///
/// Complexity: O(iterations · K · leaves · n · f) worst case, less with histogram subtraction.
struct GradientBoostedTrees: Sendable {
    var iterations = 100
    var learningRate = 0.1
    var maximumLeaves = 31
    var minimumLeafRows = 20
    var l2 = 0.0
    /// `nil` = scikit-learn's "auto": early stopping above 10,000 rows.
    var earlyStopping: Bool?

    /// What the trees predict.
    enum Targets: Sendable {
        /// Two classes (true = positive), binary log loss.
        case binary([Bool])
        /// Class indices in 0..<classCount, multinomial log loss.
        case classes([Int], classCount: Int)
        /// Real values, squared error.
        case regression([Double])

        /// Rows described.
        var count: Int {
            switch self {
            case .binary(let labels): labels.count
            case .classes(let labels, _): labels.count
            case .regression(let values): values.count
            }
        }

        /// Raw scores per row (1, or K for classes).
        var outputs: Int {
            if case .classes(_, let classCount) = self { return classCount }
            return 1
        }

        /// The stratum of a row for the validation split (0 for regression).
        func stratum(_ row: Int) -> Int {
            switch self {
            case .binary(let labels): labels[row] ? 1 : 0
            case .classes(let labels, _): labels[row]
            case .regression: 0
            }
        }
    }

    /// A fitted ensemble.
    struct Model: Sendable {
        /// The initial raw score of each output.
        var baseline: [Double]
        /// Per iteration, one tree per output.
        var trees: [[HistogramTree]]

        /// Raw scores, row-major with `baseline.count` per row.
        func rawScores(_ features: BinnedFeatures) -> [Double] {
            let outputs = baseline.count
            var raw = [Double](repeating: 0, count: features.rowCount * outputs)
            for row in 0..<features.rowCount {
                for output in 0..<outputs {
                    var sum = baseline[output]
                    for iteration in trees { sum += iteration[output].predict(features, row: row) }
                    raw[row * outputs + output] = sum
                }
            }
            return raw
        }

        /// P(label = true) per row, for a binary model.
        func probabilities(_ features: BinnedFeatures) -> [Double] {
            rawScores(features).map { 1 / (1 + Foundation.exp(-$0)) }
        }

        /// Class probabilities per row (softmax of the raw scores), for a multi-class model.
        func classProbabilities(_ features: BinnedFeatures) -> [[Double]] {
            let outputs = baseline.count
            let raw = rawScores(features)
            return (0..<features.rowCount).map { row in GradientBoostedTrees.softmax(raw[(row * outputs)..<((row + 1) * outputs)]) }
        }

        /// Predicted values, for a regression model.
        func predictions(_ features: BinnedFeatures) -> [Double] { rawScores(features) }
    }

    /// Fits binary labels to binned features.
    func fit(_ features: BinnedFeatures, labels: [Bool], seed: Seed) -> Model {
        fit(features, targets: .binary(labels), seed: seed)
    }

    /// Fits `targets` to binned features.
    func fit(_ features: BinnedFeatures, targets: Targets, seed: Seed) -> Model {
        precondition(features.rowCount == targets.count, "rows \(features.rowCount) and targets \(targets.count) differ")
        let outputs = targets.outputs
        let (trainRows, validationRows) = split(targets: targets, rowCount: features.rowCount, seed: seed)
        let baseline = Self.baseline(targets: targets, rows: trainRows)
        var raw = [Double](repeating: 0, count: features.rowCount * outputs)
        for row in 0..<features.rowCount { for output in 0..<outputs { raw[row * outputs + output] = baseline[output] } }
        var gradients = [[Double]](repeating: [Double](repeating: 0, count: features.rowCount), count: outputs)
        var hessians = gradients
        var trees: [[HistogramTree]] = []
        var validationScores: [Double] = []
        for _ in 0..<iterations {
            for row in trainRows {
                switch targets {
                case .binary(let labels):
                    let probability = 1 / (1 + Foundation.exp(-raw[row]))
                    gradients[0][row] = probability - (labels[row] ? 1 : 0)
                    hessians[0][row] = probability * (1 - probability)
                case .regression(let values):
                    gradients[0][row] = raw[row] - values[row]
                    hessians[0][row] = 1
                case .classes(let labels, _):
                    let probabilities = Self.softmax(raw[(row * outputs)..<((row + 1) * outputs)])
                    for output in 0..<outputs {
                        gradients[output][row] = probabilities[output] - (labels[row] == output ? 1 : 0)
                        hessians[output][row] = probabilities[output] * (1 - probabilities[output])
                    }
                }
            }
            var iterationTrees: [HistogramTree] = []
            for output in 0..<outputs {
                let grower = TreeGrower(
                    features: features, gradients: gradients[output], hessians: hessians[output], maximumLeaves: maximumLeaves,
                    minimumLeafRows: minimumLeafRows, l2: l2, learningRate: learningRate)
                iterationTrees.append(grower.grow(rows: trainRows))
            }
            trees.append(iterationTrees)
            for row in 0..<features.rowCount {
                for output in 0..<outputs { raw[row * outputs + output] += iterationTrees[output].predict(features, row: row) }
            }
            guard !validationRows.isEmpty else { continue }
            let loss = validationRows.reduce(0.0) { $0 + Self.loss(targets: targets, raw: raw, row: $1, outputs: outputs) }
            validationScores.append(-loss / Double(validationRows.count))
            if validationScores.count > 10 {
                let reference = validationScores[validationScores.count - 11]
                if validationScores.suffix(10).allSatisfy({ $0 <= reference + 1e-7 }) { break }
            }
        }
        return Model(baseline: baseline, trees: trees)
    }

    /// Training and validation rows: all rows train unless early stopping applies; then 10 % of
    /// each stratum (rounded up) validates.
    func split(targets: Targets, rowCount: Int, seed: Seed) -> (train: [Int], validation: [Int]) {
        guard earlyStopping ?? (rowCount > 10_000) else { return (Array(0..<rowCount), []) }
        var strata: [Int: [Int]] = [:]
        for row in 0..<rowCount { strata[targets.stratum(row), default: []].append(row) }
        var train: [Int] = []
        var validation: [Int] = []
        for (stratum, rows) in strata.sorted(by: { $0.key < $1.key }) {
            var members = rows
            var stream = seed.derived("gbdt.validation", index: stratum).stream()
            for position in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(position, stream.nextIndex(below: position + 1)) }
            let validationCount = Int((Double(members.count) * 0.1).rounded(.up))
            validation += members[0..<validationCount]
            train += members[validationCount...]
        }
        return (train.sorted(), validation.sorted())
    }

    /// The constant raw scores that minimise the loss on `rows`.
    static func baseline(targets: Targets, rows: [Int]) -> [Double] {
        let count = Double(max(1, rows.count))
        switch targets {
        case .binary(let labels):
            let prior = min(max(Double(rows.filter { labels[$0] }.count) / count, 1e-12), 1 - 1e-12)
            return [Foundation.log(prior / (1 - prior))]
        case .regression(let values):
            return [rows.reduce(0) { $0 + values[$1] } / count]
        case .classes(let labels, let classCount):
            var frequencies = [Double](repeating: 0, count: classCount)
            for row in rows { frequencies[labels[row]] += 1 }
            let logs = frequencies.map { Foundation.log(min(max($0 / count, 1e-12), 1 - 1e-12)) }
            let mean = logs.reduce(0, +) / Double(classCount)
            return logs.map { $0 - mean }
        }
    }

    /// The loss of one row at raw scores `raw`.
    static func loss(targets: Targets, raw: [Double], row: Int, outputs: Int) -> Double {
        switch targets {
        case .binary(let labels):
            let value = raw[row]
            return labels[row] ? Foundation.log1p(Foundation.exp(-value)) : Foundation.log1p(Foundation.exp(value))
        case .regression(let values):
            let difference = raw[row] - values[row]
            return 0.5 * difference * difference
        case .classes(let labels, _):
            let scores = raw[(row * outputs)..<((row + 1) * outputs)]
            let largest = scores.max() ?? 0
            let logSum = largest + Foundation.log(scores.reduce(0) { $0 + Foundation.exp($1 - largest) })
            return logSum - raw[row * outputs + labels[row]]
        }
    }

    /// The softmax of raw scores.
    static func softmax(_ scores: ArraySlice<Double>) -> [Double] {
        let largest = scores.max() ?? 0
        let exponentials = scores.map { Foundation.exp($0 - largest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}
