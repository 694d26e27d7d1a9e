import Foundation
import SynthKitCore
import SynthKitSynthesis
import SynthKitTable

/// The chunked row sequence shared by the deep models (the ``SynthesisModel`` determinism
/// contract): chunk i of ``SynthesisModel/sampleChunkRows`` rows is generated whole from
/// `seed.derived("sample.chunk", index: i)`, and a requested range keeps its rows of the
/// chunks it overlaps, so results depend neither on the thread count nor on batching.
enum ChunkedSampling {
    /// Rows `range` of the sequence; `generate(rows, stream, firstRow)` makes one whole chunk.
    /// Parallel over chunks with at most `threads` threads.
    static func sample(
        rows range: Range<Int>, seed: Seed, threads: Int?, chunkRows: Int, label: String,
        generate: @Sendable (Int, inout RandomStream, Int) -> Table
    ) throws(SynthKitError) -> Table {
        let count = range.count
        guard count <= Int(Int32.max) else {
            throw SynthKitError(
                .invalidArgument, "cannot sample \(count) rows at once; sample at most \(Int32.max) rows per call and write batches",
                location: .init(field: "count"))
        }
        guard count > 0 else {
            var stream = seed.stream()
            return generate(0, &stream, range.lowerBound)
        }
        let firstChunk = range.lowerBound / chunkRows
        let chunkCount = (range.upperBound - 1) / chunkRows - firstChunk + 1
        let results = ChunkTables(count: chunkCount)
        parallelFor(chunkCount: chunkCount, threads: threads) { offset in
            let chunk = firstChunk + offset
            let chunkStart = chunk * chunkRows
            let keepStart = max(chunkStart, range.lowerBound)
            let keepEnd = min(chunkStart + chunkRows, range.upperBound)
            var stream = seed.derived(label, index: chunk).stream()
            let table = generate(chunkRows, &stream, chunkStart)
            results.store(table.gatheringRows(Array((keepStart - chunkStart)..<(keepEnd - chunkStart))), at: offset)
        }
        return try Table.concatenating(results.tables())
    }
}

/// Per-chunk results written by `parallelFor` workers, each index by one worker.
final class ChunkTables: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Table?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func store(_ table: Table, at index: Int) {
        lock.lock()
        storage[index] = table
        lock.unlock()
    }

    func tables() -> [Table] {
        lock.lock()
        defer { lock.unlock() }
        return storage.compactMap { $0 }
    }
}
