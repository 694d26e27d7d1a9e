import Foundation

/// Parses decimal numbers from raw bytes without creating a `String` (the CSV hot path).
///
/// Accepted syntax, the rule a CSV column must meet to be numeric:
/// `[+-]? digits? ('.' digits?)? ([eE] [+-]? digits)?` with at least one digit in the
/// mantissa, where an integer part of two or more digits must not start with `0` (`007`,
/// `00` are kept as text: they are codes, not quantities), and the value must be finite.
/// `inf`, `nan`, hexadecimal, thousands separators and surrounding spaces are not numbers.
///
/// Exact: mantissas up to 2^53 with decimal exponents within ±22 use Clinger's fast path
/// (one correctly rounded multiplication or division); everything else falls back to the C
/// library's correctly rounded `strtod`, so every shortest-form `Double` text reads back
/// bit for bit.
enum ByteNumberParser {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number spelled by `count` bytes at `start`, or `nil` when they do not spell one.
    ///
    /// Complexity: O(count).
    @inline(__always)
    static func parse(_ start: UnsafePointer<UInt8>, count: Int) -> Double? {
        if count == 0 || count > 400 { return nil }
        var index = 0
        var negative = false
        let first = start[0]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digitCount = 0
        var decimalExponent = 0
        let integerStart = index
        while index < count {
            let digit = start[index] &- UInt8(ascii: "0")
            if digit > 9 { break }
            if significantDigits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { significantDigits += 1 }
            } else {
                decimalExponent += 1
                significantDigits += 1
            }
            index += 1
        }
        let integerDigits = index - integerStart
        if integerDigits > 1 && start[integerStart] == UInt8(ascii: "0") { return nil }
        digitCount = integerDigits
        if index < count && start[index] == UInt8(ascii: ".") {
            index += 1
            while index < count {
                let digit = start[index] &- UInt8(ascii: "0")
                if digit > 9 { break }
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa != 0 { significantDigits += 1 }
                    decimalExponent -= 1
                } else {
                    significantDigits += 1
                }
                digitCount += 1
                index += 1
            }
        }
        if digitCount == 0 { return nil }
        if index < count && (start[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count && (start[index] == UInt8(ascii: "-") || start[index] == UInt8(ascii: "+")) {
                exponentNegative = start[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            var exponent = 0
            while index < count {
                let digit = start[index] &- UInt8(ascii: "0")
                if digit > 9 { break }
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                index += 1
            }
            if index == exponentStart { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        if index != count { return nil }
        if significantDigits <= 19 && mantissa <= (1 << 53) && decimalExponent >= -22 && decimalExponent <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 {
                value /= powersOfTen[-decimalExponent]
            } else {
                value *= powersOfTen[decimalExponent]
            }
            return negative ? -value : value
        }
        return slowParse(start, count: count)
    }

    /// Correctly rounded conversion through `strtod` for the rare long or extreme numbers.
    private static func slowParse(_ start: UnsafePointer<UInt8>, count: Int) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            UnsafeMutableRawPointer(base).copyMemory(from: start, byteCount: count)
            base[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end == base + count, value.isFinite else { return nil }
            return value
        }
    }
}
