public import SynthKitCore
public import SynthKitTable

/// The endless sequence of rows of a model that satisfy a ``ConstraintSet``, read in order.
///
/// Rows are produced in fixed blocks of ``blockRows``: block `b` draws candidate rows only from
/// `seed.derived("constraints.block", index: b)` and keeps those that satisfy every constraint
/// (`unique` across everything produced so far), by bounded rejection. So the rows depend only on
/// the model, the seed and their global index: reading them in batches of any size (`next(_:)`
/// repeatedly) gives exactly the rows of one large read, whatever the thread count.
///
/// The candidate source is a closure, so the same stream serves unconditioned sampling and
/// conditioned sampling (``ConstraintSet/sampleConditioned(_:conditions:seed:options:)``).
/// Expected cost O(rows / acceptance rate); at most `blockRows × maximumDrawsPerRow` candidates
/// per block, so an unsatisfiable set ends in an error naming the constraint that rejected most
/// rows, never a hang. A class, because a stream has identity: its read position.
public final class ConstrainedRowStream {
    /// Candidate rows: positions `range` of the candidate sequence of the block seed `seed`.
    /// (Untyped `throws`: errors other than ``SynthKitError`` become `.internalFailure`.)
    public typealias Source = (_ range: Range<Int>, _ seed: Seed) throws -> Table

    /// The number of rows of one block (part of the determinism contract).
    public static let blockRows = 1024

    /// The constraints every row satisfies.
    public let constraints: ConstraintSet
    /// The most candidates drawn per produced row before giving up.
    public let maximumDrawsPerRow: Int
    /// A description of the candidates for messages (e.g. the condition), or `nil`.
    public let context: String?
    let source: Source
    let seed: Seed
    var nextBlock = 0
    var pending: Table?
    var uniqueSeen: [String: Set<String>] = [:]
    var exhaustion: SynthKitError?
    var produced = 0
    /// Candidate rows examined so far (over every block).
    public private(set) var candidatesDrawn = 0
    /// Candidate rows kept so far; `1 − candidatesKept / candidatesDrawn` is the rejection rate.
    public private(set) var candidatesKept = 0
    /// When set, `id` columns are renumbered by global row (``renumberingIdentifiers(in:schema:offset:keeping:)``).
    var identifierSchema: Schema?
    var keptIdentifiers: Set<String> = []

    /// A stream over any candidate source.
    ///
    /// Pass the model's `schema` to have `id` columns renumbered by global row (except the
    /// columns in `keepingIdentifiers`, e.g. conditioned ones), so ids stay unique across blocks.
    public init(
        constraints: ConstraintSet, seed: Seed, maximumDrawsPerRow: Int = 100, context: String? = nil,
        schema: Schema? = nil, keepingIdentifiers: Set<String> = [], source: @escaping Source
    ) {
        self.constraints = constraints
        self.identifierSchema = schema
        self.keptIdentifiers = keepingIdentifiers
        self.seed = seed
        self.maximumDrawsPerRow = max(1, maximumDrawsPerRow)
        self.context = context
        self.source = source
    }

    /// A stream over the unconditioned rows of `model` (candidates are slices of the block seed's row sequence).
    public convenience init(constraints: ConstraintSet, model: any SynthesisModel, seed: Seed, threads: Int?, maximumDrawsPerRow: Int = 100) {
        self.init(constraints: constraints, seed: seed, maximumDrawsPerRow: maximumDrawsPerRow, schema: model.schema) { range, blockSeed in
            try model.sample(rows: range, seed: blockSeed, threads: threads)
        }
    }

    /// Candidate rows from the source, with its errors as ``SynthKitError``.
    func candidates(_ range: Range<Int>, _ blockSeed: Seed) throws(SynthKitError) -> Table {
        do {
            return try source(range, blockSeed)
        } catch let error as SynthKitError {
            throw error
        } catch {
            throw SynthKitError(.internalFailure, "the candidate rows could not be drawn", underlying: error)
        }
    }

    /// The next `count` rows of the sequence.
    /// - Throws: `.conditionUnsatisfiable` when the stream ended (a block ran out of budget)
    ///   before `count` rows; errors of the source.
    public func next(_ count: Int) throws(SynthKitError) -> Table {
        let rows = try next(upTo: count)
        if rows.rowCount < count, let exhaustion { throw exhaustion }
        return rows
    }

