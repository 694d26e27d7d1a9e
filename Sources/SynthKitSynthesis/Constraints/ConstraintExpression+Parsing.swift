public import SynthKitCore

extension ConstraintExpression {
    /// Parses a rule of the constraint expression language.
    ///
    /// Grammar (lowest precedence first):
    /// ```
    /// expression := and ( "||" and )*
    /// and        := not ( "&&" not )*
    /// not        := "!" not | comparison
    /// comparison := sum [ ("=="|"!="|"<"|"<="|">"|">=") sum | "in" "[" literal ("," literal)* "]" ]
    /// sum        := product ( ("+"|"-") product )*
    /// product    := unary ( ("*"|"/"|"%") unary )*
    /// unary      := "-" unary | primary
    /// primary    := number | "string" | true | false | null | column | `column name` | "(" expression ")"
    /// ```
    /// Columns are identifiers (`[A-Za-z_][A-Za-z0-9_]*`) or back-quoted names; strings use
    /// double quotes with `\"` and `\\` escapes; `x == null` tests for a missing value.
    /// - Throws: `.invalidArgument` whose location's `column` is the 1-based character of the
    ///   problem and whose `field` is `field`, e.g. "expected ']' at character 17".
    public static func parse(_ text: String, field: String? = nil) throws(SynthKitError) -> ConstraintExpression {
        var parser = ExpressionParser(characters: Array(text), field: field)
        let expression = try parser.parseOr()
        parser.skipSpaces()
        if parser.position < parser.characters.count {
            throw parser.error("unexpected '\(parser.characters[parser.position])' after a complete expression")
        }
        return expression
    }
}

/// A recursive-descent parser over the characters of a rule.
struct ExpressionParser {
    let characters: [Character]
    let field: String?
    var position = 0

    init(characters: [Character], field: String?) {
        self.characters = characters
        self.field = field
    }

    func error(_ message: String, at location: Int? = nil) -> SynthKitError {
        let character = (location ?? position) + 1
        return SynthKitError(
            .invalidArgument, "\(message) at character \(character) of '\(String(characters))'",
            location: .init(column: String(character), field: field))
    }

    mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    mutating func consume(_ token: String) -> Bool {
        skipSpaces()
        let tokenCharacters = Array(token)
        guard position + tokenCharacters.count <= characters.count,
              Array(characters[position..<(position + tokenCharacters.count)]) == tokenCharacters
        else { return false }
        if let last = tokenCharacters.last, last.isLetter, position + tokenCharacters.count < characters.count,
           characters[position + tokenCharacters.count].isLetter || characters[position + tokenCharacters.count].isNumber {
            return false
        }
        position += tokenCharacters.count
        return true
    }

    mutating func parseOr() throws(SynthKitError) -> ConstraintExpression {
        var left = try parseAnd()
        while consume("||") { left = .binary(.or, left, try parseAnd()) }
        return left
    }

    mutating func parseAnd() throws(SynthKitError) -> ConstraintExpression {
        var left = try parseNot()
        while consume("&&") { left = .binary(.and, left, try parseNot()) }
        return left
    }

    mutating func parseNot() throws(SynthKitError) -> ConstraintExpression {
        skipSpaces()
        if position < characters.count, characters[position] == "!",
           !(position + 1 < characters.count && characters[position + 1] == "=") {
            position += 1
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(SynthKitError) -> ConstraintExpression {
        let left = try parseSum()
        for operation in [ConstraintExpression.Operator.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater]
        where consume(operation.rawValue) {
            return .binary(operation, left, try parseSum())
        }
        if consume("in") {
            guard consume("[") else { throw error("expected '[' after 'in'") }
            var list: [ConstraintExpression.Value] = []
            repeat {
                skipSpaces()
                let start = position
                guard case .literal(let value) = try parsePrimary() else {
                    throw error("a list after 'in' holds literals (numbers, strings, true, false, null)", at: start)
                }
                list.append(value)
            } while consume(",")
            guard consume("]") else { throw error("expected ',' or ']' in the list") }
            return .member(left, list)
        }
        return left
    }

    mutating func parseSum() throws(SynthKitError) -> ConstraintExpression {
        var left = try parseProduct()
        while true {
            if consume("+") {
                left = .binary(.add, left, try parseProduct())
            } else if consume("-") {
                left = .binary(.subtract, left, try parseProduct())
            } else {
                return left
            }
        }
    }

    mutating func parseProduct() throws(SynthKitError) -> ConstraintExpression {
        var left = try parseUnary()
        while true {
            if consume("*") {
                left = .binary(.multiply, left, try parseUnary())
            } else if consume("/") {
                left = .binary(.divide, left, try parseUnary())
            } else if consume("%") {
                left = .binary(.remainder, left, try parseUnary())
            } else {
                return left
            }
        }
    }

    mutating func parseUnary() throws(SynthKitError) -> ConstraintExpression {
        if consume("-") { return .negate(try parseUnary()) }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(SynthKitError) -> ConstraintExpression {
        skipSpaces()
        guard position < characters.count else { throw error("expected a value, a column or '(' but the rule ended") }
        let start = position
        let character = characters[position]
        if character == "(" {
            position += 1
            let inner = try parseOr()
            guard consume(")") else { throw error("expected ')' to close the '(' at character \(start + 1)") }
            return inner
        }
        if character == "\"" {
            position += 1
            var text = ""
            while position < characters.count, characters[position] != "\"" {
                if characters[position] == "\\", position + 1 < characters.count { position += 1 }
                text.append(characters[position])
                position += 1
            }
            guard position < characters.count else { throw error("unterminated string starting", at: start) }
            position += 1
            return .literal(.text(text))
        }
        if character == "`" {
            position += 1
            var name = ""
            while position < characters.count, characters[position] != "`" {
                name.append(characters[position])
                position += 1
            }
            guard position < characters.count, !name.isEmpty else { throw error("unterminated or empty `column name`", at: start) }
            position += 1
            return .column(name)
        }
        if character.isNumber || character == "." {
            while position < characters.count,
                  characters[position].isNumber || characters[position] == "." || characters[position] == "e"
                    || characters[position] == "E"
                    || ((characters[position] == "-" || characters[position] == "+") && (characters[position - 1] == "e" || characters[position - 1] == "E")) {
                position += 1
            }
            guard let number = Double(String(characters[start..<position])) else {
                throw error("'\(String(characters[start..<position]))' is not a number", at: start)
            }
            return .literal(.number(number))
        }
        if character.isLetter || character == "_" {
            while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" {
                position += 1
            }
            let word = String(characters[start..<position])
            switch word {
            case "true": return .literal(.boolean(true))
            case "false": return .literal(.boolean(false))
            case "null": return .literal(.null)
            default: return .column(word)
            }
        }
        throw error("unexpected '\(character)'; expected a number, a \"string\", a column or '('")
    }
}
