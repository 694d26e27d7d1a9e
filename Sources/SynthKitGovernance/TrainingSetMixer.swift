public import SynthKitCore
public import SynthKitTable

/// Builds a training set from real and synthetic tables within caps on synthetic share and
/// generation depth, or refuses saying what the mix would have been.
///
/// Without a row count every low-share (real) row is kept and each synthetic part is scaled by
/// the same fraction f = c·R / (M − c·H) when the whole would exceed the cap c (R real rows, H
/// synthetic rows carrying share mass M = Σ nᵢ·sᵢ). With a row count N, real rows come first
/// (a seeded sample of N when there are more), synthetic rows fill the rest in proportion to
/// part sizes; a share above the cap, or fewer rows than N, is a refusal. Rows are chosen with a
/// seeded partial Fisher-Yates shuffle per part and kept in file order: the same seed gives the
/// same rows. O(total rows).
public enum TrainingSetMixer {
    /// One input table with what is known about it.
    public struct Part: Sendable {
        /// The file it came from (for messages).
        public var path: String
        /// Its rows.
        public var table: Table
        /// Its origin, depth and share.
        public var facts: DatasetFacts

        /// Creates a part.
        public init(path: String, table: Table, facts: DatasetFacts) {
            self.path = path
            self.table = table
            self.facts = facts
        }
    }

    /// The caps and size of a mix.
    public struct Caps: Sendable, Hashable {
        /// The largest allowed synthetic share, in [0, 1].
        public var maxSyntheticShare: Double
        /// The largest allowed generation depth, or `nil` for no cap.
        public var maxGenerationDepth: Int?
        /// The exact number of rows wanted, or `nil` for as many as the caps allow.
        public var rows: Int?

        /// Creates caps.
        public init(maxSyntheticShare: Double, maxGenerationDepth: Int? = nil, rows: Int? = nil) {
            self.maxSyntheticShare = maxSyntheticShare
            self.maxGenerationDepth = maxGenerationDepth
            self.rows = rows
        }
    }

    /// How many rows each part contributes and what the mix is.
    public struct Plan: Sendable, Hashable {
        /// Rows taken from each part, in input order.
        public var counts: [Int]
        /// The mix's depth and share.
        public var facts: DatasetFacts
    }

    /// The per-part row counts for `caps`.
    /// - Throws: `.invalidInput` (a refusal the data causes) stating the share or depth the mix
    ///   would have had, or the shortfall of rows.
    public static func plan(sizes: [Int], facts: [DatasetFacts], paths: [String], caps: Caps) throws(SynthKitError) -> Plan {
        for (index, fact) in facts.enumerated() where sizes[index] > 0 {
            guard fact.syntheticShare != nil else {
                throw SynthKitError(.invalidInput, "the synthetic share of this file is unknown; declare it with --real or --synthetic", location: .init(file: paths[index]))
            }
            guard let cap = caps.maxGenerationDepth, (fact.syntheticShare ?? 0) > 0 else { continue }
            guard let depth = fact.generationDepth else {
                throw SynthKitError(
                    .invalidInput,
                    "refused: the generation depth of this file is unknown (the ledger has no record of it), so the mix cannot be shown to stay within --max-generation-depth \(cap)",
                    location: .init(file: paths[index]))
            }
            if depth > cap {
                throw SynthKitError(
                    .invalidInput, "refused: the mix would have generation depth \(depth) (from this file), above --max-generation-depth \(cap)",
                    location: .init(file: paths[index]))
            }
        }
        let shares = facts.map { $0.syntheticShare ?? 0 }
        let low = sizes.indices.filter { shares[$0] <= 0 }
        let high = sizes.indices.filter { shares[$0] > 0 }
        let realRows = low.reduce(0) { $0 + sizes[$1] }
        let syntheticRows = high.reduce(0) { $0 + sizes[$1] }
        let mass = high.reduce(0.0) { $0 + Double(sizes[$1]) * shares[$1] }
        let cap = caps.maxSyntheticShare
        var counts = [Int](repeating: 0, count: sizes.count)
        if let wanted = caps.rows {
            guard wanted <= realRows + syntheticRows else {
                throw SynthKitError(.invalidInput, "refused: --rows \(wanted) asked for, but the inputs hold only \(realRows + syntheticRows) rows")
            }
            let realTaken = min(realRows, wanted)
            for (index, count) in zip(low, allocate(realTaken, among: low.map { sizes[$0] })) { counts[index] = count }
            for (index, count) in zip(high, allocate(wanted - realTaken, among: high.map { sizes[$0] })) { counts[index] = count }
        } else if mass <= cap * Double(realRows + syntheticRows) {
            counts = sizes
        } else {
            let fraction = max(0, cap * Double(realRows) / (mass - cap * Double(syntheticRows)))
            for index in low { counts[index] = sizes[index] }
            for index in high { counts[index] = Int((fraction * Double(sizes[index])).rounded(.down)) }
        }
        let mixed = DatasetFacts.mixing(facts.indices.map { (facts[$0], counts[$0]) })
        let total = counts.reduce(0, +)
        if total == 0 {
            throw SynthKitError(
                .invalidInput,
                "refused: there are no real rows, so every row of the mix would be synthetic (share 1.0), above --max-synthetic-share \(cap)")
        }
        if let share = mixed.syntheticShare, share > cap + 1e-12 {
            throw SynthKitError(
                .invalidInput,
                "refused: the mix would have synthetic share \(Ledger.format(share)) (\(total) rows), above --max-synthetic-share \(cap); "
                    + "lower --rows or add real rows")
        }
        return Plan(counts: counts, facts: mixed)
    }

