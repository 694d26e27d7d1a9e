/// What a column's name suggests, from its lower-cased word parts (`customerId`,
/// `customer_id` and `Customer ID` all give `["customer", "id"]`).
struct ColumnNameHints {
    let words: [String]

    init(_ name: String) {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase && previousLower {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        self.words = words
    }

    private func has(_ candidates: Set<String>) -> Bool { words.contains { candidates.contains($0) } }

    var suggestsIdentifier: Bool {
        guard let last = words.last else { return false }
        return ["id", "key", "uuid", "guid", "identifier"].contains(last)
    }
    var suggestsFlag: Bool {
        guard let first = words.first else { return false }
        return ["is", "has", "was", "flag", "bool"].contains(first) || words.last == "flag"
    }
    var suggestsPersonName: Bool {
        if words == ["name"] { return true }
        guard words.contains("name") || words.contains("surname") else { return false }
        return has(["first", "last", "full", "given", "middle", "family", "surname", "person", "customer", "patient", "user", "employee", "contact", "maiden"])
    }
    var suggestsPhone: Bool { has(["phone", "telephone", "tel", "mobile", "cell", "fax"]) }
    var suggestsEmail: Bool { has(["email", "mail", "e"]) && !words.contains("domain") }
    var suggestsAddress: Bool { has(["address", "street", "addr"]) }
}
