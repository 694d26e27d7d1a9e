public import SynthKitCore
public import SynthKitTable

/// Seeded fake values for `pii` columns: realistic in form, never derived from training data.
///
/// Value `i` of a column draws only from `seed.derived("pii.<column>", index: i)`, so a value
/// depends on its global row, not on batch size or threads. Word lists are per ``Locale``
/// (en_US only for now). Formats: e-mail `first.last<n>@<domain>` (RFC 5322 dot-atom local
/// part), US phone `(NXX) NXX-XXXX`, `<number> <street> <suffix>`, 5-digit ZIP, SSN-shaped
/// `AAA-GG-SSSS` avoiding the invalid area/group/serial values, IPv4 in 10.0.0.0/8 (private, so a
/// fake never names a real host), `https://www.<word><n>.example/<word>`, and 16-digit card
/// numbers with a valid Luhn check digit on the 4 test prefix. O(1) per value.
public struct FakeValueGenerator: Sendable {
    /// The word lists of one locale.
    public struct Locale: Sendable {
        /// Given names.
        public var givenNames: [String]
        /// Family names.
        public var familyNames: [String]
        /// Street names.
        public var streets: [String]
        /// Street suffixes.
        public var streetSuffixes: [String]
        /// City names.
        public var cities: [String]
        /// E-mail and web domains (reserved `example` domains).
        public var domains: [String]

        /// United States English.
        public static let enUS = Locale(
            givenNames: ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
                         "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Aisha"],
            familyNames: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
                          "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Nguyen", "Lee"],
            streets: ["Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park", "Main", "Sunset", "River"],
            streetSuffixes: ["St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Way"],
            cities: ["Springfield", "Riverside", "Franklin", "Greenville", "Bristol", "Clinton", "Fairview", "Salem",
                     "Madison", "Georgetown", "Arlington", "Ashland"],
            domains: ["example.com", "example.org", "example.net"])
    }

    /// The locale's word lists.
    public var locale: Locale

    /// Creates a generator.
    public init(locale: Locale = .enUS) {
        self.locale = locale
    }

    /// `count` fake values of `kind` for rows `offset..<offset+count` of column `name`.
    public func column(name: String, kind: PIIKind, count: Int, seed: Seed, offset: Int) -> Column {
        let values: [String?] = (0..<count).map { index in
            var stream = seed.derived("pii.\(name)", index: offset + index).stream()
            return value(kind: kind, stream: &stream)
        }
        return Column(name: name, strings: values)
    }

    /// One fake value of `kind`.
    public func value(kind: PIIKind, stream: inout RandomStream) -> String {
        func pick(_ words: [String]) -> String { words[stream.nextIndex(below: words.count)] }
        func digits(_ count: Int) -> String { (0..<count).map { _ in String(stream.nextIndex(below: 10)) }.joined() }
        switch kind {
        case .email:
            return "\(pick(locale.givenNames).lowercased()).\(pick(locale.familyNames).lowercased())\(stream.nextIndex(below: 1000))@\(pick(locale.domains))"
        case .personName:
            return "\(pick(locale.givenNames)) \(pick(locale.familyNames))"
        case .phone:
            return "(\(2 + stream.nextIndex(below: 8))\(digits(2))) \(2 + stream.nextIndex(below: 8))\(digits(2))-\(digits(4))"
        case .address:
            return "\(1 + stream.nextIndex(below: 9999)) \(pick(locale.streets)) \(pick(locale.streetSuffixes))"
        case .city:
            return pick(locale.cities)
        case .postcode:
            return digits(5)
        case .nationalIdentifier, .other:
            var area = 1 + stream.nextIndex(below: 899)
            if area == 666 { area = 667 }
            let group = 1 + stream.nextIndex(below: 99)
            let serial = 1 + stream.nextIndex(below: 9999)
            return "\(Self.padded(area, 3))-\(Self.padded(group, 2))-\(Self.padded(serial, 4))"
        case .ipAddress:
            return "10.\(stream.nextIndex(below: 256)).\(stream.nextIndex(below: 256)).\(1 + stream.nextIndex(below: 254))"
        case .url:
            return "https://www.\(pick(locale.streets).lowercased())\(stream.nextIndex(below: 100)).example/\(pick(locale.cities).lowercased())"
        case .creditCardNumber:
            let body = "4" + digits(14)
            return body + String(Self.luhnCheckDigit(body))
        }
    }

    /// The Luhn check digit of a digit string: doubling every second digit from the right of the
    /// full number, the sum must be a multiple of 10 (ISO/IEC 7812-1).
    public static func luhnCheckDigit(_ body: String) -> Int {
        var sum = 0
        for (position, character) in body.reversed().enumerated() {
            var digit = character.wholeNumberValue ?? 0
            if position % 2 == 0 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return (10 - sum % 10) % 10
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
