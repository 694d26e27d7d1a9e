import Dispatch

/// Runs `body` once for each chunk index in `0..<chunkCount`, spreading chunks across cores.
///
/// Determinism contract: the *partition* of work is the caller's (fixed chunk counts, one
/// derived seed per chunk), never the thread count's, so results do not depend on how many
/// threads run. `threads == 1` (or one chunk) runs inline on the calling thread in index order.
/// Chunks are claimed dynamically; `body` must write only to its own chunk's output.
///
/// - Parameters:
///   - chunkCount: how many independent pieces of work there are.
///   - threads: the most threads to use; `nil` means every active core.
///   - body: the work for one chunk; it must be safe to run concurrently with other chunks.
public func parallelFor(
    chunkCount: Int, threads: Int? = nil, _ body: @Sendable (_ chunk: Int) -> Void
) {
    precondition(chunkCount >= 0, "parallelFor needs a non-negative chunk count, got \(chunkCount)")
    let workers = min(chunkCount, max(1, threads ?? ParallelismDefaults.threadCount))
    if workers <= 1 {
        for chunk in 0..<chunkCount { body(chunk) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in body(chunk) }
}

/// Splits `0..<count` into `chunkCount` contiguous, nearly equal ranges.
///
/// The split depends only on `count` and `chunkCount`, so callers that derive one seed per
/// chunk get results independent of the thread count.
public func chunkRanges(count: Int, chunkCount: Int) -> [Range<Int>] {
    precondition(count >= 0 && chunkCount > 0, "chunkRanges(count: \(count), chunkCount: \(chunkCount))")
    let base = count / chunkCount
    let remainder = count % chunkCount
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(chunkCount)
    var start = 0
    for index in 0..<chunkCount {
        let length = base + (index < remainder ? 1 : 0)
        ranges.append(start..<(start + length))
        start += length
    }
    return ranges
}

/// Process-wide defaults for parallel work.
public enum ParallelismDefaults {
    /// The active processor count, overridable with the `SYNTHKIT_THREADS` environment variable.
    public static var threadCount: Int {
        if let text = ProcessEnvironment.value(of: "SYNTHKIT_THREADS"), let value = Int(text), value > 0 {
            return value
        }
        return ProcessEnvironment.activeProcessorCount
    }
}
