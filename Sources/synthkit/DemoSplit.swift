import SynthKit

/// A seeded random split of a table into training and holdout rows.
enum DemoSplit {
    /// Shuffles row indices with `seed` and cuts off `holdoutShare` of them (rows keep their
    /// original order within each part).
    static func split(_ table: Table, holdoutShare: Double, seed: Seed) -> (train: Table, holdout: Table) {
        var stream = seed.stream()
        var indices = Array(0..<table.rowCount)
        indices.shuffle(using: &stream)
        let holdoutCount = Int((Double(table.rowCount) * holdoutShare).rounded())
        let holdout = indices.prefix(holdoutCount).sorted()
        let train = indices.dropFirst(holdoutCount).sorted()
        return (table.gatheringRows(train), table.gatheringRows(holdout))
    }
}
