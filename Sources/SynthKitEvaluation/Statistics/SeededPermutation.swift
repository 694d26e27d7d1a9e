import SynthKitCore

/// Seeded random permutations, for disjoint random splits of rows.
enum SeededPermutation {
    /// A Fisher–Yates permutation of 0..<count drawn from `seed`. O(count).
    static func of(count: Int, seed: Seed) -> [Int] {
        var order = Array(0..<count)
        var stream = seed.stream()
        for position in stride(from: count - 1, to: 0, by: -1) { order.swapAt(position, stream.nextIndex(below: position + 1)) }
        return order
    }
}
