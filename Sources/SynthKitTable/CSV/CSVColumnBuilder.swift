import SynthKitCore

/// Accumulates one CSV column as typed storage while the file streams by.
///
/// A column starts numeric and stays numeric while every non-missing cell parses as a
/// finite decimal number (``ByteNumberParser``). At the first cell that does not, it turns
/// categorical: earlier numeric cells are marked for backfill (code `-2`) and re-read from
/// the input afterwards, so no cell text is ever kept for a column that stays numeric.
struct CSVColumnBuilder {
    static let pendingCode: Int32 = -2

    let name: String
    private(set) var isNumeric = true
    private(set) var numbers: [Double] = []
    private(set) var codes: [Int32] = []
    private(set) var interner = ByteInterner()
    /// The row at which the column turned categorical while earlier rows held numbers.
    private(set) var backfillRows = 0

    init(name: String) {
        self.name = name
    }

    /// Whether rows before ``backfillRows`` still need their text.
    var needsBackfill: Bool { backfillRows > 0 }

    @inline(__always)
    mutating func appendMissing() {
        if isNumeric {
            numbers.append(.nan)
        } else {
            codes.append(-1)
        }
    }

    /// Appends a non-missing cell.
    /// - Returns: the offset of an invalid UTF-8 byte within the cell, if the cell is a new
    ///   level that is not well-formed UTF-8.
    @inline(__always)
    mutating func append(_ start: UnsafePointer<UInt8>, count: Int) -> Int? {
        if isNumeric {
            if let value = ByteNumberParser.parse(start, count: count) {
                numbers.append(value)
                return nil
            }
            turnCategorical()
        }
        return intern(start, count: count, row: nil)
    }

    /// Interns a cell into row `row` (backfill) or appends it (`row == nil`).
    @inline(__always)
    mutating func intern(_ start: UnsafePointer<UInt8>, count: Int, row: Int?) -> Int? {
        let (code, isNew) = interner.intern(start, count: count)
        if let row {
            codes[row] = code
        } else {
            codes.append(code)
        }
        if isNew {
            var highBits: UInt8 = 0
            for index in 0..<count { highBits |= start[index] }
            if highBits >= 0x80 { return UTF8Validation.firstInvalidByte(start, count: count) }
        }
        return nil
    }

    /// Whether row `row` waits for backfill.
    func isPending(_ row: Int) -> Bool {
        row < backfillRows && codes[row] == Self.pendingCode
    }

    private mutating func turnCategorical() {
        isNumeric = false
        codes.reserveCapacity(Swift.max(numbers.capacity, 16))
        var anyNumber = false
        for value in numbers {
            if value.isNaN {
                codes.append(-1)
            } else {
                codes.append(Self.pendingCode)
                anyNumber = true
            }
        }
        if anyNumber { backfillRows = numbers.count }
        numbers = []
    }

    /// The finished column. Levels are in order of first appearance in the file.
    consuming func finish() -> Column {
        if isNumeric { return Column(name: name, values: .numeric(numbers)) }
        var levels = interner.strings()
        if needsBackfill {
            // Backfilled rows were interned after later rows: renumber by first appearance.
            var remap = [Int32](repeating: -1, count: levels.count)
            var order: [Int] = []
            order.reserveCapacity(levels.count)
            for code in codes where code >= 0 && remap[Int(code)] < 0 {
                remap[Int(code)] = Int32(order.count)
                order.append(Int(code))
            }
            levels = order.map { levels[$0] }
            for index in codes.indices where codes[index] >= 0 {
                codes[index] = remap[Int(codes[index])]
            }
        }
        return Column(name: name, values: .categorical(codes: codes, levels: levels))
    }
}
