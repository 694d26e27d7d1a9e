import Synchronization
import SynthKitCore
import Testing

@Suite struct ParallelForTests {
    @Test func everyChunkRunsOnce() {
        let counts = Mutex([Int](repeating: 0, count: 37))
        parallelFor(chunkCount: 37, threads: 2) { chunk in counts.withLock { $0[chunk] += 1 } }
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 37))
    }

    @Test func chunkRangesCoverEverythingInOrder() {
        let ranges = chunkRanges(count: 10, chunkCount: 3)
        #expect(ranges == [0..<4, 4..<7, 7..<10])
        #expect(chunkRanges(count: 0, chunkCount: 2) == [0..<0, 0..<0])
    }

    @Test func resultsDoNotDependOnThreadCount() {
        func draw(threads: Int) -> [Double] {
            let output = Mutex([Double](repeating: 0, count: 8))
            parallelFor(chunkCount: 8, threads: threads) { chunk in
                var stream = Seed(9).derived("chunk", index: chunk).stream()
                let value = stream.nextNormal()
                output.withLock { $0[chunk] = value }
            }
            return output.withLock { $0 }
        }
        #expect(draw(threads: 1) == draw(threads: 2))
    }
}
