import SynthKitCore
import SynthKitTable

/// Row-major copies of the compared columns of an evaluated and a reference table, and the
/// nearest-record kernel over them (the hot loop of ``DistanceToClosestRecord``).
struct DistanceLayout: Sendable {
    private let categoricalCount: Int
    private let numericCount: Int
    private let columnCount: Int
    private let datasetCodes: [Int32]
    private let referenceCodes: [Int32]
    private let datasetNumbers: [Double]
    private let referenceNumbers: [Double]
    private let ranges: [Double]
    private let referenceRows: Int
    /// Reference rows by a linear hash of their categorical codes, Σ code_c · multiplier_c
    /// (wrapping). Every categorical mismatch adds exactly 1 to the unnormalised distance, so:
    /// rows with the same codes are tried first, and if one is closer than 1 nothing else can
    /// win; then rows differing in exactly one column (found by swapping one term of the hash),
    /// and if one is closer than 2 nothing else can win; otherwise every row is scanned. Hash
    /// collisions only add candidates, whose distances are computed exactly.
    private let rowsBySignature: [UInt64: [Int32]]
    /// Per categorical column, its hash multiplier and the codes present in the reference.
    private let multipliers: [UInt64]
    private let referenceCodeSets: [[Int32]]
    /// Whether the one-mismatch pass is cheap enough (few categories in all): it looks up one
    /// bucket per category of every column for each evaluated row.
    private let searchesOneMismatch: Bool

    init(dataset: Table, reference: Table, metadata: SDVMetadata, oneMismatchCategoryLimit: Int) throws(SynthKitError) {
        var categorical: [SharedCodes] = []
        var numeric: [(data: [Double], reference: [Double])] = []
        var problems: [SynthKitError] = []
        for column in reference.columns {
            guard let sdtype = metadata.columns[column.name]?.sdtype, let other = dataset[column.name] else { continue }
            switch sdtype {
            case "numerical", "datetime":
                let format = metadata.columns[column.name]?.datetimeFormat
                let referenceNumbers = sdtype == "datetime" ? SDMetricsDatetime.nanoseconds(of: column, format: format) : column.numbers
                let dataNumbers = sdtype == "datetime" ? SDMetricsDatetime.nanoseconds(of: other, format: format) : other.numbers
                guard let referenceValues = referenceNumbers, let dataValues = dataNumbers else {
                    problems.append(SynthKitError(.invalidInput, "column '\(column.name)' is \(sdtype) but not stored as numbers (or parseable datetimes) in both tables", location: .init(column: column.name)))
                    continue
                }
                numeric.append((dataValues, referenceValues))
            case "categorical", "boolean":
                categorical.append(SharedCodes(real: other, synthetic: column))
            default:
                continue
            }
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
        guard !categorical.isEmpty || !numeric.isEmpty else {
            throw SynthKitError(.invalidInput, "there are no numerical, datetime, categorical or boolean columns in both tables to measure distances on")
        }
        // Columns where two random reference rows most often differ (highest Gini impurity
        // 1 − Σ p²) reject candidates earliest: compare them first.
        let impurities = categorical.map { codes -> Double in
            var counts: [Int32: Int] = [:]
            for code in codes.synthetic { counts[code, default: 0] += 1 }
            let total = Double(max(1, codes.synthetic.count))
            return 1 - counts.values.reduce(0) { $0 + (Double($1) / total) * (Double($1) / total) }
        }
        categorical = zip(categorical, impurities).sorted { $0.1 > $1.1 }.map(\.0)
        categoricalCount = categorical.count
        numericCount = numeric.count
        columnCount = categorical.count + numeric.count
        referenceRows = reference.rowCount
        var datasetCodes = [Int32](repeating: 0, count: dataset.rowCount * categorical.count)
        var referenceCodes = [Int32](repeating: 0, count: reference.rowCount * categorical.count)
        for (index, codes) in categorical.enumerated() {
            for row in 0..<dataset.rowCount { datasetCodes[row * categorical.count + index] = codes.real[row] }
            for row in 0..<reference.rowCount { referenceCodes[row * categorical.count + index] = codes.synthetic[row] }
        }
        var datasetNumbers = [Double](repeating: 0, count: dataset.rowCount * numeric.count)
        var referenceNumbers = [Double](repeating: 0, count: reference.rowCount * numeric.count)
        var ranges: [Double] = []
        for (index, pair) in numeric.enumerated() {
            for row in 0..<dataset.rowCount { datasetNumbers[row * numeric.count + index] = pair.data[row] }
            for row in 0..<reference.rowCount { referenceNumbers[row * numeric.count + index] = pair.reference[row] }
            let bounds = NumericBounds(pair.reference)
            ranges.append(bounds.map { $0.maximum - $0.minimum } ?? .nan)
        }
        self.datasetCodes = datasetCodes
        self.referenceCodes = referenceCodes
        self.datasetNumbers = datasetNumbers
        self.referenceNumbers = referenceNumbers
        self.ranges = ranges
        var multipliers: [UInt64] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<categorical.count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            multipliers.append(state | 1)
        }
        self.multipliers = multipliers
        referenceCodeSets = categorical.map { Array(Set($0.synthetic)).sorted() }
        searchesOneMismatch = referenceCodeSets.reduce(0) { $0 + $1.count } <= oneMismatchCategoryLimit
        var index: [UInt64: [Int32]] = [:]
        if categorical.count > 0 {
            for row in 0..<reference.rowCount {
                var key: UInt64 = 0
                for column in 0..<categorical.count {
                    key = key &+ UInt64(bitPattern: Int64(referenceCodes[row * categorical.count + column])) &* multipliers[column]
                }
                index[key, default: []].append(Int32(row))
            }
        }
        rowsBySignature = index
    }

