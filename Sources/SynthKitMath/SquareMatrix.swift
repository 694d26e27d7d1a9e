/// A dense square matrix of doubles, stored row-major. A value type.
///
/// Small (tens to a few hundred rows): correlation matrices, covariance factors.
public struct SquareMatrix: Sendable, Hashable, Codable {
    /// The number of rows (and columns).
    public let dimension: Int
    /// The entries, row-major: entry (row, column) is `values[row * dimension + column]`.
    public var values: [Double]

    /// Wraps row-major entries.
    /// - Precondition: `values.count == dimension * dimension`.
    public init(dimension: Int, values: [Double]) {
        precondition(dimension >= 0 && values.count == dimension * dimension,
                     "SquareMatrix(dimension: \(dimension)) needs \(dimension * dimension) values, got \(values.count)")
        self.dimension = dimension
        self.values = values
    }

    /// The identity matrix.
    public static func identity(_ dimension: Int) -> SquareMatrix {
        var values = [Double](repeating: 0, count: dimension * dimension)
        for index in 0..<dimension { values[index * dimension + index] = 1 }
        return SquareMatrix(dimension: dimension, values: values)
    }

    /// Entry (row, column).
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * dimension + column] }
        set { values[row * dimension + column] = newValue }
    }

    /// The largest absolute difference between entries of two matrices of the same size.
    public func maximumDifference(from other: SquareMatrix) -> Double {
        precondition(dimension == other.dimension, "dimensions differ: \(dimension) vs \(other.dimension)")
        var largest = 0.0
        for index in values.indices { largest = max(largest, abs(values[index] - other.values[index])) }
        return largest
    }

    /// The matrix product `self * other`. O(n³).
    public func multiplied(by other: SquareMatrix) -> SquareMatrix {
        precondition(dimension == other.dimension, "dimensions differ: \(dimension) vs \(other.dimension)")
        let n = dimension
        var result = [Double](repeating: 0, count: n * n)
        for row in 0..<n {
            for inner in 0..<n {
                let left = values[row * n + inner]
                if left == 0 { continue }
                for column in 0..<n { result[row * n + column] += left * other.values[inner * n + column] }
            }
        }
        return SquareMatrix(dimension: n, values: result)
    }

    /// The transpose.
    public var transposed: SquareMatrix {
        var result = self
        for row in 0..<dimension {
            for column in 0..<dimension { result[column, row] = self[row, column] }
        }
        return result
    }
}
