import SynthKitCore
import SynthKitTable

/// Rows as vectors for distances and learners: numeric columns standardised with the real
/// table's mean and sample standard deviation (missing → 0), categorical columns one-hot over
/// the real table's levels with missing as a level of its own (an unseen synthetic level is all
/// zeros).
///
/// This is the encoding `shared/bench/anchors.py` (`_encoder`) uses for its Euclidean DCR, so the
/// figures are comparable with it.
///
/// Complexity: O(n · c) to encode n rows of c columns; the result has Σ levels + numerics entries
/// per row.
struct RowEncoder: Sendable {
    /// Per numeric column: name, mean and standard deviation (1 when constant).
    private let numeric: [(name: String, mean: Double, deviation: Double)]
    /// Per categorical column: name and level → position.
    private let categorical: [(name: String, levels: [String: Int])]
    /// The roles used to read numbers.
    private let roles: ColumnRoles
    /// The length of an encoded row.
    let width: Int
    /// Names of the encoded features (`age`, `sex=Male`).
    let featureNames: [String]

    /// The placeholder level for missing categories.
    static let missingLevel = "\u{1F}missing"

    /// Fits the encoding on `real`, leaving out `excluded` columns (a prediction target).
    init(fitting real: Table, roles: ColumnRoles, excluding excluded: Set<String> = []) {
        var numeric: [(name: String, mean: Double, deviation: Double)] = []
        var names: [String] = []
        for name in roles.numeric where !excluded.contains(name) {
            guard let column = real[name], let values = roles.numbers(of: column) else { continue }
            let present = values.filter { !$0.isNaN }
            let mean = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
            var squares = 0.0
            for value in present { squares += (value - mean) * (value - mean) }
            let deviation = present.count > 1 ? (squares / Double(present.count - 1)).squareRoot() : 0
            numeric.append((name, mean, deviation > 0 && deviation.isFinite ? deviation : 1))
            names.append(name)
        }
        var categorical: [(name: String, levels: [String: Int])] = []
        var offset = numeric.count
        for name in roles.categorical where !excluded.contains(name) {
            guard let column = real[name] else { continue }
            let levels = Set((0..<column.count).map { column.text(at: $0) ?? Self.missingLevel }).sorted()
            var positions: [String: Int] = [:]
            for (index, level) in levels.enumerated() {
                positions[level] = offset + index
                names.append("\(name)=\(level == Self.missingLevel ? "(missing)" : level)")
            }
            offset += levels.count
            categorical.append((name, positions))
        }
        self.numeric = numeric
        self.categorical = categorical
        self.roles = roles
        self.width = offset
        self.featureNames = names
    }

    /// The rows of `table` encoded (row-major).
    func encode(_ table: Table) -> EncodedRows {
        var values = [Double](repeating: 0, count: table.rowCount * width)
        for (index, entry) in numeric.enumerated() {
            guard let column = table[entry.name], let numbers = roles.numbers(of: column) else { continue }
            for row in 0..<table.rowCount where !numbers[row].isNaN {
                values[row * width + index] = (numbers[row] - entry.mean) / entry.deviation
            }
        }
        for entry in categorical {
            guard let column = table[entry.name] else { continue }
            if let (codes, levels) = column.categories {
                let positions = levels.map { entry.levels[$0] }
                let missing = entry.levels[Self.missingLevel]
                for row in 0..<table.rowCount {
                    let position = codes[row] < 0 ? missing : positions[Int(codes[row])]
                    if let position { values[row * width + position] = 1 }
                }
            } else {
                for row in 0..<table.rowCount {
                    if let position = entry.levels[column.text(at: row) ?? Self.missingLevel] { values[row * width + position] = 1 }
                }
            }
        }
        return EncodedRows(rowCount: table.rowCount, width: width, values: values)
    }

    /// The rows of `table` in the compact form of the same encoding: the standardised numbers
    /// and the one-hot 1s as bits (position − numeric count; a block without a 1 sets no bit).
    func encodeCompact(_ table: Table) -> CompactEncodedRows {
        var numbers = [Double](repeating: 0, count: table.rowCount * numeric.count)
        for (index, entry) in numeric.enumerated() {
            guard let column = table[entry.name], let values = roles.numbers(of: column) else { continue }
            for row in 0..<table.rowCount where !values[row].isNaN {
                numbers[row * numeric.count + index] = (values[row] - entry.mean) / entry.deviation
            }
        }
        let words = (width - numeric.count + 63) / 64
        var bits = [UInt64](repeating: 0, count: table.rowCount * words)
        for entry in categorical {
            guard let column = table[entry.name] else { continue }
            for row in 0..<table.rowCount {
                if let position = entry.levels[column.text(at: row) ?? Self.missingLevel] {
                    let bit = position - numeric.count
                    bits[row * words + bit / 64] |= 1 << UInt64(bit % 64)
                }
            }
        }
        return CompactEncodedRows(rowCount: table.rowCount, numericWidth: numeric.count, numbers: numbers, words: words, bits: bits)
    }
}

/// Encoded rows, row-major: row r occupies `values[r·width ..< (r+1)·width]`.
struct EncodedRows: Sendable {
    /// The number of rows.
    var rowCount: Int
    /// Features per row.
    var width: Int
    /// The features.
    var values: [Double]

    /// The rows at `indices`.
    func gathering(_ indices: [Int]) -> EncodedRows {
        var gathered = [Double]()
        gathered.reserveCapacity(indices.count * width)
        for row in indices { gathered.append(contentsOf: values[(row * width)..<((row + 1) * width)]) }
        return EncodedRows(rowCount: indices.count, width: width, values: gathered)
    }

    /// These rows followed by `other`'s.
    func appending(_ other: EncodedRows) -> EncodedRows {
        precondition(other.width == width, "encoded widths differ: \(width) vs \(other.width)")
        return EncodedRows(rowCount: rowCount + other.rowCount, width: width, values: values + other.values)
    }
}
