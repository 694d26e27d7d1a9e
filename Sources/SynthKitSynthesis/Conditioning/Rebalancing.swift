public import SynthKitCore
public import SynthKitTable

/// A target distribution for one categorical column; the other columns keep their conditional
/// distribution given it.
///
/// Generating `n` rows allocates `n` among the categories by the largest-remainder method
/// (each gets `⌊share·n⌋`, the rows left go to the largest fractional parts, earlier categories
/// first on ties), so the output shares are exact to one row; each category's rows are drawn
/// conditioned on it (``ConstraintSet/sampleConditioned(_:conditions:seed:options:)``), then the
/// rows are shuffled with a seeded permutation. Written `sex=uniform` (every category of the
/// schema's domain equally) or `sex=Female:0.5,Male:0.5` (split at the first `=`, each entry at
/// its last `:`).
public struct Rebalancing: Hashable, Sendable {
    /// One category and its share of the rows.
    public struct Share: Hashable, Sendable {
        /// The category as CSV text.
        public var value: String
        /// Its share, in [0, 1].
        public var share: Double

        /// Creates a share.
        public init(value: String, share: Double) {
            self.value = value
            self.share = share
        }
    }

    /// The rebalanced column.
    public var column: String
    /// The target shares; `nil` means uniform over the schema's categories.
    public var shares: [Share]?

    /// Creates a rebalancing.
    public init(column: String, shares: [Share]?) {
        self.column = column
        self.shares = shares
    }

    /// Parses `column=uniform` or `column=value:share,value:share,...`.
    /// - Throws: `.invalidArgument`, located at field `rebalance`, for a malformed text or
    ///   shares that are negative or do not sum to 1 (within 1e-6).
    public static func parse(_ text: String) throws(SynthKitError) -> Rebalancing {
        func failure(_ message: String) -> SynthKitError {
            SynthKitError(.invalidArgument, "--rebalance '\(text)': \(message)", location: .init(field: "rebalance"))
        }
        guard let separator = text.firstIndex(of: "="), separator != text.startIndex else {
            throw failure("write column=uniform or column=value:share,value:share (e.g. sex=Female:0.5,Male:0.5)")
        }
        let column = String(text[..<separator])
        let target = String(text[text.index(after: separator)...])
        if target == "uniform" { return Rebalancing(column: column, shares: nil) }
        var shares: [Share] = []
        for entry in target.split(separator: ",", omittingEmptySubsequences: false) {
            guard let colon = entry.lastIndex(of: ":"), let share = Double(entry[entry.index(after: colon)...]), share.isFinite else {
                throw failure("'\(entry)' is not value:share with a number after the last ':'")
            }
            guard share >= 0 else { throw failure("the share of '\(entry[..<colon])' is negative (\(share))") }
            let value = String(entry[..<colon])
            guard !shares.contains(where: { $0.value == value }) else { throw failure("'\(value)' is given twice") }
            shares.append(Share(value: value, share: share))
        }
        let total = shares.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 1e-6 else { throw failure("the shares sum to \(total), not 1") }
        return Rebalancing(column: column, shares: shares)
    }

    /// The shares to generate, checked against `schema`.
    /// - Throws: `.invalidArgument` for an unknown column; `.unsupported` for a numerical,
    ///   datetime, id, pii or text column, or `uniform` without a category domain;
    ///   `.conditionUnsatisfiable` for a category outside the domain unless `allowsUnseen`.
    public func resolvedShares(schema: Schema, allowsUnseen: Bool) throws(SynthKitError) -> [Share] {
        let location = SynthKitError.Location(column: column, field: "rebalance")
        guard let description = schema[column] else {
            throw SynthKitError(
                .invalidArgument, "--rebalance names column '\(column)', which the model does not have; columns are \(schema.columnNames.joined(separator: ", "))",
                location: location)
        }
        guard description.kind == .categorical || description.kind == .boolean else {
            throw SynthKitError(
                .unsupported,
                "rebalancing a \(description.kind.rawValue) column is not supported; only categorical and boolean columns can be rebalanced "
                    + "(bin '\(column)' into a categorical column and fit on that)",
                location: location)
        }
        let domain = description.categories?.values
        guard let shares else {
            guard let domain, !domain.isEmpty else {
                throw SynthKitError(
                    .unsupported, "'\(column)=uniform' needs the categories of '\(column)' in the schema; give explicit shares instead",
                    location: location)
            }
            return domain.map { Share(value: $0, share: 1 / Double(domain.count)) }
        }
        if let domain, !allowsUnseen {
            let unknown = shares.map(\.value).filter { !domain.contains($0) }
            if !unknown.isEmpty {
                throw SynthKitError(
                    .conditionUnsatisfiable,
                    "column '\(column)' never held \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in the training data (its categories are "
                        + "\(domain.joined(separator: ", "))); fix the shares, or pass --allow-unseen to write them anyway",
                    location: location)
            }
        }
        return shares
    }

    /// Splits `rows` by `shares` with the largest-remainder method: exact to one row, summing to `rows`. O(k log k).
    public static func allocate(rows: Int, shares: [Double]) -> [Int] {
        let total = shares.reduce(0, +)
        guard total > 0, rows > 0 else { return shares.map { _ in 0 } }
        let quotas = shares.map { $0 / total * Double(rows) }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let left = rows - counts.reduce(0, +)
        let order = quotas.indices.sorted { (quotas[$0] - Double(counts[$0]), -$0) > (quotas[$1] - Double(counts[$1]), -$1) }
        for index in order.prefix(left) { counts[index] += 1 }
        return counts
    }

    /// `rows` rows with the target distribution, every other fixed assignment in `fixed` held
    /// in every row, shuffled by `seed.derived("rebalance.order")`. Deterministic for a seed,
    /// independent of threads.
    /// - Throws: the errors of ``resolvedShares(schema:allowsUnseen:)`` and of conditioned sampling.
    public func sample(
        _ model: any SynthesisModel, rows: Int, fixed: [Condition.Assignment] = [], constraints: ConstraintSet = ConstraintSet(constraints: []),
        seed: Seed, options: ConditioningOptions
    ) throws(SynthKitError) -> ConditionalSample {
        if fixed.contains(where: { $0.column == column }) {
            throw SynthKitError(
                .invalidArgument, "column '\(column)' is both rebalanced and fixed by a condition; choose one",
                location: .init(column: column, field: "rebalance"))
        }
        let shares = try resolvedShares(schema: model.schema, allowsUnseen: options.allowsUnseen)
        let counts = Self.allocate(rows: rows, shares: shares.map(\.share))
        let conditions = zip(shares, counts).map { share, count in
            Condition(assignments: fixed + [.init(column: column, value: share.value)], rowCount: count)
        }
        let drawn = try constraints.sampleConditioned(model, conditions: conditions, seed: seed, options: options)
        var order = Array(0..<drawn.table.rowCount)
        var stream = seed.derived("rebalance.order").stream()
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, stream.nextIndex(below: index + 1))
        }
        return ConditionalSample(
            table: drawn.table.gatheringRows(order), producedRows: drawn.producedRows,
            requestedRows: drawn.requestedRows, method: drawn.method)
    }
}
