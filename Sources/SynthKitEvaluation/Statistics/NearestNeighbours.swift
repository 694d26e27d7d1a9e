import SynthKitCore

/// Exact k-nearest-neighbour Euclidean distances between encoded rows, by blocked brute force.
///
/// Query rows are split into chunks processed in parallel; each query keeps its k smallest
/// squared distances in a small sorted buffer. Results do not depend on the thread count.
///
/// Complexity: O(n · m · d) for n queries, m reference rows, d features; O(n · k) memory.
enum NearestNeighbours {
    /// The `k` smallest Euclidean distances from each query row to the reference rows, ascending
    /// (row-major, `k` per query). With `excludingSameIndex` (queries and reference the same set)
    /// a row is not its own neighbour. Missing neighbours (reference smaller than k) are +∞.
    static func distances(
        from queries: EncodedRows, to reference: EncodedRows, k: Int, excludingSameIndex: Bool = false, threads: Int? = nil
    ) -> [Double] {
        precondition(k > 0, "k must be positive, got \(k)")
        precondition(queries.width == reference.width, "encoded widths differ: \(queries.width) vs \(reference.width)")
        let count = queries.rowCount
        guard count > 0 else { return [] }
        let output = UnsafeMutableBufferPointer<Double>.allocate(capacity: count * k)
        defer { output.deallocate() }
        let shared = SendableBuffer(buffer: output)
        let chunkCount = max(1, (count + 63) / 64)
        let ranges = chunkRanges(count: count, chunkCount: chunkCount)
        let width = queries.width
        parallelFor(chunkCount: chunkCount, threads: threads) { chunk in
            var best = [Double](repeating: .infinity, count: k)
            queries.values.withUnsafeBufferPointer { queryValues in
                reference.values.withUnsafeBufferPointer { referenceValues in
                    for query in ranges[chunk] {
                        for index in 0..<k { best[index] = .infinity }
                        let queryBase = query * width
                        for candidate in 0..<reference.rowCount {
                            if excludingSameIndex && candidate == query { continue }
                            let candidateBase = candidate * width
                            var sum = 0.0
                            for feature in 0..<width {
                                let difference = queryValues[queryBase + feature] - referenceValues[candidateBase + feature]
                                sum += difference * difference
                            }
                            if sum < best[k - 1] {
                                var position = k - 1
                                while position > 0 && best[position - 1] > sum {
                                    best[position] = best[position - 1]
                                    position -= 1
                                }
                                best[position] = sum
                            }
                        }
                        for index in 0..<k { shared.buffer[query * k + index] = best[index].squareRoot() }
                    }
                }
            }
        }
        return Array(output)
    }

    /// Only the nearest distance of each query (k = 1).
    static func closest(from queries: EncodedRows, to reference: EncodedRows, threads: Int? = nil) -> [Double] {
        distances(from: queries, to: reference, k: 1, threads: threads)
    }
}
