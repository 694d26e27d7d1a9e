public import SynthKitCore
import SynthKitMath
import SynthKitSynthesis
public import SynthKitTable
import SynthKitTransforms

extension GaussianCopula.Model {
    /// Draws rows `rows` of the seed's sequence: z = L ε per row, each latent coordinate mapped
    /// back through its column's marginal or category intervals, then rounded and clamped.
    ///
    /// Chunk i (rows i·``SynthesisModel/sampleChunkRows`` ..< (i+1)·…) draws from
    /// `seed.derived("sample.chunk", index: i)`; a range that starts inside a chunk regenerates
    /// that chunk's earlier draws and drops them. Ids are numbered by global row.
    /// O(rows × (dimensions² + columns)), parallel over chunks.
    /// - Throws: `.invalidArgument` when the range holds more than `Int32.max` rows (sample in batches).
    public func sample(rows range: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
        let count = range.count
        guard count <= Int(Int32.max) else {
            throw SynthKitError(
                .invalidArgument, "cannot sample \(count) rows at once; sample at most \(Int32.max) rows per call and write batches",
                location: .init(field: "count"))
        }
        let chunkRows = Self.sampleChunkRows
        let firstChunk = range.lowerBound / chunkRows
        let chunkCount = count == 0 ? 0 : (range.upperBound - 1) / chunkRows - firstChunk + 1
        let learned = columns.indices.filter {
            if case .numeric = columns[$0].treatment { return true }
            if case .categorical = columns[$0].treatment { return true }
            if case .jointCategorical = columns[$0].treatment { return true }
            return false
        }
        let output = SampleBuffer(columnCount: columns.count, rowCount: count)
        let model = self
        parallelFor(chunkCount: chunkCount, threads: threads) { offset in
            let chunk = firstChunk + offset
            let chunkStart = chunk * chunkRows
            let keepStart = max(chunkStart, range.lowerBound)
            let keepEnd = min(chunkStart + chunkRows, range.upperBound)
            let latent = model.latentDraws(rows: keepEnd - chunkStart, seed: seed.derived(Self.sampleChunkLabel, index: chunk))
            let skipped = keepStart - chunkStart
            let kept = Array(latent[(skipped * model.dimensionNames.count)...])
            for index in learned {
                model.decodeColumn(index, latent: kept, rows: keepEnd - keepStart, into: output.column(index) + (keepStart - range.lowerBound))
            }
        }
        var result: [Column] = []
        for (index, column) in columns.enumerated() {
            switch column.treatment {
            case .numeric:
                result.append(Column(name: column.name, values: .numeric(output.values(of: index))))
            case .categorical(let encoding, _, _, _, _), .jointCategorical(_, _, let encoding):
                let codes = output.values(of: index).map { Int32($0) }
                result.append(encoding.decode(codes, name: column.name))
            case .identifier(let format):
                result.append(format.generate(name: column.name, count: count, offset: range.lowerBound))
            case .blank:
                result.append(blankColumn(named: column.name, count: count))
            }
        }
        return Table(unchecked: result, rowCount: count)
    }

    /// `rows` latent vectors, row-major (rows × dimensions): z = L ε, ε standard normal.
    func latentDraws(rows: Int, seed: Seed) -> [Double] {
        let dimension = dimensionNames.count
        var stream = seed.stream()
        var latent = [Double](repeating: 0, count: rows * dimension)
        var noise = [Double](repeating: 0, count: dimension)
        for row in 0..<rows {
            for index in 0..<dimension { noise[index] = stream.nextNormal() }
            let base = row * dimension
            for target in 0..<dimension {
                var sum = 0.0
                let factorRow = target * dimension
                for source in 0...target { sum += factor[factorRow + source] * noise[source] }
                latent[base + target] = sum
            }
        }
        return latent
    }

    /// Writes column `index` of `rows` rows (categorical codes as doubles) to `destination`.
    func decodeColumn(_ index: Int, latent: [Double], rows: Int, into destination: UnsafeMutablePointer<Double>) {
        let dimension = dimensionNames.count
        switch columns[index].treatment {
        case .numeric(let marginal, let format, let valueDimension, let missingDimension, let missingShare):
            let missingThreshold = missingDimension.map { _ in NormalDistribution.quantile(1 - missingShare) }
            let constant = marginal.map { $0.quantile(0.5) } ?? .nan
            for row in 0..<rows {
                if missingShare >= 1 {
                    destination[row] = .nan
                    continue
                }
                if let missingDimension, let missingThreshold, latent[row * dimension + missingDimension] > missingThreshold {
                    destination[row] = .nan
                    continue
                }
                var value = constant
                if let valueDimension, let marginal {
                    let z = latent[row * dimension + valueDimension]
                    let u = min(max(NormalDistribution.cdf(z), 1e-12), 1 - 1e-12)
                    value = marginal.quantile(u)
                }
                destination[row] = format.decode(value)
            }
        case .categorical(_, let order, let thresholds, let categoryDimension, _):
            let cuts = thresholds.values
            for row in 0..<rows {
                guard let categoryDimension else {
                    destination[row] = Double(order[0])
                    continue
                }
                let z = latent[row * dimension + categoryDimension]
                var low = 0
                var high = cuts.count
                while low < high {
                    let middle = (low + high) / 2
                    if cuts[middle] < z { low = middle + 1 } else { high = middle }
                }
                destination[row] = Double(order[low])
            }
        case .jointCategorical(let groupIndex, let position, _):
            let group = groups[groupIndex]
            for row in 0..<rows {
                let z = group.dimension.map { latent[row * dimension + $0] }
                destination[row] = Double(group.combinations[Int(group.jointCode(at: z))][position])
            }
        case .identifier, .blank:
            break
        }
    }
}

/// Column-major output storage written by disjoint row ranges from several threads.
///
/// Each chunk writes only its own rows of each column, so no two threads touch the same
/// element; the buffer is read only after `parallelFor` returns.
final class SampleBuffer: @unchecked Sendable {
    let rowCount: Int
    let storage: UnsafeMutablePointer<Double>
    let capacity: Int

    init(columnCount: Int, rowCount: Int) {
        self.rowCount = rowCount
        capacity = max(1, columnCount * rowCount)
        storage = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
        storage.initialize(repeating: .nan, count: capacity)
    }

    deinit {
        storage.deallocate()
    }

    func column(_ index: Int) -> UnsafeMutablePointer<Double> {
        storage + index * rowCount
    }

    func values(of index: Int) -> [Double] {
        Array(UnsafeBufferPointer(start: column(index), count: rowCount))
    }
}
