/// Finds one ``DatetimeFormat`` that parses every distinct value of a text column.
enum DatetimeDetection {
    static let datePatterns = ["yyyy-MM-dd", "yyyy/MM/dd", "MM/dd/yyyy", "dd/MM/yyyy", "dd.MM.yyyy", "M/d/yyyy", "d/M/yyyy"]
    static let timePatterns = ["", "'T'HH:mm:ss", "'T'HH:mm", " HH:mm:ss", " HH:mm"]

    /// The format and an optional note, or `nil` when no candidate parses every value.
    ///
    /// Candidates are tried in a fixed order; a value must be 6-40 bytes long and start with
    /// a digit. Fraction digits and the zone style are read from the values.
    static func detect(_ values: [String]) -> (DatetimeFormat, String?)? {
        guard values.allSatisfy({ (6...40).contains($0.utf8.count) && ($0.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false) }) else {
            return nil
        }
        let fractionDigits = values.reduce(0) { max($0, fractionLength($1)) }
        let hasOffset = values.contains { hasNumericOffset($0) }
        let hasZulu = values.contains { $0.hasSuffix("Z") }
        let zone = hasOffset ? "xxx" : (hasZulu ? "Z" : "")
        let fraction = fractionDigits > 0 ? "." + String(repeating: "S", count: min(fractionDigits, 9)) : ""
        for date in datePatterns {
            for time in timePatterns {
                let suffix = time.isEmpty ? "" : time + (time.hasSuffix("ss") ? fraction : "") + zone
                let pattern = date + suffix
                if time.isEmpty && !zone.isEmpty { continue }
                guard let format = try? DatetimeFormat(pattern) else { continue }
                if values.allSatisfy({ format.parse($0) != nil }) {
                    var note: String?
                    if date == "MM/dd/yyyy" || date == "M/d/yyyy" {
                        let swapped = date == "MM/dd/yyyy" ? "dd/MM/yyyy" : "d/M/yyyy"
                        if let other = try? DatetimeFormat(swapped + suffix),
                            values.allSatisfy({ other.parse($0) != nil })
                        {
                            note = "day and month order is ambiguous (no component above 12); assumed month first, change the format to \(swapped) if days come first"
                        }
                    }
                    return (format, note)
                }
            }
        }
        return nil
    }

    /// Digits after `ss.` in a time, 0 if none.
    static func fractionLength(_ value: String) -> Int {
        let bytes = Array(value.utf8)
        guard let colon = bytes.lastIndex(of: UInt8(ascii: ":")), colon + 3 < bytes.count, bytes[colon + 3] == UInt8(ascii: ".") else { return 0 }
        var count = 0
        var index = colon + 4
        while index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 {
            count += 1
            index += 1
        }
        return count
    }

    /// Whether the value ends with `+hh:mm`, `-hh:mm`, `+hhmm` after a time.
    static func hasNumericOffset(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count > 16 else { return false }
        for length in [6, 5, 3] where bytes.count > length {
            let sign = bytes[bytes.count - length]
            if (sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")) && bytes[..<(bytes.count - length)].contains(UInt8(ascii: ":")) {
                return true
            }
        }
        return false
    }
}