    /// The distance of one column pair of numbers (SDMetrics' rules for missing values and a
    /// zero range).
    static func numericDistance(_ value: Double, _ referenceValue: Double, range: Double) -> Double {
        let valueMissing = value.isNaN
        let referenceMissing = referenceValue.isNaN
        if valueMissing || referenceMissing { return valueMissing == referenceMissing ? 0 : 1 }
        let difference = abs(referenceValue - value)
        if range == 0 { return difference > 0 ? 1 : 0 }
        return min(difference / range, 1)
    }

    /// DCR of evaluated row `row`: the smallest mean column distance to any reference row.
    func closestDistance(of row: Int) -> Double {
        var best = Double.infinity
        if categoricalCount > 0 {
            var key: UInt64 = 0
            for column in 0..<categoricalCount {
                key = key &+ UInt64(bitPattern: Int64(datasetCodes[row * categoricalCount + column])) &* multipliers[column]
            }
            for candidate in rowsBySignature[key] ?? [] {
                best = min(best, distanceSum(of: row, to: Int(candidate)))
            }
            if best < 1 { return best / Double(columnCount) }
            for column in 0..<categoricalCount where searchesOneMismatch {
                let own = datasetCodes[row * categoricalCount + column]
                let base = key &- UInt64(bitPattern: Int64(own)) &* multipliers[column]
                for code in referenceCodeSets[column] where code != own {
                    for candidate in rowsBySignature[base &+ UInt64(bitPattern: Int64(code)) &* multipliers[column]] ?? [] {
                        best = min(best, distanceSum(of: row, to: Int(candidate)))
                    }
                }
            }
            if searchesOneMismatch && best < 2 { return best / Double(columnCount) }
        }
        datasetCodes.withUnsafeBufferPointer { dataCodes in
            referenceCodes.withUnsafeBufferPointer { referenceCodes in
                datasetNumbers.withUnsafeBufferPointer { dataNumbers in
                    referenceNumbers.withUnsafeBufferPointer { referenceNumbers in
                        ranges.withUnsafeBufferPointer { ranges in
                            let codeBase = row * categoricalCount
                            let numberBase = row * numericCount
                            candidates: for candidate in 0..<referenceRows {
                                var sum = 0.0
                                let candidateCodes = candidate * categoricalCount
                                for column in 0..<categoricalCount where dataCodes[codeBase + column] != referenceCodes[candidateCodes + column] {
                                    sum += 1
                                    if sum >= best { continue candidates }
                                }
                                let candidateNumbers = candidate * numericCount
                                for column in 0..<numericCount {
                                    sum += Self.numericDistance(
                                        dataNumbers[numberBase + column], referenceNumbers[candidateNumbers + column], range: ranges[column])
                                    if sum >= best { continue candidates }
                                }
                                best = sum
                                if best == 0 { break candidates }
                            }
                        }
                    }
                }
            }
        }
        return best / Double(columnCount)
    }

    /// The full (unnormalised) distance sum of evaluated row `row` to reference row `candidate`.
    func distanceSum(of row: Int, to candidate: Int) -> Double {
        var sum = 0.0
        for column in 0..<categoricalCount where datasetCodes[row * categoricalCount + column] != referenceCodes[candidate * categoricalCount + column] {
            sum += 1
        }
        for column in 0..<numericCount {
            sum += Self.numericDistance(
                datasetNumbers[row * numericCount + column], referenceNumbers[candidate * numericCount + column], range: ranges[column])
        }
        return sum
    }
}
