import Foundation
import SynthKitCore
import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

/// Maps a table to the networks' row representation and back (ctgan's `DataTransformer`).
///
/// Built from the fitted ``DeepColumn`` treatments: each row becomes `width` Float entries,
/// the blocks of every column in schema order (see ``DeepColumn/spans``). Encoding draws the
/// mode of each numerical value from a stream; decoding takes the argmax of each softmax block.
struct DeepTableEncoder: Sendable {
    /// A block of entries in the row representation.
    struct Span: Hashable, Sendable {
        /// The first entry.
        var start: Int
        /// The number of entries.
        var width: Int
        /// Whether the block is a softmax block (else one tanh scalar).
        var isSoftmax: Bool
        /// The owning column's index, and whether the column has a single softmax block (a
        /// categorical column: the columns the conditional vector can select).
        var column: Int
        var isCategorical: Bool
    }

    let columns: [DeepColumn]
    let spans: [Span]
    let width: Int

    init(columns: [DeepColumn]) {
        self.columns = columns
        var spans: [Span] = []
        var offset = 0
        for (index, column) in columns.enumerated() {
            let isCategorical: Bool
            if case .categorical = column.treatment { isCategorical = true } else { isCategorical = false }
            for kind in column.spans {
                switch kind {
                case .scalar:
                    spans.append(Span(start: offset, width: 1, isSoftmax: false, column: index, isCategorical: false))
                case .softmax(let width):
                    spans.append(Span(start: offset, width: width, isSoftmax: true, column: index, isCategorical: isCategorical))
                }
                offset += kind.width
            }
        }
        self.spans = spans
        width = offset
    }

    /// Fits the treatments of `table`'s columns (mixtures seeded from `seed`) in schema order.
    /// Mixtures are fitted in parallel over columns with at most `threads` threads; each
    /// column's seed depends only on its name, so the result does not depend on `threads`.
    static func fitColumns(table: Table, schema: Schema, seed: Seed, threads: Int?) -> [DeepColumn] {
        let numeric = schema.columns.filter { ($0.kind == .numerical || $0.kind == .datetime) && table[$0.name] != nil }
        let mixtures = MixtureResults(count: numeric.count)
        parallelFor(chunkCount: numeric.count, threads: threads) { index in
            let name = numeric[index].name
            let present = (table[name]?.numbers ?? []).filter { !$0.isNaN }
            guard !present.isEmpty else { return }
            mixtures.store(ModeSpecificNormalization.fit(present, seed: seed.derived("mixture." + name)), at: index)
        }
        var fitted: [String: ModeSpecificNormalization] = [:]
        for (index, column) in numeric.enumerated() { fitted[column.name] = mixtures.value(at: index) }
        var result: [DeepColumn] = []
        for columnSchema in schema.columns {
            guard let column = table[columnSchema.name] else { continue }
            switch columnSchema.kind {
            case .id:
                result.append(DeepColumn(name: column.name, kind: .id, treatment: .identifier(IdentifierFormat.learned(from: column))))
            case .pii:
                result.append(DeepColumn(
                    name: column.name, kind: .pii, treatment: .blank(reason: "personal information is never learned; written empty")))
            case .text:
                result.append(DeepColumn(name: column.name, kind: .text, treatment: .blank(reason: "free text is not learned yet; written empty")))
            case .numerical, .datetime:
                let numbers = column.numbers ?? []
                let format = NumericalFormat.fit(values: numbers, schema: columnSchema)
                let present = numbers.filter { !$0.isNaN }
                let normalization = fitted[column.name]
                let imputed = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
                result.append(DeepColumn(
                    name: column.name, kind: columnSchema.kind,
                    treatment: .continuous(
                        normalization: normalization, format: format, imputed: imputed,
                        hasMissing: present.count < numbers.count && !present.isEmpty)))
            case .categorical, .boolean:
                let (encoding, _) = Self.observedEncoding(column, schema: columnSchema)
                result.append(DeepColumn(name: column.name, kind: columnSchema.kind, treatment: .categorical(encoding: encoding)))
            }
        }
        return result
    }

    /// The encoding of a column restricted to the categories that occur (a categorical column's
    /// storage may list levels no row uses), keeping their first-appearance order.
    static func observedEncoding(_ column: Column, schema: ColumnSchema) -> (encoding: CategoryEncoding, codes: [Int32]) {
        let (full, codes) = CategoryEncoding.fit(column, schema: schema)
        var used = [Bool](repeating: false, count: full.codeCount)
        for code in codes { used[Int(code)] = true }
        var remap = [Int32](repeating: -1, count: full.codeCount)
        var levels: [String] = []
        var numericLevels: [Double]? = full.numericLevels == nil ? nil : []
        for index in full.levels.indices where used[index] {
            remap[index] = Int32(levels.count)
            levels.append(full.levels[index])
            if let numbers = full.numericLevels { numericLevels?.append(numbers[index]) }
        }
        let hasMissing = full.hasMissing && used[full.missingCode]
        if hasMissing { remap[full.missingCode] = Int32(levels.count) }
        let encoding = CategoryEncoding(levels: levels, numericLevels: numericLevels, hasMissing: hasMissing)
        return (encoding, codes.map { remap[Int($0)] })
    }

