/// The nearest correlation matrix in Frobenius norm: Higham's alternating projections.
///
/// Higham, "Computing the nearest correlation matrix: a problem from finance", IMA J. Numer.
/// Anal. 22 (2002), Algorithm 3.3 with Dykstra's correction: alternately project onto the
/// positive semi-definite cone (clip eigenvalues at zero) and onto unit-diagonal matrices.
/// A final eigenvalue floor (`minimumEigenvalue`) and rescaling to unit diagonal make the
/// result strictly positive definite, so its Cholesky factor exists. O(n³) per iteration.
public enum NearestCorrelation {
    /// Repairs `matrix` (symmetric, unit diagonal expected) into a positive-definite
    /// correlation matrix; returns the input unchanged when it already qualifies.
    ///
    /// - Parameters:
    ///   - minimumEigenvalue: the smallest eigenvalue allowed in the result.
    ///   - maximumIterations: the cap on alternating-projection steps.
    public static func repair(
        _ matrix: SquareMatrix, minimumEigenvalue: Double = 1e-6, maximumIterations: Int = 200
    ) -> SquareMatrix {
        let n = matrix.dimension
        if n == 0 { return matrix }
        var symmetric = matrix
        for row in 0..<n {
            symmetric[row, row] = 1
            for column in (row + 1)..<max(n, row + 1) {
                let average = 0.5 * (matrix[row, column] + matrix[column, row])
                symmetric[row, column] = average
                symmetric[column, row] = average
            }
        }
        if let smallest = SymmetricEigen(symmetric).eigenvalues.first, smallest >= minimumEigenvalue {
            return symmetric
        }
        var y = symmetric
        var correction = SquareMatrix(dimension: n, values: [Double](repeating: 0, count: n * n))
        for _ in 0..<maximumIterations {
            var r = y
            for index in r.values.indices { r.values[index] -= correction.values[index] }
            let x = SymmetricEigen(r).reconstructed { max($0, 0) }
            for index in r.values.indices { correction.values[index] = x.values[index] - r.values[index] }
            var next = x
            for index in 0..<n { next[index, index] = 1 }
            let change = next.maximumDifference(from: y)
            y = next
            if change < 1e-10 { break }
        }
        let floored = SymmetricEigen(y).reconstructed { max($0, minimumEigenvalue) }
        var result = floored
        for row in 0..<n {
            for column in 0..<n {
                result[row, column] = floored[row, column] / (floored[row, row] * floored[column, column]).squareRoot()
            }
        }
        return result
    }
}