    /// Builds the mixed table: a seeded choice of rows from each part, parts in order, with an
    /// optional column naming each row's origin (`real`, `synthetic`, `mixed`).
    /// - Throws: located `.invalidSchema` when a part's columns differ from the first part's, and
    ///   the refusals of ``plan(sizes:facts:paths:caps:)``.
    public static func mix(
        _ parts: [Part], caps: Caps, seed: Seed, provenanceColumn: String?
    ) throws(SynthKitError) -> (table: Table, plan: Plan) {
        guard let first = parts.first else {
            throw SynthKitError(.invalidArgument, "give at least one --real or --synthetic input")
        }
        for part in parts.dropFirst() where part.table.columnNames != first.table.columnNames {
            let missing = Set(first.table.columnNames).symmetricDifference(part.table.columnNames).sorted()
            throw SynthKitError(
                .invalidSchema,
                "the columns differ from \(first.path)'s: \(part.table.columnNames) vs \(first.table.columnNames)",
                location: .init(file: part.path, column: missing.first ?? part.table.columnNames.first))
        }
        let plan = try plan(
            sizes: parts.map(\.table.rowCount), facts: parts.map(\.facts), paths: parts.map(\.path), caps: caps)
        var pieces: [Table] = []
        for (index, part) in parts.enumerated() where plan.counts[index] > 0 {
            var piece = part.table.gatheringRows(choose(plan.counts[index], of: part.table.rowCount, seed: seed.derived("mix.part", index: index)))
            if let provenanceColumn {
                let label = part.facts.origin.rawValue
                piece = try Table(columns: piece.columns + [Column(name: provenanceColumn, strings: Array(repeating: label, count: piece.rowCount))])
            }
            pieces.append(piece)
        }
        return (try Table.concatenating(pieces), plan)
    }

    /// Largest-remainder split of `total` in proportion to `sizes`, never above a size.
    static func allocate(_ total: Int, among sizes: [Int]) -> [Int] {
        let sum = sizes.reduce(0, +)
        guard sum > 0, total > 0 else { return sizes.map { _ in 0 } }
        var counts = sizes.map { Int((Double(total) * Double($0) / Double(sum)).rounded(.down)) }
        var order = sizes.indices.sorted { first, second in
            let left = Double(total) * Double(sizes[first]) / Double(sum) - Double(counts[first])
            let right = Double(total) * Double(sizes[second]) / Double(sum) - Double(counts[second])
            return left != right ? left > right : first < second
        }
        var remaining = total - counts.reduce(0, +)
        while remaining > 0, !order.isEmpty {
            let index = order.removeFirst()
            if counts[index] < sizes[index] {
                counts[index] += 1
                remaining -= 1
            }
        }
        return counts
    }

    /// `count` distinct indices below `size`, chosen by a seeded partial Fisher-Yates shuffle, ascending.
    static func choose(_ count: Int, of size: Int, seed: Seed) -> [Int] {
        precondition(count <= size, "cannot choose \(count) rows of \(size)")
        if count == size { return Array(0..<size) }
        var indices = Array(0..<size)
        var stream = seed.stream()
        for position in 0..<count {
            let pick = position + stream.nextIndex(below: size - position)
            indices.swapAt(position, pick)
        }
        return indices[0..<count].sorted()
    }
}
