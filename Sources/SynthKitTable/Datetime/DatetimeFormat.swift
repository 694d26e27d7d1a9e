public import SynthKitCore

/// Parses and prints datetimes with a small pattern language, on bytes, in UTC.
///
/// Pattern letters (anything else is a literal; text in single quotes is literal):
/// - `yyyy` four-digit year; `MM` two-digit month, `M` one or two digits; `dd` / `d` day;
///   `HH` / `H` hour 0-23; `mm` minute; `ss` second;
/// - `S…` fraction of a second: printed with as many digits as letters, parsed with 1-9
///   digits; a `.` right before it makes the whole `.S…` part optional when parsing;
/// - `Z` a zone: parses `Z`, `+hh:mm`, `+hhmm` or `+hh`, prints `Z`; `xxx` parses the same,
///   prints `+00:00`. Instants are converted to UTC.
///
/// Examples: `yyyy-MM-dd`, `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, `MM/dd/yyyy`, `dd.MM.yyyy HH:mm`.
/// Values are seconds since 1970-01-01T00:00:00Z (proleptic Gregorian calendar, days by
/// Hinnant's `days_from_civil`). No Foundation `DateFormatter`: parsing is a few byte
/// comparisons per field, well above a million cells per second.
public struct DatetimeFormat: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case literal([UInt8])
        case year, month(padded: Bool), day(padded: Bool), hour(padded: Bool), minute, second
        case fraction(digits: Int, optionalDot: Bool)
        case zone(printsOffset: Bool)
    }

    /// The pattern text.
    public let pattern: String
    let tokens: [Token]
    /// Digits printed for the fraction of a second (0 without an `S` field).
    let fractionDigits: Int
    private static let utcOffset: [UInt8] = Array("+00:00".utf8)

    /// Compiles a pattern.
    /// - Throws: `.invalidArgument` for an unknown pattern letter or an unclosed quote.
    public init(_ pattern: String) throws(SynthKitError) {
        self.pattern = pattern
        self.tokens = try Self.compile(pattern)
        self.fractionDigits = tokens.reduce(0) { result, token in
            if case .fraction(let count, _) = token { return count }
            return result
        }
    }

    /// The pattern text.
    public var description: String { pattern }

    /// Seconds since the epoch spelled by `text`, or `nil` when it does not match.
    public func parse(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            return parse(base, count: bytes.count)
        }
    }

    /// Seconds since the epoch spelled by `count` bytes at `start`, or `nil`.
    ///
    /// Complexity: O(count).
    public func parse(_ start: UnsafePointer<UInt8>, count: Int) -> Double? {
        var reader = DatetimeByteReader(start: start, count: count)
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        for token in tokens {
            switch token {
            case .literal(let bytes):
                for byte in bytes where !reader.take(byte) { return nil }
            case .year:
                var sign = 1
                if reader.take(UInt8(ascii: "-")) { sign = -1 }
                guard let value = reader.digits(minimum: 4, maximum: 4) else { return nil }
                year = sign * value
            case .month(let padded):
                guard let value = reader.digits(minimum: padded ? 2 : 1, maximum: 2), (1...12).contains(value) else { return nil }
                month = value
            case .day(let padded):
                guard let value = reader.digits(minimum: padded ? 2 : 1, maximum: 2), value >= 1 else { return nil }
                day = value
            case .hour(let padded):
                guard let value = reader.digits(minimum: padded ? 2 : 1, maximum: 2), value < 24 else { return nil }
                hour = value
            case .minute:
                guard let value = reader.digits(minimum: 2, maximum: 2), value < 60 else { return nil }
                minute = value
            case .second:
                guard let value = reader.digits(minimum: 2, maximum: 2), value < 60 else { return nil }
                second = value
            case .fraction(_, let optionalDot):
                if optionalDot {
                    guard reader.take(UInt8(ascii: ".")) else { continue }
                }
                guard let (value, digits) = reader.fraction() else { return nil }
                fraction = Double(value) / DatetimeCalendar.powerOfTen(digits)
            case .zone:
                guard let offset = reader.zoneOffset() else { return nil }
                offsetSeconds = offset
            }
        }
        guard reader.atEnd, day <= DatetimeCalendar.daysInMonth(year: year, month: month) else { return nil }
        let days = DatetimeCalendar.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return Double(seconds) + fraction
    }

    /// The text of `seconds` since the epoch in this format (UTC).
    public func format(_ seconds: Double) -> String {
        var bytes: [UInt8] = []
        format(seconds, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text of `seconds` since the epoch to `bytes`.
    public func format(_ seconds: Double, into bytes: inout [UInt8]) {
        let scale = DatetimeCalendar.powerOfTen(fractionDigits)
        var whole = seconds.rounded(.down)
        var fractionUnits = Int(((seconds - whole) * scale).rounded())
        if Double(fractionUnits) >= scale {
            whole += 1
            fractionUnits = 0
        }
        let total = Int(whole)
        var days = total / 86_400
        var remainder = total % 86_400
        if remainder < 0 {
            remainder += 86_400
            days -= 1
        }
        let (year, month, day) = DatetimeCalendar.civilFromDays(days)
        for token in tokens {
            switch token {
            case .literal(let literal): bytes += literal
            case .year:
                if year < 0 { bytes.append(UInt8(ascii: "-")) }
                Self.appendDigits(abs(year), width: 4, to: &bytes)
            case .month(let padded): Self.appendDigits(month, width: padded ? 2 : 1, to: &bytes)
            case .day(let padded): Self.appendDigits(day, width: padded ? 2 : 1, to: &bytes)
            case .hour(let padded): Self.appendDigits(remainder / 3_600, width: padded ? 2 : 1, to: &bytes)
            case .minute: Self.appendDigits(remainder % 3_600 / 60, width: 2, to: &bytes)
            case .second: Self.appendDigits(remainder % 60, width: 2, to: &bytes)
            case .fraction(let count, let optionalDot):
                if optionalDot { bytes.append(UInt8(ascii: ".")) }
                Self.appendDigits(fractionUnits, width: count, to: &bytes)
            case .zone(let printsOffset):
                if printsOffset {
                    bytes += Self.utcOffset
                } else {
                    bytes.append(UInt8(ascii: "Z"))
                }
            }
        }
    }

    @inline(__always)
    private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        var length = 1
        while divisor * 10 <= value {
            divisor *= 10
            length += 1
        }
        for _ in length..<max(width, length) { bytes.append(UInt8(ascii: "0")) }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private static func compile(_ pattern: String) throws(SynthKitError) -> [Token] {
        let characters = Array(pattern)
        var tokens: [Token] = []
        var literal: [UInt8] = []
        var index = 0
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)) }
            literal = []
        }
        while index < characters.count {
            let character = characters[index]
            var run = 1
            while index + run < characters.count && characters[index + run] == character { run += 1 }
            switch character {
            case "'":
                guard let close = characters[(index + 1)...].firstIndex(of: "'") else {
                    throw SynthKitError(.invalidArgument, "datetime pattern '\(pattern)' has an unclosed quote")
                }
                literal += Array(String(characters[(index + 1)..<close]).utf8)
                index = close + 1
                continue
            case "y" where run == 4: flush(); tokens.append(.year)
            case "M" where run <= 2: flush(); tokens.append(.month(padded: run == 2))
            case "d" where run <= 2: flush(); tokens.append(.day(padded: run == 2))
            case "H" where run <= 2: flush(); tokens.append(.hour(padded: run == 2))
            case "m" where run == 2: flush(); tokens.append(.minute)
            case "s" where run == 2: flush(); tokens.append(.second)
            case "S" where run <= 9:
                let optionalDot = literal.last == UInt8(ascii: ".")
                if optionalDot { literal.removeLast() }
                flush()
                tokens.append(.fraction(digits: run, optionalDot: optionalDot))
            case "Z" where run == 1: flush(); tokens.append(.zone(printsOffset: false))
            case "x" where run == 3: flush(); tokens.append(.zone(printsOffset: true))
            default:
                if character.isLetter {
                    throw SynthKitError(
                        .invalidArgument,
                        "datetime pattern '\(pattern)' has unknown letters '\(String(repeating: character, count: run))'; use yyyy, MM, M, dd, d, HH, H, mm, ss, S…, Z, xxx and quote literal text ('T')")
                }
                literal += Array(String(repeating: character, count: run).utf8)
            }
            index += run
        }
        flush()
        return tokens
    }
}
