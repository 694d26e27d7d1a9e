import SynthKitCore
import SynthKitMath

/// Draws latent vectors z ~ N(0, R) conditioned on z lying in a region per constrained
/// coordinate: the exact conditional of the Gaussian copula given category or value conditions.
///
/// Coordinates split into points P (unrounded numbers: fixed values), regions C (intervals or
/// unions: categories, rounded numbers, missing indicators) and free F.
/// 1. Given z_P, z_C ~ N(m, S) with m = R_CP R_PP⁻¹ z_P, S = R_CC − R_CP R_PP⁻¹ R_PC, truncated
///    to the regions. One region is drawn exactly by inverse CDF; several correlated regions by
///    Gibbs sampling (Geweke 1991; Robert 1995): coordinate i given the others is
///    N(mᵢ − Σⱼ Qᵢⱼ(zⱼ − mⱼ)/Qᵢᵢ, 1/Qᵢᵢ) with Q = S⁻¹, truncated to its region, ``gibbsSweeps``
///    sweeps per row from an independent truncated start.
/// 2. z_F | z_K ~ N(A z_K, R_FF − A R_KF) with K = P ∪ C and A = R_FK R_KK⁻¹ (Cholesky).
/// Set-up O(d³); per row O(sweeps·|C|² + |F|·d).
struct ConditionalGaussianSampler: Sendable {
    let dimension: Int
    let pointIndices: [Int]
    let pointValues: [Double]
    let regionIndices: [Int]
    let regions: [LatentRegion]
    let regionMean: [Double]
    let regionPrecision: [Double]
    let regionStandardDeviation: [Double]
    let freeIndices: [Int]
    let freeWeights: [Double]
    let freeFactor: [Double]
    let gibbsSweeps: Int

    /// Prepares the conditional for `constraints` (latent index -> region) under correlation `correlation`.
    /// Returns `nil` when a conditional covariance is numerically singular.
    init?(correlation: SquareMatrix, constraints: [Int: LatentRegion], gibbsSweeps: Int = 40) {
        dimension = correlation.dimension
        let sortedIndices = constraints.keys.sorted()
        pointIndices = sortedIndices.filter { constraints[$0]?.point != nil }
        pointValues = pointIndices.map { constraints[$0]?.point ?? 0 }
        regionIndices = sortedIndices.filter { constraints[$0]?.point == nil }
        regions = regionIndices.map { constraints[$0] ?? LatentRegion(lower: -.infinity, upper: .infinity) }
        freeIndices = (0..<correlation.dimension).filter { constraints[$0] == nil }
        self.gibbsSweeps = regionIndices.count > 1 ? gibbsSweeps : 0

        func block(_ rows: [Int], _ columns: [Int]) -> [Double] {
            rows.flatMap { row in columns.map { correlation[row, $0] } }
        }
        // z_C | z_P.
        let points = pointIndices.count
        let regionCount = regionIndices.count
        var mean = [Double](repeating: 0, count: regionCount)
        var covariance = block(regionIndices, regionIndices)
        if points > 0, regionCount > 0 {
            guard let pointInverse = Self.inverse(block(pointIndices, pointIndices), points) else { return nil }
            let cross = block(regionIndices, pointIndices)
            let weights = Self.multiply(cross, pointInverse, regionCount, points, points)
            mean = Self.multiply(weights, pointValues, regionCount, points, 1)
            let reduction = Self.multiply(weights, Self.transpose(cross, regionCount, points), regionCount, points, regionCount)
            for index in covariance.indices { covariance[index] -= reduction[index] }
        }
        regionMean = mean
        regionStandardDeviation = (0..<regionCount).map { max(covariance[$0 * regionCount + $0], 1e-12).squareRoot() }
        if regionCount > 0 {
            guard let precision = Self.inverse(covariance, regionCount) else { return nil }
            regionPrecision = precision
        } else {
            regionPrecision = []
        }
        // z_F | z_K, K = P then C.
        let known = pointIndices + regionIndices
        let free = freeIndices.count
        if free > 0, !known.isEmpty {
            guard let knownInverse = Self.inverse(block(known, known), known.count) else { return nil }
            let cross = block(freeIndices, known)
            let weights = Self.multiply(cross, knownInverse, free, known.count, known.count)
            var residual = block(freeIndices, freeIndices)
            let reduction = Self.multiply(weights, Self.transpose(cross, free, known.count), free, known.count, free)
            for index in residual.indices { residual[index] -= reduction[index] }
            guard let factor = Cholesky.factor(SquareMatrix(dimension: free, values: residual)) else { return nil }
            freeWeights = weights
            freeFactor = factor.lower.values
        } else {
            freeWeights = []
            let factor = free > 0 ? Cholesky.factor(SquareMatrix(dimension: free, values: block(freeIndices, freeIndices))) : nil
            freeFactor = factor?.lower.values ?? []
        }
    }

