public import SynthKitCore
public import SynthKitTable

/// Rows a recursive loop trains on: something that can be subsampled and concatenated.
///
/// ``Table`` conforms; the reference generators use ``VectorSample`` and ``CategorySample``.
public protocol CollapsePool: Sendable {
    /// The number of rows.
    var rowCount: Int { get }
    /// The rows at `indices`, in that order.
    func gatheringRows(_ indices: [Int]) -> Self
    /// The rows of `pools`, one after another.
    /// - Throws: ``SynthKitError`` when the pools do not share a layout.
    static func concatenating(_ pools: [Self]) throws(SynthKitError) -> Self
}

extension Table: CollapsePool {}

extension CollapsePool {
    /// A uniform subsample of `count` rows without replacement (all rows when `count` is at
    /// least ``rowCount``), drawn by a partial Fisher-Yates shuffle from `seed`. O(rowCount).
    public func subsample(_ count: Int, seed: Seed) -> Self {
        precondition(count >= 0, "subsample size must be non-negative, got \(count)")
        guard count < rowCount else { return self }
        var indices = Array(0..<rowCount)
        var stream = seed.stream()
        for position in 0..<count {
            let chosen = position + stream.nextIndex(below: rowCount - position)
            indices.swapAt(position, chosen)
        }
        return gatheringRows(Array(indices[0..<count]))
    }
}
