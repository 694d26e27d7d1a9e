public import SynthKitCore
public import SynthKitTable

/// Distance to the closest record, as SDMetrics defines it
/// (`sdmetrics/single_table/privacy/dcr_utils.py:calculate_dcr`).
///
/// For a row x of the evaluated table and a row y of the reference table, the distance is the
/// mean over the columns typed numerical, datetime, categorical or boolean (present in both) of
/// - numerical/datetime: min(|x − y| / range, 1), range = max − min of the *reference* column
///   (when the range is 0: 1 if x ≠ y else 0); one value missing → 1, both missing → 0;
/// - categorical/boolean: 0 if equal (two missing values are equal), else 1.
/// DCR(x) = min over reference rows. This is a Gower-style L1 distance in [0, 1].
///
/// The search is exact, blocked by chunks of evaluated rows run in parallel. Each categorical
/// mismatch adds exactly 1/c, so reference rows with the same categorical codes are tried first,
/// then rows with one mismatch (hash lookups); only when neither yields a bound that excludes the
/// rest is every reference row scanned, with an early exit per candidate once its partial sum
/// reaches the best so far. Results do not depend on the thread count.
///
/// Complexity: O(n · m · c) worst case for n evaluated rows, m reference rows, c columns; usually
/// far less thanks to the early exit.
public struct DistanceToClosestRecord: Sendable {
    /// Column types; `nil` types columns by the reference table's storage.
    public var metadata: SDVMetadata?
    /// The most threads to use; `nil` uses every core.
    public var threads: Int?
    /// The one-mismatch candidate search runs only when the categorical columns have at most
    /// this many categories in all (tests set 0 to exercise the plain scan).
    package var oneMismatchCategoryLimit = 4096

    /// Creates the measurement.
    public init(metadata: SDVMetadata? = nil, threads: Int? = nil) {
        self.metadata = metadata
        self.threads = threads
    }

    /// DCR of every row of `dataset` against `reference`, in row order.
    /// - Throws: ``SynthKitError/Code/invalidInput`` when no column can be compared, or a
    ///   numerical column is not stored as numbers in both tables.
    public func distances(from dataset: Table, to reference: Table) throws(SynthKitError) -> [Double] {
        let layout = try DistanceLayout(
            dataset: dataset, reference: reference, metadata: metadata ?? SDVMetadata.inferred(from: reference),
            oneMismatchCategoryLimit: oneMismatchCategoryLimit)
        var results = [Double](repeating: 0, count: dataset.rowCount)
        guard dataset.rowCount > 0 else { return results }
        guard reference.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "the reference table for distances to closest records has no rows")
        }
        let chunkCount = max(1, min(dataset.rowCount, (dataset.rowCount + 127) / 128))
        let ranges = chunkRanges(count: dataset.rowCount, chunkCount: chunkCount)
        let output = UnsafeMutableBufferPointer<Double>.allocate(capacity: dataset.rowCount)
        defer { output.deallocate() }
        let sendableOutput = SendableBuffer(buffer: output)
        parallelFor(chunkCount: chunkCount, threads: threads) { chunk in
            for row in ranges[chunk] {
                sendableOutput.buffer[row] = layout.closestDistance(of: row)
            }
        }
        for row in 0..<dataset.rowCount { results[row] = output[row] }
        return results
    }
}

/// A buffer written by disjoint chunks of a `parallelFor`.
struct SendableBuffer: @unchecked Sendable {
    /// The shared storage; each chunk writes only its own indices.
    let buffer: UnsafeMutableBufferPointer<Double>
}
