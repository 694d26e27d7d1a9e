/// The eigendecomposition of a symmetric matrix, A = V diag(λ) Vᵀ, by cyclic Jacobi rotations.
///
/// Golub & Van Loan, Matrix Computations 4th ed. §8.5.2 (cyclic Jacobi with the stable
/// rotation of Rutishauser). Each sweep costs O(n³); convergence is quadratic and typically
/// takes 6-10 sweeps. Suitable for n up to about 100; eigenvalues are sorted ascending.
public struct SymmetricEigen: Sendable {
    /// The eigenvalues, ascending.
    public let eigenvalues: [Double]
    /// The eigenvectors as columns: column k of `eigenvectors` belongs to `eigenvalues[k]`.
    public let eigenvectors: SquareMatrix

    /// Decomposes a symmetric matrix (only symmetry up to rounding is assumed).
    public init(_ matrix: SquareMatrix) {
        let n = matrix.dimension
        var a = matrix
        var v = SquareMatrix.identity(n)
        for _ in 0..<100 {
            var offDiagonal = 0.0
            for row in 0..<n { for column in (row + 1)..<max(n, row + 1) { offDiagonal += a[row, column] * a[row, column] } }
            var scale = 0.0
            for index in 0..<n { scale += a[index, index] * a[index, index] }
            if offDiagonal <= 1e-30 * max(scale, 1e-300) { break }
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) {
                    let apq = a[p, q]
                    if abs(apq) < 1e-300 { continue }
                    let theta = (a[q, q] - a[p, p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let akp = a[k, p]
                        let akq = a[k, q]
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p, k]
                        let aqk = a[q, k]
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k, p]
                        let vkq = v[k, q]
                        v[k, p] = c * vkp - s * vkq
                        v[k, q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0, $0] < a[$1, $1] }
        eigenvalues = order.map { a[$0, $0] }
        var sortedVectors = SquareMatrix.identity(n)
        for (target, source) in order.enumerated() {
            for row in 0..<n { sortedVectors[row, target] = v[row, source] }
        }
        eigenvectors = sortedVectors
    }

    /// V diag(f(λ)) Vᵀ: the matrix with the same eigenvectors and transformed eigenvalues.
    public func reconstructed(mapping transform: (Double) -> Double) -> SquareMatrix {
        let n = eigenvalues.count
        let mapped = eigenvalues.map(transform)
        var result = SquareMatrix(dimension: n, values: [Double](repeating: 0, count: n * n))
        for row in 0..<n {
            for column in row..<n {
                var sum = 0.0
                for k in 0..<n { sum += eigenvectors[row, k] * mapped[k] * eigenvectors[column, k] }
                result[row, column] = sum
                result[column, row] = sum
            }
        }
        return result
    }
}
