public import SynthKitCore

/// Rows of one categorical value, codes `0..<levelCount`: the pool of ``CategoricalRefit``.
public struct CategorySample: CollapsePool, Hashable {
    /// The number of possible categories.
    public let levelCount: Int
    /// One code per row, each in `0..<levelCount`.
    public let codes: [Int32]

    /// Wraps codes.
    public init(levelCount: Int, codes: [Int32]) {
        precondition(levelCount >= 1, "a category sample needs at least one level, got \(levelCount)")
        self.levelCount = levelCount
        self.codes = codes
    }

    /// The number of rows.
    public var rowCount: Int { codes.count }

    /// The rows at `indices`.
    public func gatheringRows(_ indices: [Int]) -> CategorySample {
        CategorySample(levelCount: levelCount, codes: indices.map { codes[$0] })
    }

    /// The rows of `pools`, one after another.
    /// - Throws: `.invalidInput` when the level counts differ or there is nothing to join.
    public static func concatenating(_ pools: [CategorySample]) throws(SynthKitError) -> CategorySample {
        guard let first = pools.first, pools.allSatisfy({ $0.levelCount == first.levelCount }) else {
            throw SynthKitError(.invalidInput, "category samples to concatenate have level counts \(pools.map(\.levelCount))")
        }
        return CategorySample(levelCount: first.levelCount, codes: pools.flatMap(\.codes))
    }

    /// The share of each category.
    public var frequencies: [Double] {
        var counts = [Double](repeating: 0, count: levelCount)
        for code in codes { counts[Int(code)] += 1 }
        let total = Double(max(1, codes.count))
        return counts.map { $0 / total }
    }

    /// `count` independent draws from `probabilities`, from `seed` (inverse CDF with binary search).
    public static func drawing(_ probabilities: [Double], count: Int, seed: Seed) -> CategorySample {
        var cumulative: [Double] = []
        cumulative.reserveCapacity(probabilities.count)
        var running = 0.0
        for probability in probabilities {
            running += probability
            cumulative.append(running)
        }
        var stream = seed.stream()
        var codes = [Int32](repeating: 0, count: count)
        let last = probabilities.count - 1
        for row in 0..<count {
            let target = stream.nextUniform() * running
            var low = 0, high = last
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > target { high = middle } else { low = middle + 1 }
            }
            codes[row] = Int32(low)
        }
        return CategorySample(levelCount: probabilities.count, codes: codes)
    }
}
