import Foundation
import SynthKitCore

/// A Gaussian kernel density estimate on encoded rows with a diagonal bandwidth:
/// p̂(x) = (1/n) Σᵢ Πⱼ φ((xⱼ − yᵢⱼ)/hⱼ)/hⱼ, hⱼ = f · max(σⱼ, 0.01), with Scott's factor
/// f = n^(−1/(d+4)) (scipy `gaussian_kde`'s default factor; the diagonal of its bandwidth
/// matrix, since one-hot columns make the full covariance singular).
///
/// Densities are computed in the log domain (a running log-sum-exp), so far-away queries give
/// finite, very negative values rather than 0.
///
/// Complexity: O(q · n · d) for q queries, parallel over query chunks, independent of the
/// thread count.
struct GaussianKernelDensity: Sendable {
    /// The sample, each feature divided by its bandwidth.
    private let scaledPoints: EncodedRows
    /// 1 / hⱼ.
    private let inverseBandwidths: [Double]
    /// −log n − Σⱼ log hⱼ − (d/2) log 2π.
    private let logNormalizer: Double

    /// Fits the estimate to `rows` (at least one row); `factor` overrides Scott's rule.
    init(fitting rows: EncodedRows, factor: Double? = nil) {
        precondition(rows.rowCount > 0, "a kernel density needs at least one row")
        let width = rows.width
        let count = Double(rows.rowCount)
        let bandwidthFactor = factor ?? Foundation.pow(count, -1 / Double(width + 4))
        var bandwidths: [Double] = []
        for feature in 0..<width {
            var mean = 0.0
            for row in 0..<rows.rowCount { mean += rows.values[row * width + feature] }
            mean /= count
            var squares = 0.0
            for row in 0..<rows.rowCount {
                let difference = rows.values[row * width + feature] - mean
                squares += difference * difference
            }
            let deviation = rows.rowCount > 1 ? (squares / (count - 1)).squareRoot() : 0
            bandwidths.append(bandwidthFactor * max(deviation, 0.01))
        }
        inverseBandwidths = bandwidths.map { 1 / $0 }
        var scaled = rows.values
        for index in scaled.indices { scaled[index] *= inverseBandwidths[index % max(1, width)] }
        scaledPoints = EncodedRows(rowCount: rows.rowCount, width: width, values: scaled)
        logNormalizer = -Foundation.log(count) - bandwidths.reduce(0) { $0 + Foundation.log($1) }
            - 0.5 * Double(width) * Foundation.log(2 * Double.pi)
    }

    /// log p̂ at each query row.
    func logDensities(at queries: EncodedRows, threads: Int?) -> [Double] {
        precondition(queries.width == scaledPoints.width, "encoded widths differ: \(queries.width) vs \(scaledPoints.width)")
        let count = queries.rowCount
        guard count > 0 else { return [] }
        let width = queries.width
        let output = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
        defer { output.deallocate() }
        let shared = SendableBuffer(buffer: output)
        let chunkCount = max(1, (count + 31) / 32)
        let ranges = chunkRanges(count: count, chunkCount: chunkCount)
        let points = scaledPoints
        let inverse = inverseBandwidths
        let normalizer = logNormalizer
        parallelFor(chunkCount: chunkCount, threads: threads) { chunk in
            var query = [Double](repeating: 0, count: width)
            points.values.withUnsafeBufferPointer { pointValues in
                for row in ranges[chunk] {
                    for feature in 0..<width { query[feature] = queries.values[row * width + feature] * inverse[feature] }
                    var largest = -Double.infinity
                    var sum = 0.0
                    for point in 0..<points.rowCount {
                        let base = point * width
                        var squared = 0.0
                        for feature in 0..<width {
                            let difference = query[feature] - pointValues[base + feature]
                            squared += difference * difference
                        }
                        let exponent = -0.5 * squared
                        if exponent > largest {
                            sum = sum * Foundation.exp(largest - exponent) + 1
                            largest = exponent
                        } else {
                            sum += Foundation.exp(exponent - largest)
                        }
                    }
                    shared.buffer[row] = largest + Foundation.log(sum) + normalizer
                }
            }
        }
        return Array(output)
    }
}
