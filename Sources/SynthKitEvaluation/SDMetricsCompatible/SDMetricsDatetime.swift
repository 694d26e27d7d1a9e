import SynthKitTable

/// Datetime text to numbers the way SDMetrics sees them: `pd.to_datetime(column, format=…)` then
/// `pd.to_numeric`, i.e. nanoseconds since 1970-01-01T00:00:00 (naive, no time zone).
///
/// Supported format directives: `%Y %y %m %d %H %M %S %f %%` and literal characters. As in
/// SDMetrics 0.32.0 (`_utils_metadata.py:_convert_datetime_column`), a text column without a
/// `datetime_format` cannot be converted, and one value that does not parse fails the whole
/// column (`nil` in both cases). Columns already stored as numbers are used as they are.
///
/// Complexity: O(n · length of a value).
enum SDMetricsDatetime {
    /// The column's values as nanoseconds (NaN = missing), or `nil` when a value does not parse.
    static func nanoseconds(of column: Column, format: String?) -> [Double]? {
        switch column.values {
        case .numeric(let numbers):
            return numbers
        case .categorical(let codes, let levels):
            var parsed: [Double] = []
            parsed.reserveCapacity(levels.count)
            for level in levels {
                guard let value = parse(level, format: format) else { return nil }
                parsed.append(value)
            }
            return codes.map { $0 < 0 ? .nan : parsed[Int($0)] }
        }
    }

    /// One value as nanoseconds since the epoch, or `nil`.
    static func parse(_ text: String, format: String?) -> Double? {
        let bytes = Array(text.utf8)
        guard let format else { return nil }
        var fields = Fields()
        guard fields.read(bytes, format: Array(format.utf8)) else { return nil }
        return fields.nanoseconds
    }

    /// Parsed calendar fields.
    struct Fields {
        var year = 1970
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0
        var nanosecond = 0

        /// Nanoseconds since the epoch, or `nil` for an impossible date.
        var nanoseconds: Double? {
            let monthLengths = [31, Self.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...12).contains(month), day >= 1, day <= monthLengths[month - 1], hour < 24, minute < 60, second < 60 else { return nil }
            let days = Self.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            guard !overflow else { return nil }
            return Double(product + Int64(nanosecond))
        }

        static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

        /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
        static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
            let yearOfEra = shiftedYear - era * 400
            let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return Int64(era * 146_097 + dayOfEra - 719_468)
        }

        /// Reads `bytes` against a strptime `format`; true when everything matched.
        mutating func read(_ bytes: [UInt8], format: [UInt8]) -> Bool {
            var position = 0
            var index = 0
            while index < format.count {
                let character = format[index]
                guard character == UInt8(ascii: "%"), index + 1 < format.count else {
                    guard position < bytes.count, bytes[position] == character else { return false }
                    position += 1
                    index += 1
                    continue
                }
                let directive = format[index + 1]
                index += 2
                switch directive {
                case UInt8(ascii: "Y"): guard let value = Self.digits(bytes, &position, minimum: 4, maximum: 4) else { return false }; year = value
                case UInt8(ascii: "y"):
                    guard let value = Self.digits(bytes, &position, minimum: 2, maximum: 2) else { return false }
                    year = value < 69 ? 2000 + value : 1900 + value
                case UInt8(ascii: "m"): guard let value = Self.digits(bytes, &position, minimum: 1, maximum: 2) else { return false }; month = value
                case UInt8(ascii: "d"): guard let value = Self.digits(bytes, &position, minimum: 1, maximum: 2) else { return false }; day = value
                case UInt8(ascii: "H"): guard let value = Self.digits(bytes, &position, minimum: 1, maximum: 2) else { return false }; hour = value
                case UInt8(ascii: "M"): guard let value = Self.digits(bytes, &position, minimum: 1, maximum: 2) else { return false }; minute = value
                case UInt8(ascii: "S"): guard let value = Self.digits(bytes, &position, minimum: 1, maximum: 2) else { return false }; second = value
                case UInt8(ascii: "f"):
                    let start = position
                    guard let value = Self.digits(bytes, &position, minimum: 1, maximum: 9) else { return false }
                    var scaled = value
                    for _ in (position - start)..<9 { scaled *= 10 }
                    nanosecond = scaled
                case UInt8(ascii: "%"):
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "%") else { return false }
                    position += 1
                default:
                    return false
                }
            }
            return position == bytes.count
        }

        static func digits(_ bytes: [UInt8], _ position: inout Int, minimum: Int, maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while count < maximum, position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
                count += 1
            }
            return count >= minimum ? value : nil
        }
    }
}