    /// The row representation of `table` (rows × width, row-major) and the category codes of
    /// each categorical column (by column index). Modes are drawn from `seed`.
    func encode(_ table: Table, seed: Seed) -> (rows: [Float], codes: [Int: [Int32]]) {
        let rowCount = table.rowCount
        var rows = [Float](repeating: 0, count: rowCount * width)
        var codesByColumn: [Int: [Int32]] = [:]
        var offset = 0
        for (index, column) in columns.enumerated() {
            guard let data = table[column.name] else { continue }
            switch column.treatment {
            case .continuous(let normalization, _, let imputed, let hasMissing):
                guard let normalization else { continue }
                var stream = seed.derived("modes." + column.name).stream()
                let numbers = data.numbers ?? []
                let modes = normalization.modeCount
                for row in 0..<rowCount {
                    let value = numbers[row]
                    let missing = value.isNaN
                    let (scalar, mode) = normalization.encode(missing ? imputed : value, stream: &stream)
                    let base = row * width + offset
                    rows[base] = Float(scalar)
                    rows[base + 1 + mode] = 1
                    if hasMissing { rows[base + 1 + modes + (missing ? 1 : 0)] = 1 }
                }
                offset += 1 + modes + (hasMissing ? 2 : 0)
            case .categorical(let encoding):
                let mapped = Self.codes(of: data, encoding: encoding)
                for row in 0..<rowCount { rows[row * width + offset + Int(mapped[row])] = 1 }
                codesByColumn[index] = mapped
                offset += encoding.codeCount
            case .identifier, .blank:
                continue
            }
        }
        return (rows, codesByColumn)
    }

    /// The codes of `column` under `encoding` (text match on levels; missing → missing code).
    static func codes(of column: Column, encoding: CategoryEncoding) -> [Int32] {
        var lookup: [String: Int32] = [:]
        for (index, level) in encoding.levels.enumerated() { lookup[level] = Int32(index) }
        return (0..<column.count).map { row in
            guard let text = column.text(at: row) else { return Int32(encoding.hasMissing ? encoding.missingCode : 0) }
            return lookup[text] ?? 0
        }
    }

    /// The table of activated network outputs `output` (rows × width, row-major): argmax per
    /// softmax block, scalars mapped back through their mode. With `sigmas`, each scalar first
    /// gets N(0, σ²) noise from `stream` (TVAE's decoder variance). Ids are numbered from `offset`.
    func decode(_ output: [Float], rowCount: Int, sigmas: [Float]?, stream: inout RandomStream, offset rowOffset: Int) -> Table {
        var result: [Column] = []
        var offset = 0
        for column in columns {
            switch column.treatment {
            case .continuous(let normalization, let format, _, let hasMissing):
                guard let normalization else {
                    result.append(Column(name: column.name, values: .numeric([Double](repeating: .nan, count: rowCount))))
                    continue
                }
                let modes = normalization.modeCount
                var values = [Double](repeating: .nan, count: rowCount)
                for row in 0..<rowCount {
                    let base = row * width + offset
                    var scalar = Double(output[base])
                    if let sigmas { scalar += Double(sigmas[offset]) * stream.nextNormal() }
                    let mode = Self.argmax(output, start: base + 1, width: modes)
                    if hasMissing && Self.argmax(output, start: base + 1 + modes, width: 2) == 1 { continue }
                    values[row] = format.decode(normalization.decode(scalar: scalar, mode: mode))
                }
                result.append(Column(name: column.name, values: .numeric(values)))
                offset += 1 + modes + (hasMissing ? 2 : 0)
            case .categorical(let encoding):
                let codes = (0..<rowCount).map { Int32(Self.argmax(output, start: $0 * width + offset, width: encoding.codeCount)) }
                result.append(encoding.decode(codes, name: column.name))
                offset += encoding.codeCount
            case .identifier(let format):
                result.append(format.generate(name: column.name, count: rowCount, offset: rowOffset))
            case .blank:
                result.append(blankColumn(named: column.name, count: rowCount))
            }
        }
        return Table(unchecked: result, rowCount: rowCount)
    }

    /// The index of the largest entry of `values[start..<start + width]` (first on ties).
    static func argmax(_ values: [Float], start: Int, width: Int) -> Int {
        var best = 0
        for index in 1..<max(width, 1) where values[start + index] > values[start + best] { best = index }
        return best
    }
}

/// Mixture fits written by `parallelFor` workers, each index by one worker.
final class MixtureResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [ModeSpecificNormalization?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func store(_ value: ModeSpecificNormalization, at index: Int) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func value(at index: Int) -> ModeSpecificNormalization? {
        lock.lock()
        defer { lock.unlock() }
        return storage[index]
    }
}
