import SynthKitCore

extension NearestNeighbours {
    /// The `k` smallest Euclidean distances from each compact query row to the compact reference
    /// rows, ascending (row-major, `k` per query; +∞ where the reference has fewer rows), equal
    /// to ``distances(from:to:k:excludingSameIndex:threads:)`` on the dense one-hot rows up to
    /// rounding (the differing one-hot positions, popcount(a XOR b), are added as one integer
    /// after the numeric terms).
    ///
    /// A candidate whose numeric part alone already exceeds the k-th best distance is skipped
    /// before its one-hot part (which can only add), so most pairs cost the numeric terms.
    ///
    /// Blocked: each chunk of 64 queries walks the reference in blocks of 512 rows, so a block
    /// stays in cache while every query of the chunk scans it. Parallel over chunks; results do
    /// not depend on the thread count.
    ///
    /// Complexity: O(n · m · (numeric features + one-hot words)).
    static func distances(from queries: CompactEncodedRows, to reference: CompactEncodedRows, k: Int, threads: Int? = nil) -> [Double] {
        precondition(k > 0, "k must be positive, got \(k)")
        precondition(queries.numericWidth == reference.numericWidth && queries.words == reference.words, "compact widths differ")
        let count = queries.rowCount
        guard count > 0 else { return [] }
        let output = UnsafeMutableBufferPointer<Double>.allocate(capacity: count * k)
        defer { output.deallocate() }
        let shared = SendableBuffer(buffer: output)
        let chunkCount = max(1, (count + 63) / 64)
        let ranges = chunkRanges(count: count, chunkCount: chunkCount)
        let numericWidth = queries.numericWidth
        let words = queries.words
        let blockSize = 512
        let vectors = (numericWidth + 3) / 4
        let packedQueries = Self.packed(queries.numbers, rows: queries.rowCount, width: numericWidth)
        let packedReference = Self.packed(reference.numbers, rows: reference.rowCount, width: numericWidth)
        parallelFor(chunkCount: chunkCount, threads: threads) { chunk in
            let range = ranges[chunk]
            var best = [Double](repeating: .infinity, count: range.count * k)
            packedQueries.withUnsafeBufferPointer { queryNumbers in
                queries.bits.withUnsafeBufferPointer { queryBits in
                    packedReference.withUnsafeBufferPointer { referenceNumbers in
                        reference.bits.withUnsafeBufferPointer { referenceBits in
                            best.withUnsafeMutableBufferPointer { best in
                                for blockStart in stride(from: 0, to: reference.rowCount, by: blockSize) {
                                    let blockEnd = min(blockStart + blockSize, reference.rowCount)
                                    for (offset, query) in range.enumerated() {
                                        let numberBase = query * vectors
                                        let bitBase = query * words
                                        let bestBase = offset * k
                                        for candidate in blockStart..<blockEnd {
                                            let candidateNumbers = candidate * vectors
                                            var squares = SIMD4<Double>.zero
                                            for vector in 0..<vectors {
                                                let difference = queryNumbers[numberBase + vector] - referenceNumbers[candidateNumbers + vector]
                                                squares += difference * difference
                                            }
                                            var sum = squares.sum()
                                            // The one-hot terms only add, so a candidate already farther than the k-th best is done.
                                            if sum >= best[bestBase + k - 1] { continue }
                                            let candidateBits = candidate * words
                                            var differing = 0
                                            for word in 0..<words {
                                                differing += (queryBits[bitBase + word] ^ referenceBits[candidateBits + word]).nonzeroBitCount
                                            }
                                            sum += Double(differing)
                                            if sum < best[bestBase + k - 1] {
                                                var position = k - 1
                                                while position > 0 && best[bestBase + position - 1] > sum {
                                                    best[bestBase + position] = best[bestBase + position - 1]
                                                    position -= 1
                                                }
                                                best[bestBase + position] = sum
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for (offset, query) in range.enumerated() {
                for index in 0..<k { shared.buffer[query * k + index] = best[offset * k + index].squareRoot() }
            }
        }
        return Array(output)
    }

    /// Row-major scalars packed into zero-padded 4-lane vectors, `(width + 3) / 4` per row.
    static func packed(_ values: [Double], rows: Int, width: Int) -> [SIMD4<Double>] {
        let vectors = (width + 3) / 4
        var packed = [SIMD4<Double>](repeating: .zero, count: rows * vectors)
        for row in 0..<rows {
            for feature in 0..<width { packed[row * vectors + feature / 4][feature % 4] = values[row * width + feature] }
        }
        return packed
    }
}
