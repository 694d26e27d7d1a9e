public import SynthKitTable

/// A reversible encoding of a categorical or boolean column as dense integer codes, with
/// "missing" as one more category so that its frequency and associations are learned.
///
/// Codes `0..<levels.count` are the categories; code `levels.count` is missing (present only
/// when ``hasMissing``). A column stored numerically but described as categorical (a 0/1 flag)
/// keeps its numbers: ``numericLevels`` restores them. O(rows) each way.
public struct CategoryEncoding: Codable, Hashable, Sendable {
    /// The category spellings, in code order.
    public var levels: [String]
    /// The numbers behind the levels when the training column was stored numerically.
    public var numericLevels: [Double]?
    /// Whether missing is one of the codes (the last).
    public var hasMissing: Bool

    /// Creates an encoding.
    public init(levels: [String], numericLevels: [Double]?, hasMissing: Bool) {
        self.levels = levels
        self.numericLevels = numericLevels
        self.hasMissing = hasMissing
    }

    /// The number of codes, missing included.
    public var codeCount: Int { levels.count + (hasMissing ? 1 : 0) }

    /// The code used for missing, when ``hasMissing``.
    public var missingCode: Int { levels.count }

    /// Learns the levels of a column (in order of the schema's declared domain when given,
    /// then order of first appearance) and encodes it.
    public static func fit(_ column: Column, schema: ColumnSchema?) -> (encoding: CategoryEncoding, codes: [Int32]) {
        var levels: [String] = schema?.categories?.values ?? []
        var lookup: [String: Int32] = [:]
        for (index, level) in levels.enumerated() { lookup[level] = Int32(index) }
        var numericLookup: [Double: Int32] = [:]
        var numericLevels: [Double] = []
        var codes = [Int32](repeating: -1, count: column.count)
        var isNumeric = false
        switch column.values {
        case .categorical(let sourceCodes, let sourceLevels):
            let mapping: [Int32] = sourceLevels.map { level in
                if let code = lookup[level] { return code }
                let code = Int32(levels.count)
                lookup[level] = code
                levels.append(level)
                return code
            }
            for row in sourceCodes.indices where sourceCodes[row] >= 0 {
                codes[row] = mapping[Int(sourceCodes[row])]
            }
        case .numeric(let numbers):
            isNumeric = true
            for (index, level) in levels.enumerated() {
                if let number = Double(level) {
                    numericLookup[number] = Int32(index)
                    numericLevels.append(number)
                } else {
                    numericLevels.append(.nan)
                }
            }
            for row in numbers.indices where !numbers[row].isNaN {
                let number = numbers[row]
                if let code = numericLookup[number] {
                    codes[row] = code
                } else {
                    let code = Int32(levels.count)
                    numericLookup[number] = code
                    levels.append(NumberFormatting.shortest(number))
                    numericLevels.append(number)
                    codes[row] = code
                }
            }
        }
        let hasMissing = codes.contains(-1)
        let encoding = CategoryEncoding(levels: levels, numericLevels: isNumeric ? numericLevels : nil, hasMissing: hasMissing)
        if hasMissing {
            let missing = Int32(levels.count)
            for row in codes.indices where codes[row] < 0 { codes[row] = missing }
        }
        return (encoding, codes)
    }

    /// The column for codes (`missingCode` or any negative code becomes missing).
    public func decode(_ codes: [Int32], name: String) -> Column {
        if let numericLevels {
            return Column(name: name, values: .numeric(codes.map { code in
                code >= 0 && Int(code) < numericLevels.count ? numericLevels[Int(code)] : .nan
            }))
        }
        let count = Int32(levels.count)
        return Column(name: name, values: .categorical(codes: codes.map { $0 >= 0 && $0 < count ? $0 : -1 }, levels: levels))
    }
}
