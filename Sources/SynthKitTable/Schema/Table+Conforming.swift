public import SynthKitCore

extension Table {
    /// This table with each column in the storage its schema kind implies.
    ///
    /// - numerical: stored as numbers; text is converted when every value is a finite
    ///   number (leading zeros allowed here), otherwise an error;
    /// - datetime: text is parsed with the schema's format into seconds since
    ///   1970-01-01T00:00:00Z; a numeric column is taken to hold seconds already, so
    ///   conforming twice changes nothing;
    /// - categorical, boolean, pii, text: numbers become categories whose levels are the
    ///   numbers' shortest text (`3`, `2.5`), in order of first appearance;
    /// - id: either storage is kept.
    ///
    /// Table columns the schema does not describe are kept unchanged.
    /// - Throws: `.invalidSchema` listing every column that does not fit, with the first bad
    ///   row (1-based data row) and value, and every schema column missing from the table.
    public func conforming(to schema: Schema) throws(SynthKitError) -> Table {
        var problems: [SynthKitError] = []
        var converted = columns
        for (schemaIndex, description) in schema.columns.enumerated() {
            guard let index = columnIndex(of: description.name) else {
                problems.append(SynthKitError(
                    .invalidSchema, "the schema describes column '\(description.name)' but the table has no such column",
                    location: .init(column: description.name, field: "columns[\(schemaIndex)].name")))
                continue
            }
            do {
                converted[index] = try ColumnConversion.conform(columns[index], to: description)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
        return Table(unchecked: converted, rowCount: rowCount)
    }

    /// The inverse of ``conforming(to:)`` for display and writing: datetime columns stored
    /// as seconds become text in their schema format; everything else is unchanged.
    /// - Throws: `.invalidSchema` when a datetime format does not compile.
    public func rendering(with schema: Schema) throws(SynthKitError) -> Table {
        var rendered = columns
        for (index, column) in columns.enumerated() {
            guard let description = schema[column.name], description.kind == .datetime,
                let facts = description.datetime, let numbers = column.numbers
            else { continue }
            let format = try ColumnConversion.format(facts.format, column: column.name)
            let strings: [String?] = numbers.map { $0.isFinite ? format.format($0) : nil }
            rendered[index] = Column(name: column.name, strings: strings)
        }
        return Table(unchecked: rendered, rowCount: rowCount)
    }
}

/// Column storage conversions behind ``Table/conforming(to:)``.
enum ColumnConversion {
    static func conform(_ column: Column, to description: ColumnSchema) throws(SynthKitError) -> Column {
        switch (description.kind, column.values) {
        case (.numerical, .categorical(let codes, let levels)):
            let numbers = levels.map { level -> Double? in
                guard let value = Double(level), value.isFinite else { return nil }
                return value
            }
            try checkEveryLevel(numbers, codes: codes, levels: levels, column: column.name, expected: "a number")
            return Column(name: column.name, values: .numeric(codes.map { $0 < 0 ? .nan : numbers[Int($0)] ?? .nan }))
        case (.datetime, .categorical(let codes, let levels)):
            guard let facts = description.datetime else {
                throw SynthKitError(.invalidSchema, "a datetime column needs a format", location: .init(column: column.name, field: "datetime"))
            }
            let format = try format(facts.format, column: column.name)
            let instants = levels.map { format.parse($0) }
            try checkEveryLevel(instants, codes: codes, levels: levels, column: column.name, expected: "a datetime in format \(facts.format)")
            return Column(name: column.name, values: .numeric(codes.map { $0 < 0 ? .nan : instants[Int($0)] ?? .nan }))
        case (.categorical, .numeric(let numbers)), (.boolean, .numeric(let numbers)), (.pii, .numeric(let numbers)), (.text, .numeric(let numbers)):
            return Column(name: column.name, strings: numbers.map { $0.isNaN ? nil : NumberFormatting.shortest($0) })
        default:
            return column
        }
    }

    static func format(_ pattern: String, column: String) throws(SynthKitError) -> DatetimeFormat {
        do {
            return try DatetimeFormat(pattern)
        } catch {
            throw SynthKitError(.invalidSchema, error.message, location: .init(column: column, field: "datetime.format"))
        }
    }

    private static func checkEveryLevel(
        _ converted: [Double?], codes: [Int32], levels: [String], column: String, expected: String
    ) throws(SynthKitError) {
        guard let firstRow = codes.firstIndex(where: { $0 >= 0 && converted[Int($0)] == nil }) else { return }
        var used = [Bool](repeating: false, count: levels.count)
        for code in codes where code >= 0 { used[Int(code)] = true }
        let bad = converted.indices.filter { converted[$0] == nil && used[$0] }
        let value = levels[Int(codes[firstRow])]
        throw SynthKitError(
            .invalidSchema,
            "row \(firstRow + 1) has '\(value)', which is not \(expected) (\(bad.count) distinct values do not fit); fix the data or the column's kind",
            location: .init(column: column, field: "kind"))
    }
}
