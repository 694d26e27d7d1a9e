/// Inference rules for columns stored as text (see ``SchemaInference``).
enum TextInference {
    static let booleanPairs: [Set<String>] = [["true", "false"], ["yes", "no"], ["t", "f"], ["y", "n"]]

    static func infer(name: String, codes: [Int32], levels: [String], options: SchemaInference.Options) -> ColumnSchema {
        var counts = [Int](repeating: 0, count: levels.count)
        var nonMissing = 0
        for code in codes where code >= 0 {
            counts[Int(code)] += 1
            nonMissing += 1
        }
        let present = levels.indices.filter { counts[$0] > 0 }
        let values = present.map { levels[$0] }
        let valueCounts = present.map { counts[$0] }
        let domain = CategoryDomain(values: values, counts: valueCounts)
        guard !values.isEmpty else {
            return ColumnSchema(name: name, kind: .categorical, categories: domain, note: "no values observed")
        }
        let hints = ColumnNameHints(name)
        let allDistinct = values.count == nonMissing

        if values.count == 2, booleanPairs.contains(Set(values.map { $0.lowercased() })) {
            return ColumnSchema(name: name, kind: .boolean, categories: domain)
        }
        if let (format, note) = DatetimeDetection.detect(values) {
            let instants = values.compactMap { format.parse($0) }
            return ColumnSchema(
                name: name, kind: .datetime,
                datetime: DatetimeFacts(format: format.pattern, minimum: instants.min(), maximum: instants.max()),
                note: note)
        }
        func share(_ matches: (String) -> Bool) -> Double {
            Double(values.count { matches($0) }) / Double(values.count)
        }
        if share(ValuePatterns.isEmail) >= options.patternShare {
            return pii(name, .email, "values look like e-mail addresses")
        }
        if share({ ValuePatterns.isPhone($0, nameSuggestsPhone: hints.suggestsPhone) }) >= options.patternShare {
            return pii(name, .phone, "values look like phone numbers")
        }
        if allDistinct && nonMissing >= options.minimumIdRows && share(ValuePatterns.isUUID) >= options.patternShare {
            return ColumnSchema(name: name, kind: .id, note: "distinct UUIDs: regenerated, not learned")
        }
        if hints.suggestsPersonName && share(ValuePatterns.isPersonName) >= options.patternShare {
            return pii(name, .personName, "the name suggests a person's name and the values are words starting with a capital")
        }
        if share(ValuePatterns.isStreetAddress) >= options.patternShare
            || (hints.suggestsAddress && share(ValuePatterns.hasDigitAndLetters) >= options.patternShare)
        {
            return pii(name, .address, "values look like street addresses")
        }
        if allDistinct && nonMissing >= options.minimumIdRows
            && (hints.suggestsIdentifier || share(ValuePatterns.isKeyLike) >= options.patternShare)
        {
            return ColumnSchema(
                name: name, kind: .id,
                note: "every value distinct and key-like (short, no spaces, with digits): regenerated, not learned")
        }
        let averageLength = Double(values.reduce(0) { $0 + $1.count }) / Double(values.count)
        if averageLength >= options.minimumTextLength && Double(values.count) >= 0.5 * Double(nonMissing) {
            return ColumnSchema(
                name: name, kind: .text,
                note: "long (average \(Int(averageLength)) characters), mostly distinct free text: not learned yet")
        }
        var note: String?
        if hints.suggestsPhone || hints.suggestsEmail || hints.suggestsPersonName || hints.suggestsAddress {
            note = "the name suggests personal information but the values do not look like it; kept categorical"
        } else if allDistinct && nonMissing >= options.minimumIdRows {
            note = "every value distinct but not key-like; kept categorical (set kind id or text to change)"
        }
        return ColumnSchema(name: name, kind: .categorical, categories: domain, note: note)
    }

    private static func pii(_ name: String, _ kind: PIIKind, _ note: String) -> ColumnSchema {
        ColumnSchema(name: name, kind: .pii, piiKind: kind, note: "\(note): replaced by fake values, never learned")
    }
}
