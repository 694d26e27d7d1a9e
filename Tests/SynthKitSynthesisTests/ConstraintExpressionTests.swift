import SynthKitCore
import SynthKitSynthesis
import Testing

@Suite struct ConstraintExpressionTests {
    static func row(_ values: [String: ConstraintExpression.Value]) -> (String) -> ConstraintExpression.Value {
        { values[$0] ?? .null }
    }

    @Test func evaluatesTheIssueExample() throws {
        let rule = try ConstraintExpression.parse("age >= 18 || employment == \"none\"")
        #expect(rule.columnNames == ["age", "employment"])
        #expect(rule.isSatisfied(by: Self.row(["age": .number(30), "employment": .text("paid")])))
        #expect(rule.isSatisfied(by: Self.row(["age": .number(12), "employment": .text("none")])))
        #expect(!rule.isSatisfied(by: Self.row(["age": .number(12), "employment": .text("paid")])))
        #expect(!rule.isSatisfied(by: Self.row(["employment": .text("paid")])))
    }

    @Test(arguments: [
        ("1 + 2 * 3 == 7", true), ("(1 + 2) * 3 == 9", true), ("-2 * -3 == 6", true), ("7 % 4 == 3", true),
        ("!(1 > 2) && 2 >= 2", true), ("x in [1, 2, 3]", true), ("name in [\"a\", \"b\"]", false),
        ("missing == null", true), ("x != null && missing != null", false), ("missing > 0", false),
        ("`total amount` - x > 100", true), ("1.5e2 == 150", true), ("x / 0 == null", true),
    ])
    func evaluatesOperators(rule: String, expected: Bool) throws {
        let row = Self.row(["x": .number(2), "name": .text("c"), "total amount": .number(500)])
        #expect(try ConstraintExpression.parse(rule).isSatisfied(by: row) == expected, "\(rule)")
    }

    @Test(arguments: [
        ("age >= ", 8, "rule ended"), ("age >= 18 ||| x", 13, "unexpected '|'"), ("(age > 1", 9, "expected ')'"),
        ("x in [1, y]", 10, "literals"), ("name == \"open", 9, "unterminated string"), ("age @ 3", 5, "after a complete"),
        ("x in 1", 6, "expected '['"),
    ])
    func pointsAtTheOffendingCharacter(rule: String, character: Int, message: String) {
        do {
            _ = try ConstraintExpression.parse(rule, field: "constraints[0].rule")
            Issue.record("'\(rule)' parsed")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.location?.column == String(character), "\(rule): \(error.description)")
            #expect(error.location?.field == "constraints[0].rule")
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}