    /// The next `count` rows, or fewer when the stream ends first (a block ran out of budget;
    /// ``exhaustionMessage`` then says why).
    /// - Throws: errors of the source.
    public func next(upTo count: Int) throws(SynthKitError) -> Table {
        precondition(count >= 0, "cannot read \(count) rows")
        var parts: [Table] = []
        var remaining = count
        while remaining > 0 {
            let block: Table
            if let pending, pending.rowCount > 0 {
                block = pending
            } else if exhaustion != nil {
                break
            } else {
                block = try produceBlock()
                if block.rowCount == 0 { break }
            }
            let taken = min(remaining, block.rowCount)
            parts.append(block.gatheringRows(Array(0..<taken)))
            pending = block.gatheringRows(Array(taken..<block.rowCount))
            remaining -= taken
        }
        if parts.isEmpty { return try candidates(0..<0, seed) }
        var rows = parts.count == 1 ? parts[0] : try Table.concatenating(parts)
        if let identifierSchema {
            rows = renumberingIdentifiers(in: rows, schema: identifierSchema, offset: produced, keeping: keptIdentifiers)
        }
        produced += rows.rowCount
        return rows
    }

    /// Why the stream ended, or `nil` while it goes on.
    public var exhaustionMessage: String? { exhaustion?.message }

    /// Draws block `nextBlock` by rejection. A block that runs out of budget is returned with the
    /// rows it has and ends the stream (``exhaustion`` is thrown by the read that wants more).
    func produceBlock() throws(SynthKitError) -> Table {
        let rowCount = Self.blockRows
        let blockSeed = seed.derived("constraints.block", index: nextBlock)
        nextBlock += 1
        let budget = rowCount * maximumDrawsPerRow
        var kept: [Table] = []
        var keptCount = 0
        var drawn = 0
        var rejections = [Int](repeating: 0, count: constraints.constraints.count)
        while keptCount < rowCount && drawn < budget {
            let count = min(max(rowCount - keptCount, 1024) * 2, budget - drawn)
            let batch = try candidates(drawn..<(drawn + count), blockSeed)
            drawn += count
            var indices: [Int] = []
            for row in 0..<batch.rowCount where keptCount + indices.count < rowCount {
                candidatesDrawn += 1
                if accepts(row: row, of: batch, rejections: &rejections) { indices.append(row) }
            }
            keptCount += indices.count
            candidatesKept += indices.count
            kept.append(batch.gatheringRows(indices))
        }
        if keptCount < rowCount {
            let worst = rejections.indices.max { rejections[$0] < rejections[$1] } ?? 0
            let blame = constraints.constraints.isEmpty
                ? "the source produced too few rows"
                : "'\(constraints.constraints[worst].summary)' rejected \(rejections[worst]) of them"
            exhaustion = SynthKitError(
                .conditionUnsatisfiable,
                "only \(keptCount) of \(rowCount) rows\(context.map { " for \($0)" } ?? "") satisfied every constraint after drawing \(drawn) rows; "
                    + "\(blame). Relax it, or check that the model can produce such rows",
                location: .init(field: "constraints"))
        }
        return try Table.concatenating(kept)
    }

    /// Whether row `row` satisfies every constraint and is new for every `unique` column; records it when kept.
    func accepts(row: Int, of batch: Table, rejections: inout [Int]) -> Bool {
        var ok = true
        for (index, constraint) in constraints.constraints.enumerated() where !constraint.isSatisfied(row: row, table: batch) {
            rejections[index] += 1
            ok = false
        }
        guard ok else { return false }
        for (index, constraint) in constraints.constraints.enumerated() {
            guard case .unique(let column) = constraint, !isRenumbered(column), let value = batch[column]?.text(at: row) else { continue }
            if uniqueSeen[column]?.contains(value) == true {
                rejections[index] += 1
                return false
            }
        }
        for case .unique(let column) in constraints.constraints where !isRenumbered(column) {
            if let value = batch[column]?.text(at: row) { uniqueSeen[column, default: []].insert(value) }
        }
        return true
    }

    /// Whether `column` is an `id` column renumbered after acceptance (unique by construction).
    func isRenumbered(_ column: String) -> Bool {
        identifierSchema?[column]?.kind == .id && !keptIdentifiers.contains(column)
    }
}
