package import SynthKitCore
package import SynthKitTable

/// Checks conditions against a schema and tests sampled rows against them.
///
/// Values are compared as the schema reads them: numbers numerically (`"37"` equals `37.0`),
/// datetimes as instants in the column's format, everything else as text.
package struct ConditionMatcher: Sendable {
    /// A resolved assignment: the column and its comparable value.
    package enum Target: Hashable, Sendable {
        case missing
        case number(Double)
        case text(String)
    }

    let schema: Schema

    package init(schema: Schema) {
        self.schema = schema
    }

    /// The comparable value of `assignment` in its column.
    /// - Throws: `.invalidArgument` for an unknown column or a value the column cannot hold.
    package func target(of assignment: Condition.Assignment) throws(SynthKitError) -> Target {
        guard let columnSchema = schema[assignment.column] else {
            throw SynthKitError(
                .invalidArgument,
                "condition names column '\(assignment.column)', which the model does not have; columns are \(schema.columnNames.joined(separator: ", "))",
                location: .init(column: assignment.column, field: "condition"))
        }
        guard let value = assignment.value else { return .missing }
        switch columnSchema.kind {
        case .numerical:
            guard let number = Double(value.trimmingWhitespace()), number.isFinite else {
                throw SynthKitError(
                    .invalidArgument, "condition on numerical column '\(assignment.column)' needs a number, got '\(value)'",
                    location: .init(column: assignment.column, field: "condition"))
            }
            return .number(number)
        case .datetime:
            let pattern = columnSchema.datetime?.format ?? ""
            guard let format = try? DatetimeFormat(pattern), let seconds = format.parse(value) else {
                throw SynthKitError(
                    .invalidArgument, "condition on datetime column '\(assignment.column)' needs a time in format '\(pattern)', got '\(value)'",
                    location: .init(column: assignment.column, field: "condition"))
            }
            return .number(seconds)
        default:
            return .text(value)
        }
    }

    /// Whether `target` was seen in training according to the schema's domain and bounds
    /// (a schema without a domain or bounds accepts everything).
    package func isSeen(_ target: Target, column: String) -> Bool {
        guard let columnSchema = schema[column] else { return false }
        switch target {
        case .missing:
            return columnSchema.missingShare > 0
        case .text(let text):
            guard let domain = columnSchema.categories else { return true }
            return domain.values.contains(text)
        case .number(let number):
            let minimum = columnSchema.numerical?.minimum ?? columnSchema.datetime?.minimum
            let maximum = columnSchema.numerical?.maximum ?? columnSchema.datetime?.maximum
            if let minimum, number < minimum { return false }
            if let maximum, number > maximum { return false }
            if let domain = columnSchema.categories {
                return domain.values.contains { Double($0) == number }
            }
            return true
        }
    }

    /// Whether row `row` of `column` holds `target`.
    package func matches(_ column: Column, row: Int, target: Target) -> Bool {
        switch target {
        case .missing:
            return column.isMissing(row)
        case .number(let number):
            if let numbers = column.numbers { return numbers[row] == number }
            guard let text = column.text(at: row) else { return false }
            if let parsed = Double(text) { return parsed == number }
            if let pattern = schema[column.name]?.datetime?.format, let format = try? DatetimeFormat(pattern) {
                return format.parse(text) == number
            }
            return false
        case .text(let text):
            if let numbers = column.numbers, let number = Double(text) { return numbers[row] == number }
            return column.text(at: row) == text
        }
    }

    /// `column` with every row replaced by `target` (text columns stay text, numbers numbers).
    package func constantColumn(like column: Column, target: Target, text: String?, count: Int) -> Column {
        switch (column.values, target) {
        case (.numeric, .number(let number)):
            return Column(name: column.name, values: .numeric([Double](repeating: number, count: count)))
        case (.numeric, .text(let value)):
            return Column(name: column.name, values: .numeric([Double](repeating: Double(value) ?? .nan, count: count)))
        case (.numeric, .missing):
            return Column(name: column.name, values: .numeric([Double](repeating: .nan, count: count)))
        case (.categorical, _):
            guard let text else { return Column(name: column.name, values: .categorical(codes: [Int32](repeating: -1, count: count), levels: [])) }
            return Column(name: column.name, values: .categorical(codes: [Int32](repeating: 0, count: count), levels: [text]))
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
