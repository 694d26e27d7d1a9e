/// Byte-level recognisers for values that look like personal information or keys.
enum ValuePatterns {
    /// `local@domain.tld` with no spaces.
    static func isEmail(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, at == bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let domain = bytes[(at + 1)...]
        guard let dot = domain.lastIndex(of: UInt8(ascii: ".")), dot > at + 1, dot < bytes.count - 2 else { return false }
        return !bytes.contains { $0 <= 32 }
    }

    /// 7-15 digits with only `+ - ( ) . space` between them, written like a phone number:
    /// a phone-like column name, a leading `+`, an area code in parentheses, or at least 10
    /// digits with separators (so dates such as `2024-01-31` are not phones).
    static func isPhone(_ value: String, nameSuggestsPhone: Bool) -> Bool {
        var digits = 0
        var separators = 0
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), UInt8(ascii: " "):
                separators += 1
            default: return false
            }
        }
        guard (7...15).contains(digits) else { return false }
        return nameSuggestsPhone || value.hasPrefix("+") || value.contains("(")
            || (digits >= 10 && separators > 0 && separators <= 5)
    }

    /// 8-4-4-4-12 hexadecimal digits.
    static func isUUID(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !isHexDigit(byte) {
                return false
            }
        }
        return true
    }

    /// One to four words of letters (with `-`, `'`, `.`), each starting with a capital.
    static func isPersonName(_ value: String) -> Bool {
        let words = value.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." }
        }
    }

    /// A house number, then words ending in a street type (`12 Baker Street`, `5 Main St.`).
    static func isStreetAddress(_ value: String) -> Bool {
        let words = value.lowercased().split { $0 == " " || $0 == "," }
        guard words.count >= 3, let first = words.first, first.first?.isNumber == true else { return false }
        let streetTypes: Set<String> = ["street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard", "blvd", "way", "court", "ct", "place", "pl", "terrace", "square", "sq", "highway", "hwy"]
        return words.dropFirst().contains { streetTypes.contains($0.trimmingSuffix(".")) }
    }

    /// Contains at least one digit and one letter.
    static func hasDigitAndLetters(_ value: String) -> Bool {
        value.contains { $0.isNumber } && value.contains { $0.isLetter }
    }

    /// Up to 40 characters, no spaces, with at least one digit (`A-10023`, `0007`, `x9f2`).
    static func isKeyLike(_ value: String) -> Bool {
        let bytes = value.utf8
        return bytes.count <= 40 && !bytes.contains(UInt8(ascii: " "))
            && bytes.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }
}

extension Substring {
    /// The text without one trailing `suffix`.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
    }
}
