import Foundation
package import SynthKitCore
package import SynthKitTable

/// Sampling and summaries shared by the models built on a ``DiscreteNetwork``.
package enum DiscreteSampling {
    /// Rows `range` of the seed's row sequence (the ``SynthesisModel`` determinism contract):
    /// chunk i of 4,096 rows draws codes and within-bin positions from
    /// `seed.derived("sample.chunk", index: i)`, whatever the thread count. `expansions`, when
    /// given, maps each attribute's network code to the attribute codes it stands for (a merged
    /// code picks one uniformly); an empty list leaves the attribute's codes as they are.
    package static func sample(
        attributes: [DiscreteAttribute], network: DiscreteNetwork, rows range: Range<Int>, seed: Seed, threads: Int?,
        chunkRows: Int, chunkLabel: String, expansions: [[[Int32]]]? = nil
    ) throws(SynthKitError) -> Table {
        let count = range.count
        guard count <= Int(Int32.max) else {
            throw SynthKitError(
                .invalidArgument, "cannot sample \(count) rows at once; sample at most \(Int32.max) rows per call",
                location: .init(field: "count"))
        }
        guard count > 0 else {
            return Table(unchecked: attributes.map { $0.decodeEmpty() }, rowCount: 0)
        }
        let firstChunk = range.lowerBound / chunkRows
        let lastChunk = (range.upperBound - 1) / chunkRows
        let chunkCount = lastChunk - firstChunk + 1
        let results = ChunkResults(count: chunkCount)
        parallelFor(chunkCount: chunkCount, threads: threads) { offset in
            let chunk = firstChunk + offset
            let chunkStart = chunk * chunkRows
            let keepStart = max(chunkStart, range.lowerBound)
            let keepEnd = min(chunkStart + chunkRows, range.upperBound)
            var stream = seed.derived(chunkLabel, index: chunk).stream()
            var codes = network.sampleCodes(rows: keepEnd - chunkStart, stream: &stream)
            if let expansions {
                for attribute in codes.indices where !expansions[attribute].isEmpty {
                    var expansionStream = seed.derived(chunkLabel, index: chunk).derived("expand", index: attribute).stream()
                    for row in codes[attribute].indices {
                        let group = expansions[attribute][Int(codes[attribute][row])]
                        codes[attribute][row] = group.count == 1 ? group[0] : group[expansionStream.nextIndex(below: group.count)]
                    }
                }
            }
            let skipped = keepStart - chunkStart
            var columns: [Column] = []
            for (index, attribute) in attributes.enumerated() {
                var valueStream = seed.derived(chunkLabel, index: chunk).derived("values", index: index).stream()
                let decoded = attribute.decode(codes[index], offset: chunkStart, stream: &valueStream)
                columns.append(decoded.gathering(Array(skipped..<decoded.count)))
            }
            results.store(columns, at: offset)
        }
        let pieces = results.all()
        var columns: [Column] = []
        for index in attributes.indices {
            columns.append(Column.concatenating(pieces.map { $0[index] }, name: attributes[index].name))
        }
        return Table(unchecked: columns, rowCount: count)
    }
}

extension DiscreteAttribute {
    func decodeEmpty() -> Column {
        var stream = Seed(0).stream()
        return decode([], offset: 0, stream: &stream)
    }
}

extension Column {
    /// Concatenates columns of the same layout (categorical levels are merged by spelling).
    static func concatenating(_ parts: [Column], name: String) -> Column {
        var numbers: [Double] = []
        var codes: [Int32] = []
        var levels: [String] = []
        var lookup: [String: Int32] = [:]
        var isNumeric = false
        for part in parts {
            switch part.values {
            case .numeric(let values):
                isNumeric = true
                numbers.append(contentsOf: values)
            case .categorical(let partCodes, let partLevels):
                let mapping: [Int32] = partLevels.map { level in
                    if let code = lookup[level] { return code }
                    let code = Int32(levels.count)
                    lookup[level] = code
                    levels.append(level)
                    return code
                }
                codes.append(contentsOf: partCodes.map { $0 < 0 ? -1 : mapping[Int($0)] })
            }
        }
        return isNumeric ? Column(name: name, values: .numeric(numbers)) : Column(name: name, values: .categorical(codes: codes, levels: levels))
    }
}

/// Per-chunk outputs written from parallel workers, each to its own slot.
final class ChunkResults: @unchecked Sendable {
    private var slots: [[Column]]
    private let lock = NSLock()

    init(count: Int) {
        slots = [[Column]](repeating: [], count: count)
    }

    func store(_ columns: [Column], at index: Int) {
        lock.withLock { slots[index] = columns }
    }

    func all() -> [[Column]] { lock.withLock { slots } }
}
