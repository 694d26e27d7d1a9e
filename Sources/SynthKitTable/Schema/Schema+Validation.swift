public import SynthKitCore

extension Schema {
    /// Checks that the schema is consistent on its own.
    ///
    /// Problems (all reported at once, code `.invalidSchema`, located by field path): empty or
    /// duplicate column names; `missingShare` outside [0, 1]; facts missing for a kind
    /// (`numerical` for numerical, `categories` for categorical and boolean, `datetime` for
    /// datetime, `piiKind` for pii); `minimum` > `maximum`; negative decimal places; duplicate
    /// categories; category counts not aligned with values; a boolean with more than two
    /// values; a datetime format that does not compile.
    public func validate() throws(SynthKitError) {
        let problems = problems(file: nil)
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }

    /// Checks that the table has exactly the schema's columns.
    /// - Throws: `.invalidSchema` naming every schema column missing from the table and every
    ///   table column the schema does not describe.
    public func validate(against table: Table) throws(SynthKitError) {
        var problems: [SynthKitError] = []
        let tableNames = Set(table.columnNames)
        let schemaNames = Set(columnNames)
        for (index, name) in columnNames.enumerated() where !tableNames.contains(name) {
            problems.append(SynthKitError(
                .invalidSchema, "the schema describes column '\(name)' but the table has no such column",
                location: .init(column: name, field: "columns[\(index)].name")))
        }
        for name in table.columnNames where !schemaNames.contains(name) {
            problems.append(SynthKitError(
                .invalidSchema, "the table has column '\(name)' that the schema does not describe; add it to the schema or drop it",
                location: .init(column: name)))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }

    /// Every consistency problem, located in `file` when given.
    func problems(file: String?) -> [SynthKitError] {
        var problems: [SynthKitError] = []
        func report(_ message: String, _ field: String, column: String?) {
            problems.append(SynthKitError(.invalidSchema, message, location: .init(file: file, column: column, field: field)))
        }
        var seen: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            let path = "columns[\(index)]"
            let name = column.name
            if name.isEmpty { report("column name is empty", "\(path).name", column: nil) }
            if let first = seen[name] {
                report("column name '\(name)' is also used by columns[\(first)]; names must be unique", "\(path).name", column: name)
            } else {
                seen[name] = index
            }
            if !(column.missingShare >= 0 && column.missingShare <= 1) {
                report("missingShare \(column.missingShare) must be between 0 and 1", "\(path).missingShare", column: name)
            }
            switch column.kind {
            case .numerical:
                guard let facts = column.numerical else {
                    report("a numerical column needs 'numerical' facts (isInteger, decimalPlaces, minimum, maximum, boundsSource)", "\(path).numerical", column: name)
                    break
                }
                if let minimum = facts.minimum, let maximum = facts.maximum, minimum > maximum {
                    report("minimum \(minimum) is greater than maximum \(maximum)", "\(path).numerical.minimum", column: name)
                }
                if facts.decimalPlaces < 0 {
                    report("decimalPlaces \(facts.decimalPlaces) must not be negative", "\(path).numerical.decimalPlaces", column: name)
                }
            case .categorical, .boolean:
                guard let domain = column.categories else {
                    report("a \(column.kind.rawValue) column needs 'categories' (values, ordered, source)", "\(path).categories", column: name)
                    break
                }
                var values: Set<String> = []
                for (valueIndex, value) in domain.values.enumerated() where !values.insert(value).inserted {
                    report("category '\(value)' is listed twice", "\(path).categories.values[\(valueIndex)]", column: name)
                }
                if let counts = domain.counts, counts.count != domain.values.count {
                    report("categories.counts has \(counts.count) entries for \(domain.values.count) values", "\(path).categories.counts", column: name)
                }
                if column.kind == .boolean && domain.values.count > 2 {
                    report("a boolean column has at most two values, found \(domain.values.count); use kind categorical", "\(path).categories.values", column: name)
                }
            case .datetime:
                guard let facts = column.datetime else {
                    report("a datetime column needs 'datetime' facts with a format such as yyyy-MM-dd", "\(path).datetime", column: name)
                    break
                }
                do {
                    _ = try DatetimeFormat(facts.format)
                } catch {
                    report(error.message, "\(path).datetime.format", column: name)
                }
                if let minimum = facts.minimum, let maximum = facts.maximum, minimum > maximum {
                    report("minimum \(minimum) is later than maximum \(maximum)", "\(path).datetime.minimum", column: name)
                }
            case .pii:
                if column.piiKind == nil {
                    report("a pii column needs 'piiKind' (\(PIIKind.allCases.map(\.rawValue).joined(separator: ", ")))", "\(path).piiKind", column: name)
                }
            case .id, .text:
                break
            }
        }
        return problems
    }
}