    /// `rows` latent vectors, row-major (rows × dimension), from one stream.
    func draw(rows: Int, seed: Seed) -> [Double] {
        var stream = seed.stream()
        var latent = [Double](repeating: 0, count: rows * dimension)
        let regionCount = regionIndices.count
        let free = freeIndices.count
        var regionValues = [Double](repeating: 0, count: regionCount)
        var known = [Double](repeating: 0, count: pointIndices.count + regionCount)
        var noise = [Double](repeating: 0, count: free)
        for row in 0..<rows {
            for index in 0..<regionCount {
                regionValues[index] = regions[index].draw(mean: regionMean[index], standardDeviation: regionStandardDeviation[index], stream: &stream)
            }
            for _ in 0..<gibbsSweeps {
                for index in 0..<regionCount {
                    let diagonal = regionPrecision[index * regionCount + index]
                    var shift = 0.0
                    for other in 0..<regionCount where other != index {
                        shift += regionPrecision[index * regionCount + other] * (regionValues[other] - regionMean[other])
                    }
                    regionValues[index] = regions[index].draw(
                        mean: regionMean[index] - shift / diagonal, standardDeviation: (1 / diagonal).squareRoot(), stream: &stream)
                }
            }
            let base = row * dimension
            for (position, index) in pointIndices.enumerated() {
                latent[base + index] = pointValues[position]
                known[position] = pointValues[position]
            }
            for (position, index) in regionIndices.enumerated() {
                latent[base + index] = regionValues[position]
                known[pointIndices.count + position] = regionValues[position]
            }
            for index in 0..<free { noise[index] = stream.nextNormal() }
            for target in 0..<free {
                var sum = 0.0
                if !freeWeights.isEmpty {
                    for source in known.indices { sum += freeWeights[target * known.count + source] * known[source] }
                }
                for source in 0...target { sum += freeFactor[target * free + source] * noise[source] }
                latent[base + freeIndices[target]] = sum
            }
        }
        return latent
    }

    /// The inverse of a symmetric positive-definite n × n matrix via Cholesky, or `nil`.
    static func inverse(_ matrix: [Double], _ size: Int) -> [Double]? {
        guard let factor = Cholesky.factor(SquareMatrix(dimension: size, values: matrix)) else { return nil }
        let lower = factor.lower.values
        var result = [Double](repeating: 0, count: size * size)
        var column = [Double](repeating: 0, count: size)
        for unit in 0..<size {
            for index in 0..<size {
                var sum = index == unit ? 1.0 : 0.0
                for inner in 0..<index { sum -= lower[index * size + inner] * column[inner] }
                column[index] = sum / lower[index * size + index]
            }
            for index in stride(from: size - 1, through: 0, by: -1) {
                var sum = column[index]
                for inner in (index + 1)..<size { sum -= lower[inner * size + index] * column[inner] }
                column[index] = sum / lower[index * size + index]
            }
            for index in 0..<size { result[index * size + unit] = column[index] }
        }
        return result.allSatisfy(\.isFinite) ? result : nil
    }

    /// (rows × inner) · (inner × columns), row-major.
    static func multiply(_ left: [Double], _ right: [Double], _ rows: Int, _ inner: Int, _ columns: Int) -> [Double] {
        var result = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for middle in 0..<inner {
                let value = left[row * inner + middle]
                for column in 0..<columns { result[row * columns + column] += value * right[middle * columns + column] }
            }
        }
        return result
    }

    /// The transpose of a rows × columns matrix.
    static func transpose(_ matrix: [Double], _ rows: Int, _ columns: Int) -> [Double] {
        var result = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns { result[column * rows + row] = matrix[row * columns + column] }
        }
        return result
    }
}
