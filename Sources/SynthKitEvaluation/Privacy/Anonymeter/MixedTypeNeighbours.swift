import SynthKitCore

/// Nearest neighbours under anonymeter's mixed-type distance (`anonymeter/neighbors/
/// mixed_types_kneighbors.py`): per numeric column |a − b|/range, the range taken over the
/// queries and the candidates together (1 when constant), both missing adding 1 and one missing
/// making the pair unusable (anonymeter's NaN, sorted last); per categorical column 0 when equal
/// (missing equal to missing) and 1 otherwise; the row distance is the sum.
///
/// Ties go to the candidate with the lower index. Parallel over query chunks; results do not
/// depend on the thread count.
///
/// Complexity: O(q · m · c) for q queries, m candidates, c columns.
struct MixedTypeNeighbours: Sendable {
    /// Per used column: whether it is numeric, query values and candidate values (numbers
    /// divided by the range, or codes as numbers).
    private let numeric: [Bool]
    private let queryValues: [[Double]]
    private let candidateValues: [[Double]]
    private let queryCount: Int
    private let candidateCount: Int

    /// Prepares the search of `queries` among `candidates` on the columns at `columns`.
    init(queries: AttackColumns, candidates: AttackColumns, columns: [Int]) {
        var numeric: [Bool] = []
        var queryValues: [[Double]] = []
        var candidateValues: [[Double]] = []
        for column in columns {
            switch (queries.columns[column], candidates.columns[column]) {
            case (.numbers(let first), .numbers(let second)):
                let present = (first + second).filter { !$0.isNaN }
                let range = (present.max() ?? 0) - (present.min() ?? 0)
                let scale = range > 0 ? 1 / range : 1
                numeric.append(true)
                queryValues.append(first.map { $0 * scale })
                candidateValues.append(second.map { $0 * scale })
            case (.codes(let first), .codes(let second)):
                numeric.append(false)
                queryValues.append(first.map(Double.init))
                candidateValues.append(second.map(Double.init))
            default:
                preconditionFailure("column \(column) is numeric in one table and categorical in the other")
            }
        }
        self.numeric = numeric
        self.queryValues = queryValues
        self.candidateValues = candidateValues
        queryCount = queries.rowCount
        candidateCount = candidates.rowCount
    }

    /// The distance contributed by used column `position` between a query and a candidate.
    @inline(__always)
    private func columnDistance(_ position: Int, query: Int, candidate: Int) -> Double {
        let first = queryValues[position][query]
        let second = candidateValues[position][candidate]
        if numeric[position] {
            if first.isNaN || second.isNaN { return first.isNaN && second.isNaN ? 1 : .infinity }
            return abs(first - second)
        }
        return first == second ? 0 : 1
    }

    /// The indices of the `k` nearest candidates of each query, nearest first (row-major).
    func nearest(k: Int, threads: Int?) -> [Int] {
        precondition(k > 0 && k <= candidateCount, "k = \(k) with \(candidateCount) candidates")
        guard queryCount > 0 else { return [] }
        // Indices travel as Doubles (exact below 2⁵³) through the shared output buffer.
        let output = UnsafeMutableBufferPointer<Double>.allocate(capacity: queryCount * k)
        defer { output.deallocate() }
        let shared = SendableBuffer(buffer: output)
        let ranges = chunkRanges(count: queryCount, chunkCount: max(1, (queryCount + 15) / 16))
        parallelFor(chunkCount: ranges.count, threads: threads) { chunk in
            var bestDistances = [Double](repeating: .infinity, count: k)
            var bestIndices = [Int](repeating: -1, count: k)
            for query in ranges[chunk] {
                for slot in 0..<k { bestDistances[slot] = .infinity; bestIndices[slot] = -1 }
                for candidate in 0..<candidateCount {
                    var distance = 0.0
                    for position in numeric.indices { distance += columnDistance(position, query: query, candidate: candidate) }
                    Self.insert(distance, candidate, into: &bestDistances, &bestIndices)
                }
                // Unusable pairs (infinite distance) fill the remaining places in index order.
                var next = 0
                for slot in 0..<k where bestIndices[slot] < 0 {
                    while bestIndices.contains(next) { next += 1 }
                    bestIndices[slot] = next
                    next += 1
                }
                for slot in 0..<k { shared.buffer[query * k + slot] = Double(bestIndices[slot]) }
            }
        }
        return output.map { Int($0) }
    }

    /// For each query and each used column position s, the nearest candidate on every used
    /// column except s (the attribute-inference attack with each column as the secret in turn):
    /// `result[query][s]`.
    func nearestLeavingOneOut(threads: Int?) -> [[Int]] {
        let width = numeric.count
        guard queryCount > 0, candidateCount > 0, width > 0 else { return [[Int]](repeating: [], count: queryCount) }
        let output = UnsafeMutableBufferPointer<Double>.allocate(capacity: queryCount * width)
        defer { output.deallocate() }
        let shared = SendableBuffer(buffer: output)
        let ranges = chunkRanges(count: queryCount, chunkCount: max(1, (queryCount + 15) / 16))
        parallelFor(chunkCount: ranges.count, threads: threads) { chunk in
            var distances = [Double](repeating: 0, count: width)
            for query in ranges[chunk] {
                var best = [Double](repeating: .infinity, count: width)
                var bestIndex = [Int](repeating: 0, count: width)
                for candidate in 0..<candidateCount {
                    var finite = 0.0
                    var unusable = 0
                    for position in 0..<width {
                        let distance = columnDistance(position, query: query, candidate: candidate)
                        distances[position] = distance
                        if distance.isFinite { finite += distance } else { unusable += 1 }
                    }
                    for secret in 0..<width {
                        let ownUnusable = distances[secret].isFinite ? 0 : 1
                        guard unusable - ownUnusable == 0 else { continue }
                        let auxiliary = ownUnusable == 1 ? finite : finite - distances[secret]
                        if auxiliary < best[secret] {
                            best[secret] = auxiliary
                            bestIndex[secret] = candidate
                        }
                    }
                }
                for secret in 0..<width { shared.buffer[query * width + secret] = Double(bestIndex[secret]) }
            }
        }
        return (0..<queryCount).map { query in (0..<width).map { Int(output[query * width + $0]) } }
    }

    /// Inserts a candidate into a sorted buffer of the k best (strictly smaller distances only,
    /// so earlier candidates win ties).
    @inline(__always)
    static func insert(_ distance: Double, _ candidate: Int, into distances: inout [Double], _ indices: inout [Int]) {
        let last = distances.count - 1
        guard distance < distances[last] else { return }
        var position = last
        while position > 0 && distances[position - 1] > distance {
            distances[position] = distances[position - 1]
            indices[position] = indices[position - 1]
            position -= 1
        }
        distances[position] = distance
        indices[position] = candidate
    }
}
