/// One named column of a ``Table``: typed storage with missing values marked inline.
///
/// Storage is one of two physical layouts, whatever the column's semantic kind in a
/// ``Schema``:
/// - ``Values/numeric(_:)``: `Double` per row, `.nan` marks a missing value (numerical,
///   datetime as seconds since 1970-01-01T00:00:00Z, numeric ids);
/// - ``Values/categorical(codes:levels:)``: dictionary encoded, an `Int32` code per row indexing
///   `levels`, `-1` marks a missing value (categorical, boolean, text ids, PII).
///
/// A column is an immutable value; transformations return new columns.
public struct Column: Sendable, Hashable {
    /// The physical storage of a column.
    public enum Values: Sendable, Hashable {
        /// A double per row; `.nan` is missing.
        case numeric([Double])
        /// A code per row into `levels`; `-1` is missing. Levels are distinct.
        case categorical(codes: [Int32], levels: [String])

        /// Equal storage: same layout and values, where two missing numbers (NaN) are equal,
        /// so a table with missing values equals itself (IEEE `NaN != NaN` would not).
        public static func == (left: Values, right: Values) -> Bool {
            switch (left, right) {
            case (.numeric(let first), .numeric(let second)):
                guard first.count == second.count else { return false }
                for index in first.indices where first[index] != second[index] {
                    if !(first[index].isNaN && second[index].isNaN) { return false }
                }
                return true
            case (.categorical(let firstCodes, let firstLevels), .categorical(let secondCodes, let secondLevels)):
                return firstCodes == secondCodes && firstLevels == secondLevels
            default:
                return false
            }
        }

        /// Hashes consistently with ``==(_:_:)``: every NaN hashes alike.
        public func hash(into hasher: inout Hasher) {
            switch self {
            case .numeric(let numbers):
                hasher.combine(0)
                hasher.combine(numbers.count)
                for value in numbers { hasher.combine(value.isNaN ? Double.nan.bitPattern : (value == 0 ? 0 : value.bitPattern)) }
            case .categorical(let codes, let levels):
                hasher.combine(1)
                hasher.combine(codes)
                hasher.combine(levels)
            }
        }
    }

    /// The column's name, unique within its table.
    public var name: String
    /// The values.
    public var values: Values

    /// Creates a column from storage.
    public init(name: String, values: Values) {
        self.name = name
        self.values = values
    }

    /// A numeric column; `nil` or `.nan` entries are missing.
    public init(name: String, numbers: [Double?]) {
        self.init(name: name, values: .numeric(numbers.map { $0 ?? .nan }))
    }

    /// A categorical column; `nil` entries are missing. Levels are in order of first appearance.
    public init(name: String, strings: [String?]) {
        var levels: [String] = []
        var index: [String: Int32] = [:]
        var codes: [Int32] = []
        codes.reserveCapacity(strings.count)
        for value in strings {
            guard let value else {
                codes.append(-1)
                continue
            }
            if let code = index[value] {
                codes.append(code)
            } else {
                let code = Int32(levels.count)
                index[value] = code
                levels.append(value)
                codes.append(code)
            }
        }
        self.init(name: name, values: .categorical(codes: codes, levels: levels))
    }

    /// The number of rows.
    public var count: Int {
        switch values {
        case .numeric(let numbers): return numbers.count
        case .categorical(let codes, _): return codes.count
        }
    }

    /// Whether row `row` is missing.
    public func isMissing(_ row: Int) -> Bool {
        switch values {
        case .numeric(let numbers): return numbers[row].isNaN
        case .categorical(let codes, _): return codes[row] < 0
        }
    }

    /// How many rows are missing.
    public var missingCount: Int {
        switch values {
        case .numeric(let numbers): return numbers.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .categorical(let codes, _): return codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        }
    }

    /// The numbers, when stored numerically.
    public var numbers: [Double]? {
        if case .numeric(let numbers) = values { return numbers }
        return nil
    }

    /// The codes and levels, when stored categorically.
    public var categories: (codes: [Int32], levels: [String])? {
        if case .categorical(let codes, let levels) = values { return (codes, levels) }
        return nil
    }

    /// The text of row `row` as the CSV writer would print it, or `nil` when missing.
    public func text(at row: Int) -> String? {
        switch values {
        case .numeric(let numbers):
            let value = numbers[row]
            return value.isNaN ? nil : NumberFormatting.shortest(value)
        case .categorical(let codes, let levels):
            let code = codes[row]
            return code < 0 ? nil : levels[Int(code)]
        }
    }

    /// The rows at `indices`, in that order (indices may repeat).
    public func gathering(_ indices: [Int]) -> Column {
        switch values {
        case .numeric(let numbers):
            return Column(name: name, values: .numeric(indices.map { numbers[$0] }))
        case .categorical(let codes, let levels):
            return Column(name: name, values: .categorical(codes: indices.map { codes[$0] }, levels: levels))
        }
    }

    /// The same column under another name.
    public func renamed(_ newName: String) -> Column {
        Column(name: newName, values: values)
    }
}
