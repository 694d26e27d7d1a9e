/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
///
/// Reference: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
/// (`days_from_civil`, `civil_from_days`), exact for every year representable in `Int`.
enum DatetimeCalendar {
    /// Days from 1970-01-01 to the given date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days in a month.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 10^exponent for small exponents.
    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

/// A cursor over the bytes of one datetime cell.
struct DatetimeByteReader {
    let start: UnsafePointer<UInt8>
    let count: Int
    var index = 0

    var atEnd: Bool { index == count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < count, start[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func digits(minimum: Int, maximum: Int) -> Int? {
        var value = 0
        var taken = 0
        while taken < maximum && index < count {
            let digit = start[index] &- UInt8(ascii: "0")
            if digit > 9 { break }
            value = value * 10 + Int(digit)
            index += 1
            taken += 1
        }
        return taken >= minimum ? value : nil
    }

    mutating func fraction() -> (Int, Int)? {
        var value = 0
        var taken = 0
        while index < count {
            let digit = start[index] &- UInt8(ascii: "0")
            if digit > 9 { break }
            if taken < 9 {
                value = value * 10 + Int(digit)
                taken += 1
            }
            index += 1
        }
        return taken > 0 ? (value, taken) : nil
    }

    /// `Z` (0) or a signed offset `+hh:mm`, `+hhmm`, `+hh` in seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        if take(UInt8(ascii: "Z")) { return 0 }
        let sign: Int
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(minimum: 2, maximum: 2), hours <= 23 else { return nil }
        _ = take(UInt8(ascii: ":"))
        let minutes = digits(minimum: 2, maximum: 2) ?? 0
        guard minutes < 60 else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
