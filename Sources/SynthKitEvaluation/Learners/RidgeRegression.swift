/// L2-regularised linear regression (scikit-learn `Ridge(alpha=1)`): minimise
/// Σᵢ (yᵢ − w·xᵢ − b)² + λ‖w‖², solved in closed form by the normal equations
/// (XᵀX + λI) w = Xᵀy with the intercept unpenalised.
///
/// Complexity: O(n d² + d³).
struct RidgeRegression: Sendable {
    /// λ.
    var regularization = 1.0

    /// A fitted model: weights, then the intercept last.
    struct Model: Sendable {
        var coefficients: [Double]

        /// Predictions for each row.
        func predict(_ rows: EncodedRows) -> [Double] {
            let width = rows.width
            return (0..<rows.rowCount).map { row in
                var sum = coefficients[width]
                for feature in 0..<width { sum += coefficients[feature] * rows.values[row * width + feature] }
                return sum
            }
        }
    }

    /// Fits `targets` to encoded rows (`nil` when the system is singular).
    func fit(_ rows: EncodedRows, targets: [Double]) -> Model? {
        let width = rows.width
        let dimension = width + 1
        var matrix = [Double](repeating: 0, count: dimension * dimension)
        var vector = [Double](repeating: 0, count: dimension)
        var features = [Double](repeating: 1, count: dimension)
        for row in 0..<rows.rowCount {
            for feature in 0..<width { features[feature] = rows.values[row * width + feature] }
            for first in 0..<dimension where features[first] != 0 {
                vector[first] += features[first] * targets[row]
                for second in first..<dimension { matrix[first * dimension + second] += features[first] * features[second] }
            }
        }
        for feature in 0..<width { matrix[feature * dimension + feature] += regularization }
        matrix[width * dimension + width] += 1e-9
        for first in 0..<dimension { for second in 0..<first { matrix[first * dimension + second] = matrix[second * dimension + first] } }
        return LogisticRegression.solve(matrix, vector, dimension: dimension).map(Model.init(coefficients:))
    }
}
