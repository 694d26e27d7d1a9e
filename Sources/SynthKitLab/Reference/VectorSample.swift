public import SynthKitCore

/// Rows of `dimension` real numbers, stored row-major: the pool of the reference generators
/// ``GaussianRefit`` and ``KernelDensityRefit``.
public struct VectorSample: CollapsePool, Hashable {
    /// Numbers per row.
    public let dimension: Int
    /// `rowCount × dimension` numbers, row after row.
    public let values: [Double]

    /// Wraps row-major values; `values.count` must be a multiple of `dimension`.
    public init(dimension: Int, values: [Double]) {
        precondition(dimension >= 1 && values.count % dimension == 0,
                     "VectorSample needs dimension >= 1 dividing \(values.count) values, got \(dimension)")
        self.dimension = dimension
        self.values = values
    }

    /// The number of rows.
    public var rowCount: Int { values.count / dimension }

    /// The rows at `indices`.
    public func gatheringRows(_ indices: [Int]) -> VectorSample {
        var gathered: [Double] = []
        gathered.reserveCapacity(indices.count * dimension)
        for row in indices { gathered += values[(row * dimension)..<((row + 1) * dimension)] }
        return VectorSample(dimension: dimension, values: gathered)
    }

    /// The rows of `pools`, one after another.
    /// - Throws: `.invalidInput` when the dimensions differ.
    public static func concatenating(_ pools: [VectorSample]) throws(SynthKitError) -> VectorSample {
        guard let first = pools.first else {
            throw SynthKitError(.invalidInput, "cannot concatenate zero vector samples")
        }
        guard pools.allSatisfy({ $0.dimension == first.dimension }) else {
            throw SynthKitError(.invalidInput, "vector samples to concatenate have dimensions \(pools.map(\.dimension))")
        }
        return VectorSample(dimension: first.dimension, values: pools.flatMap(\.values))
    }

    /// `count` draws of a standard normal vector, from `seed`.
    public static func standardNormal(dimension: Int, count: Int, seed: Seed) -> VectorSample {
        var stream = seed.stream()
        return VectorSample(dimension: dimension, values: (0..<(count * dimension)).map { _ in stream.nextNormal() })
    }
}
