/// Inference rules for columns stored as numbers (see ``SchemaInference``).
enum NumericInference {
    static func infer(name: String, numbers: [Double], options: SchemaInference.Options) -> ColumnSchema {
        let values = numbers.filter { !$0.isNaN }
        guard !values.isEmpty else {
            return ColumnSchema(
                name: name, kind: .numerical,
                numerical: NumericalFacts(isInteger: false, decimalPlaces: 0, minimum: nil, maximum: nil),
                note: "no values observed; kept numerical without bounds")
        }
        let sorted = values.sorted()
        var distinct = 1
        for index in 1..<sorted.count where sorted[index] != sorted[index - 1] { distinct += 1 }
        let minimum = sorted[0]
        let maximum = sorted[sorted.count - 1]
        let isInteger = values.allSatisfy { $0 == $0.rounded() }
        let hints = ColumnNameHints(name)

        if isInteger && distinct == 2 && minimum == 0 && maximum == 1 {
            if hints.suggestsFlag {
                let counts = [values.count { $0 == 0 }, values.count { $0 == 1 }]
                return ColumnSchema(
                    name: name, kind: .boolean, categories: CategoryDomain(values: ["0", "1"], counts: counts),
                    note: "values are 0/1 and the name reads like a flag")
            }
        }
        if isInteger && distinct == values.count && values.count >= options.minimumIdRows {
            let consecutive = maximum - minimum + 1 == Double(values.count)
            if hints.suggestsIdentifier || consecutive {
                return ColumnSchema(
                    name: name, kind: .id,
                    note: hints.suggestsIdentifier
                        ? "distinct integers and the name reads like a key: regenerated, not learned"
                        : "distinct consecutive integers (a row number): regenerated, not learned")
            }
        }
        let places = isInteger ? 0 : decimalPlaces(values)
        var note: String?
        if isInteger && distinct == 2 && minimum == 0 && maximum == 1 {
            note = "values are 0/1 but the name does not read like a flag; kept numerical (set kind boolean to change)"
        } else if isInteger && distinct <= 20 {
            note = "integer with \(distinct) distinct values; kept numerical (set kind categorical if the numbers are codes)"
        } else if !isInteger && distinct == values.count && values.count >= options.minimumIdRows {
            note = "all values distinct, but decimals are measurements, not keys; kept numerical"
        }
        return ColumnSchema(
            name: name, kind: .numerical,
            numerical: NumericalFacts(isInteger: isInteger, decimalPlaces: places, minimum: minimum, maximum: maximum),
            note: note)
    }

    /// The most decimal places any value needs (0-15), read from its shortest decimal form.
    static func decimalPlaces(_ values: [Double]) -> Int {
        var places = 0
        var scale = 1.0
        let powers: [Double] = (0...15).map { exponent in
            var value = 1.0
            for _ in 0..<exponent { value *= 10 }
            return value
        }
        for value in values {
            while places < 15 {
                let scaled = value * scale
                if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)) { break }
                places += 1
                scale = powers[places]
            }
            if places == 15 { break }
        }
        return places
    }
}
