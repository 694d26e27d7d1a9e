public import Foundation
public import SynthKitCore
public import SynthKitTable

/// The constraints of a constraints file, checked against a schema.
///
/// File format (JSON, versioned):
/// ```json
/// {"formatVersion": 1, "constraints": [
///   {"type": "range", "column": "age", "min": 17, "max": 90},
///   {"type": "inequality", "low": "start_date", "high": "end_date", "strict": true},
///   {"type": "positive", "column": "price"}, {"type": "negative", "column": "loss", "strict": false},
///   {"type": "fixedCombinations", "columns": ["city", "state"]},
///   {"type": "oneHot", "columns": ["is_a", "is_b", "is_c"]}, {"type": "unique", "column": "order_id"},
///   {"type": "fixedIncrements", "column": "amount", "increment": 5},
///   {"type": "expression", "rule": "age >= 18 || employment == \"none\""}]}
/// ```
public struct ConstraintSet: Hashable, Sendable {
    /// The newest file version this build reads.
    public static let currentFormatVersion = 1
    /// The constraints, in file order.
    public var constraints: [Constraint]

    /// Wraps constraints (not validated; use ``decode(_:file:schema:)`` for user input).
    public init(constraints: [Constraint]) {
        self.constraints = constraints
    }

    /// Reads a constraints file and checks it against `schema`, reporting every problem at once
    /// (field = `constraints[i].key`), including contradictions between constraints.
    /// - Throws: `.invalidInput` for malformed JSON, `.unsupported` for a newer version,
    ///   `.invalidSchema` for unknown columns or wrong kinds, `.conditionUnsatisfiable` for
    ///   contradictory constraints (naming each).
    public static func decode(_ data: Data, file: String, schema: Schema) throws(SynthKitError) -> ConstraintSet {
        guard let object = try? JSONSerialization.jsonObject(with: data), let top = object as? [String: Any] else {
            throw SynthKitError(.invalidInput, "a constraints file is a JSON object {\"formatVersion\": 1, \"constraints\": [...]}", location: .init(file: file))
        }
        guard let version = top["formatVersion"] as? Int else {
            throw SynthKitError(.invalidInput, "'formatVersion' is missing or not an integer", location: .init(file: file, field: "formatVersion"))
        }
        guard version <= currentFormatVersion, version >= 1 else {
            throw SynthKitError(.unsupported, "constraints format version \(version) is not supported; this build reads 1...\(currentFormatVersion)", location: .init(file: file, field: "formatVersion"))
        }
        guard let entries = top["constraints"] as? [Any] else {
            throw SynthKitError(.invalidInput, "'constraints' is missing or not a list", location: .init(file: file, field: "constraints"))
        }
        var problems: [SynthKitError] = []
        var constraints: [Constraint] = []
        for (index, entry) in entries.enumerated() {
            let path = "constraints[\(index)]"
            func problem(_ code: SynthKitError.Code, _ key: String?, _ message: String) {
                problems.append(SynthKitError(code, message, location: .init(file: file, field: key.map { "\(path).\($0)" } ?? path)))
            }
            guard let fields = entry as? [String: Any], let type = fields["type"] as? String else {
                problem(.invalidInput, "type", "each constraint is an object with a 'type'")
                continue
            }
            func text(_ key: String) -> String? {
                guard let value = fields[key] as? String, !value.isEmpty else {
                    problem(.invalidInput, key, "'\(type)' needs '\(key)' (a column name)")
                    return nil
                }
                return value
            }
            func numericColumn(_ key: String) -> String? {
                guard let name = text(key) else { return nil }
                guard let column = schema[name] else {
                    problem(.invalidSchema, key, "column '\(name)' is not in the schema")
                    return nil
                }
                guard column.kind == .numerical || column.kind == .datetime || type == "oneHot" || type == "unique" else {
                    problem(.invalidSchema, key, "'\(type)' needs a numerical or datetime column; '\(name)' is \(column.kind.rawValue)")
                    return nil
                }
                return name
            }
            func columnList() -> [String]? {
                guard let names = fields["columns"] as? [String], names.count >= 2 else {
                    problem(.invalidInput, "columns", "'\(type)' needs 'columns', a list of at least two column names")
                    return nil
                }
                let missing = names.filter { schema[$0] == nil }
                if !missing.isEmpty { problem(.invalidSchema, "columns", "columns \(missing) are not in the schema") }
                return missing.isEmpty ? names : nil
            }
            let strict = fields["strict"] as? Bool
            switch type {
            case "range":
                guard let column = numericColumn("column") else { continue }
                let minimum = (fields["min"] as? NSNumber)?.doubleValue
                let maximum = (fields["max"] as? NSNumber)?.doubleValue
                if minimum == nil && maximum == nil { problem(.invalidInput, "min", "'range' needs 'min', 'max' or both") }
                if let minimum, let maximum, minimum > maximum {
                    problem(.conditionUnsatisfiable, "min", "range min \(minimum) is above max \(maximum); no value satisfies it")
                }
                constraints.append(.range(column: column, minimum: minimum, maximum: maximum))
            case "inequality":
                guard let low = numericColumn("low"), let high = numericColumn("high") else { continue }
                constraints.append(.inequality(low: low, high: high, strict: strict ?? false))
            case "positive", "negative":
                guard let column = numericColumn("column") else { continue }
                constraints.append(type == "positive" ? .positive(column: column, strict: strict ?? true) : .negative(column: column, strict: strict ?? true))
            case "fixedCombinations":
                guard let columns = columnList() else { continue }
                let allowed = (fields["allowed"] as? [[Any]] ?? []).map { $0.map { $0 as? String } }
                constraints.append(.fixedCombinations(columns: columns, allowed: allowed))
            case "oneHot":
                guard let columns = columnList() else { continue }
                constraints.append(.oneHot(columns: columns))
            case "unique":
                guard let column = text("column") else { continue }
                if schema[column] == nil { problem(.invalidSchema, "column", "column '\(column)' is not in the schema") } else { constraints.append(.unique(column: column)) }
            case "fixedIncrements":
                guard let column = numericColumn("column") else { continue }
                guard let increment = (fields["increment"] as? NSNumber)?.doubleValue, increment > 0, increment.isFinite else {
                    problem(.invalidInput, "increment", "'fixedIncrements' needs a positive 'increment'")
                    continue
                }
                constraints.append(.fixedIncrements(column: column, increment: increment))
            case "expression":
                guard let rule = fields["rule"] as? String else {
                    problem(.invalidInput, "rule", "'expression' needs 'rule', e.g. \"age >= 18 || employment == \\\"none\\\"\"")
                    continue
                }
                do {
                    let parsed = try ConstraintExpression.parse(rule, field: "\(path).rule")
                    let unknown = parsed.columnNames.filter { schema[$0] == nil }
                    if !unknown.isEmpty { problem(.invalidSchema, "rule", "rule '\(rule)' names columns \(unknown) that are not in the schema") }
                    constraints.append(.expression(rule: rule, parsed: parsed))
                } catch {
                    var located = error
                    located.location?.file = file
                    problems.append(located)
                }
            default:
                problem(.invalidInput, "type", "unknown constraint type '\(type)'; use range, inequality, positive, negative, fixedCombinations, oneHot, unique, fixedIncrements or expression")
            }
        }
        let set = ConstraintSet(constraints: constraints)
        problems += set.contradictions().map { SynthKitError(.conditionUnsatisfiable, $0, location: .init(file: file, field: "constraints")) }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
        return set
    }

