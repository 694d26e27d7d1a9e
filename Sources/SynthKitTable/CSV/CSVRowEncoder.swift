import SynthKitCore

/// Prints rows of one table for ``CSVWriter``: each column's printing rule is decided once,
/// categorical levels are encoded (and quoted) once, then cells are byte appends.
struct CSVRowEncoder {
    enum Rule {
        case shortest([Double])
        case fixed([Double], places: Int)
        case datetime([Double], DatetimeFormat)
        case categorical([Int32], levels: [[UInt8]])
    }

    let rules: [Rule]
    let delimiter: UInt8

    init(table: Table, schema: Schema?, writer: CSVWriter) throws(SynthKitError) {
        var rules: [Rule] = []
        for column in table.columns {
            let description = schema?[column.name]
            switch column.values {
            case .numeric(let numbers):
                if let description, description.kind == .datetime, let facts = description.datetime {
                    do {
                        rules.append(.datetime(numbers, try DatetimeFormat(facts.format)))
                    } catch {
                        throw SynthKitError(
                            .invalidSchema, error.message, location: .init(column: column.name, field: "datetime.format"))
                    }
                } else if let facts = description?.numerical, description?.kind == .numerical {
                    rules.append(.fixed(numbers, places: facts.isInteger ? 0 : facts.decimalPlaces))
                } else {
                    rules.append(.shortest(numbers))
                }
            case .categorical(let codes, let levels):
                let encoded = levels.map { level in
                    var bytes: [UInt8] = []
                    writer.appendField(Array(level.utf8), to: &bytes, forceQuotes: level.isEmpty)
                    return bytes
                }
                rules.append(.categorical(codes, levels: encoded))
            }
        }
        self.rules = rules
        self.delimiter = writer.delimiter
    }

    /// Appends rows `rows`, each ending in LF. A one-column row that is missing is an empty
    /// line (the reader reads it back as missing).
    func encodeRows(_ rows: Range<Int>, into bytes: inout [UInt8]) throws(SynthKitError) {
        for row in rows {
            for (index, rule) in rules.enumerated() {
                if index > 0 { bytes.append(delimiter) }
                switch rule {
                case .shortest(let numbers):
                    let value = numbers[row]
                    if !value.isNaN { Self.appendShortest(value, to: &bytes) }
                case .fixed(let numbers, let places):
                    let value = numbers[row]
                    if value.isNaN { break }
                    if places == 0 {
                        Self.appendShortest(value.rounded(), to: &bytes)
                    } else {
                        bytes += Array(NumberFormatting.fixed(value, places: places).utf8)
                    }
                case .datetime(let numbers, let format):
                    let value = numbers[row]
                    if value.isFinite { format.format(value, into: &bytes) }
                case .categorical(let codes, let levels):
                    let code = codes[row]
                    if code >= 0 { bytes += levels[Int(code)] }
                }
            }
            bytes.append(10)
        }
    }

    /// The shortest text that reads back as `value`: integers digit by digit, others through
    /// Swift's shortest round-trip description.
    @inline(__always)
    static func appendShortest(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded() && abs(value) < 9_007_199_254_740_992 {
            var integer = Int64(value)
            if integer < 0 {
                bytes.append(UInt8(ascii: "-"))
                integer = -integer
            }
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { scratch in
                repeat {
                    scratch[count] = UInt8(ascii: "0") + UInt8(integer % 10)
                    integer /= 10
                    count += 1
                } while integer > 0
                for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(scratch[index]) }
            }
            return
        }
        bytes += Array(value.description.utf8)
    }
}
