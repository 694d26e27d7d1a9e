import Foundation
import SynthKitCore

/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
/// squares), scikit-learn's `LogisticRegression(C=1)` objective:
/// minimise Σᵢ log(1 + exp(−ỹᵢ (w·xᵢ + b))) + (λ/2)‖w‖², λ = 1/C, the intercept b unpenalised.
///
/// Each step solves (XᵀWX + λI) Δ = ∇ with a Cholesky factorisation (W = diag(p(1−p))); it stops
/// when the largest step component is below `tolerance` or after `maximumIterations`.
///
/// Complexity: O(iterations · (n d² + d³)) for n rows and d features.
struct LogisticRegression: Sendable {
    /// λ = 1/C.
    var regularization = 1.0
    /// The most Newton steps.
    var maximumIterations = 25
    /// Convergence threshold on the step.
    var tolerance = 1e-6

    /// A fitted model.
    struct Model: Sendable {
        /// Weights, then the intercept last.
        var coefficients: [Double]

        /// P(label = true) for each row.
        func probabilities(_ rows: EncodedRows) -> [Double] {
            let width = rows.width
            precondition(coefficients.count == width + 1, "model has \(coefficients.count - 1) features, rows have \(width)")
            return (0..<rows.rowCount).map { row in
                var sum = coefficients[width]
                for feature in 0..<width { sum += coefficients[feature] * rows.values[row * width + feature] }
                return 1 / (1 + Foundation.exp(-min(max(sum, -700), 700)))
            }
        }
    }

    /// Fits labels (true = positive) to encoded rows.
    func fit(_ rows: EncodedRows, labels: [Bool]) -> Model {
        precondition(rows.rowCount == labels.count, "rows \(rows.rowCount) and labels \(labels.count) differ")
        let width = rows.width
        let dimension = width + 1
        var coefficients = [Double](repeating: 0, count: dimension)
        var features = [Double](repeating: 1, count: dimension)
        for _ in 0..<maximumIterations {
            var gradient = [Double](repeating: 0, count: dimension)
            var hessian = [Double](repeating: 0, count: dimension * dimension)
            for row in 0..<rows.rowCount {
                for feature in 0..<width { features[feature] = rows.values[row * width + feature] }
                var sum = 0.0
                for feature in 0..<dimension { sum += coefficients[feature] * features[feature] }
                let probability = 1 / (1 + Foundation.exp(-min(max(sum, -700), 700)))
                let residual = probability - (labels[row] ? 1 : 0)
                let weight = max(probability * (1 - probability), 1e-12)
                for first in 0..<dimension where features[first] != 0 {
                    gradient[first] += residual * features[first]
                    let scaled = weight * features[first]
                    for second in first..<dimension { hessian[first * dimension + second] += scaled * features[second] }
                }
            }
            for feature in 0..<width {
                gradient[feature] += regularization * coefficients[feature]
                hessian[feature * dimension + feature] += regularization
            }
            hessian[width * dimension + width] += 1e-8
            for first in 0..<dimension { for second in 0..<first { hessian[first * dimension + second] = hessian[second * dimension + first] } }
            guard let step = Self.solve(hessian, gradient, dimension: dimension) else { break }
            var largest = 0.0
            for feature in 0..<dimension {
                coefficients[feature] -= step[feature]
                largest = max(largest, abs(step[feature]))
            }
            if largest < tolerance { break }
        }
        return Model(coefficients: coefficients)
    }

    /// Solves the symmetric positive-definite system `matrix · x = vector` (Cholesky), or `nil`
    /// when the matrix is not positive definite.
    static func solve(_ matrix: [Double], _ vector: [Double], dimension: Int) -> [Double]? {
        var lower = [Double](repeating: 0, count: dimension * dimension)
        for row in 0..<dimension {
            for column in 0...row {
                var sum = matrix[row * dimension + column]
                for inner in 0..<column { sum -= lower[row * dimension + inner] * lower[column * dimension + inner] }
                if row == column {
                    guard sum > 0 else { return nil }
                    lower[row * dimension + row] = sum.squareRoot()
                } else {
                    lower[row * dimension + column] = sum / lower[column * dimension + column]
                }
            }
        }
        var forward = vector
        for row in 0..<dimension {
            var sum = forward[row]
            for inner in 0..<row { sum -= lower[row * dimension + inner] * forward[inner] }
            forward[row] = sum / lower[row * dimension + row]
        }
        var solution = forward
        for row in stride(from: dimension - 1, through: 0, by: -1) {
            var sum = solution[row]
            for inner in (row + 1)..<dimension { sum -= lower[inner * dimension + row] * solution[inner] }
            solution[row] = sum / lower[row * dimension + row]
        }
        return solution
    }
}
