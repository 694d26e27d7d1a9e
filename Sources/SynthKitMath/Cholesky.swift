/// The Cholesky factor of a symmetric positive-definite matrix: A = L Lᵀ, L lower triangular.
///
/// Column-oriented Cholesky-Banachiewicz, O(n³/3). When A is only semi-definite (a
/// correlation matrix estimated from few rows, or with a constant column), ``factor(_:)``
/// retries with a growing diagonal jitter (1e-12 · mean diagonal, times 10 each attempt),
/// which is the fallback used by GPyTorch's `psd_safe_cholesky`.
public struct Cholesky: Sendable, Hashable, Codable {
    /// The lower-triangular factor (upper triangle zero).
    public let lower: SquareMatrix
    /// The jitter added to the diagonal to make the factorisation succeed (0 when none).
    public let jitter: Double

    /// Factors `matrix`, adding diagonal jitter if needed; `nil` when even a jitter of
    /// 1e-2 · mean diagonal fails (the matrix is far from positive semi-definite).
    public static func factor(_ matrix: SquareMatrix) -> Cholesky? {
        if let lower = attempt(matrix, jitter: 0) { return Cholesky(lower: lower, jitter: 0) }
        let n = matrix.dimension
        var meanDiagonal = 0.0
        for index in 0..<n { meanDiagonal += matrix[index, index] }
        meanDiagonal = n > 0 ? max(meanDiagonal / Double(n), 1e-300) : 1
        var jitter = 1e-12 * meanDiagonal
        while jitter <= 1e-2 * meanDiagonal {
            if let lower = attempt(matrix, jitter: jitter) { return Cholesky(lower: lower, jitter: jitter) }
            jitter *= 10
        }
        return nil
    }

    /// The factor without jitter, or `nil` when a pivot is not positive.
    static func attempt(_ matrix: SquareMatrix, jitter: Double) -> SquareMatrix? {
        let n = matrix.dimension
        var lower = SquareMatrix(dimension: n, values: [Double](repeating: 0, count: n * n))
        for column in 0..<n {
            var pivot = matrix[column, column] + jitter
            for inner in 0..<column { pivot -= lower[column, inner] * lower[column, inner] }
            guard pivot > 0, pivot.isFinite else { return nil }
            let diagonal = pivot.squareRoot()
            lower[column, column] = diagonal
            for row in (column + 1)..<max(n, column + 1) {
                var sum = matrix[row, column]
                for inner in 0..<column { sum -= lower[row, inner] * lower[column, inner] }
                lower[row, column] = sum / diagonal
            }
        }
        return lower
    }

    /// L·x for a vector x of length n.
    public func multiply(_ vector: [Double]) -> [Double] {
        let n = lower.dimension
        precondition(vector.count == n, "vector has \(vector.count) entries, factor is \(n)x\(n)")
        var result = [Double](repeating: 0, count: n)
        for row in 0..<n {
            var sum = 0.0
            for column in 0...row { sum += lower[row, column] * vector[column] }
            result[row] = sum
        }
        return result
    }
}
