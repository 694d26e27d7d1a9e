/// Checks that bytes are well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, at most
/// U+10FFFF).
enum UTF8Validation {
    /// The offset of the first byte that is not part of a well-formed sequence, or `nil`.
    ///
    /// Complexity: O(count).
    static func firstInvalidByte(_ start: UnsafePointer<UInt8>, count: Int) -> Int? {
        var index = 0
        while index < count {
            let lead = start[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return index
            }
            if index + length > count { return index }
            let second = start[index + 1]
            if second < lowerBound || second > upperBound { return index }
            for offset in 2..<max(length, 2) where offset < length {
                let continuation = start[index + offset]
                if continuation < 0x80 || continuation > 0xBF { return index }
            }
            index += length
        }
        return nil
    }
}