    /// Contradictions found by interval reasoning on single columns (ranges, signs) and by
    /// cycles of strict inequalities; each message names the constraints involved.
    public func contradictions() -> [String] {
        var messages: [String] = []
        var bounds: [String: (lower: Double, lowerStrict: Bool, upper: Double, upperStrict: Bool, sources: [String])] = [:]
        for constraint in constraints {
            var lower = -Double.infinity, upper = Double.infinity, lowerStrict = false, upperStrict = false
            let column: String
            switch constraint {
            case .range(let name, let minimum, let maximum):
                column = name
                lower = minimum ?? -.infinity
                upper = maximum ?? .infinity
            case .positive(let name, let strict):
                column = name
                lower = 0
                lowerStrict = strict
            case .negative(let name, let strict):
                column = name
                upper = 0
                upperStrict = strict
            default:
                continue
            }
            var current = bounds[column] ?? (-.infinity, false, .infinity, false, [])
            if lower > current.lower || (lower == current.lower && lowerStrict) { current.lower = lower; current.lowerStrict = lowerStrict }
            if upper < current.upper || (upper == current.upper && upperStrict) { current.upper = upper; current.upperStrict = upperStrict }
            current.sources.append(constraint.summary)
            bounds[column] = current
            if current.lower > current.upper || (current.lower == current.upper && (current.lowerStrict || current.upperStrict)) {
                messages.append("constraints \(current.sources.joined(separator: " and ")) contradict each other: no value of '\(column)' satisfies all of them")
                bounds[column] = (-.infinity, false, .infinity, false, [])
            }
        }
        var edges: [String: [(to: String, strict: Bool)]] = [:]
        for case .inequality(let low, let high, let strict) in constraints { edges[low, default: []].append((high, strict)) }
        for case .inequality(let low, let high, let strict) in constraints {
            // A path high -> ... -> low closes a cycle; contradictory when any edge on it is strict.
            var stack: [(node: String, strict: Bool, path: [String])] = [(high, strict, [low, high])]
            var visited: Set<String> = []
            while let (node, anyStrict, path) = stack.popLast() {
                if node == low {
                    if anyStrict { messages.append("inequalities \(path.joined(separator: " <= ")) form a cycle with a strict step: no row satisfies them") }
                    break
                }
                guard visited.insert(node).inserted else { continue }
                for edge in edges[node] ?? [] { stack.append((edge.to, anyStrict || edge.strict, path + [edge.to])) }
            }
        }
        return Array(Set(messages)).sorted()
    }

    /// The set with `fixedCombinations` filled with the combinations seen in `table`.
    public func learning(from table: Table) -> ConstraintSet {
        ConstraintSet(constraints: constraints.map { constraint in
            guard case .fixedCombinations(let columns, let known) = constraint, known.isEmpty else { return constraint }
            var seen: Set<[String?]> = []
            for row in 0..<table.rowCount { seen.insert(columns.map { table[$0]?.text(at: row) }) }
            return .fixedCombinations(columns: columns, allowed: seen.sorted { ($0.description) < ($1.description) })
        })
    }

    /// The rows of `table` violating at least one constraint (`unique`: every later duplicate).
    public func violations(in table: Table) -> [Int] {
        var uniqueSeen: [String: Set<String>] = [:]
        var result: [Int] = []
        for row in 0..<table.rowCount {
            var ok = constraints.allSatisfy { $0.isSatisfied(row: row, table: table) }
            for case .unique(let column) in constraints {
                guard let value = table[column]?.text(at: row) else { continue }
                if !uniqueSeen[column, default: []].insert(value).inserted { ok = false }
            }
            if !ok { result.append(row) }
        }
        return result
    }
}
