import SynthKitCore
import SynthKitSynthesis
import SynthKitTable
import Testing

@Suite struct RebalancingTests {
    static let schema = Schema(columns: [
        ColumnSchema(name: "sex", kind: .categorical, categories: CategoryDomain(values: ["Female", "Male"])),
        ColumnSchema(name: "age", kind: .numerical),
        ColumnSchema(name: "open", kind: .categorical),
    ])

    @Test func parsesUniformAndExplicitShares() throws {
        #expect(try Rebalancing.parse("sex=uniform") == Rebalancing(column: "sex", shares: nil))
        let explicit = try Rebalancing.parse("sex=Female:0.25,Male:0.75")
        #expect(explicit.shares == [.init(value: "Female", share: 0.25), .init(value: "Male", share: 0.75)])
        // Split at the last ':' of an entry, so values may hold ':'.
        #expect(try Rebalancing.parse("t=a:b:0.5,c:0.5").shares?.first?.value == "a:b")
    }

    @Test(arguments: ["sex", "=uniform", "sex=Female:0.5,Male:0.4", "sex=Female:x,Male:1", "sex=Female:-0.5,Male:1.5", "sex=Female:0.5,Female:0.5"])
    func refusesMalformedText(_ text: String) {
        do {
            _ = try Rebalancing.parse(text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.code == .invalidArgument && error.location?.field == "rebalance", "\(error.description)")
        }
    }

    @Test func largestRemainderIsExactAndSumsToTheRows() {
        #expect(Rebalancing.allocate(rows: 10, shares: [1.0 / 3, 1.0 / 3, 1.0 / 3]) == [4, 3, 3])
        #expect(Rebalancing.allocate(rows: 7, shares: [0.5, 0.25, 0.25]) == [3, 2, 2])
        #expect(Rebalancing.allocate(rows: 1000, shares: [0.123, 0.456, 0.421]) == [123, 456, 421])
        #expect(Rebalancing.allocate(rows: 0, shares: [0.5, 0.5]) == [0, 0])
        for rows in [1, 9, 101, 9999] {
            let counts = Rebalancing.allocate(rows: rows, shares: [0.2, 0.3, 0.15, 0.35])
            #expect(counts.reduce(0, +) == rows)
            for (count, share) in zip(counts, [0.2, 0.3, 0.15, 0.35]) { #expect(abs(Double(count) - share * Double(rows)) < 1) }
        }
    }

    @Test func resolvesAgainstTheSchemaWithLocatedErrors() throws {
        let uniform = try Rebalancing(column: "sex", shares: nil).resolvedShares(schema: Self.schema, allowsUnseen: false)
        #expect(uniform == [.init(value: "Female", share: 0.5), .init(value: "Male", share: 0.5)])
        func code(_ rebalancing: Rebalancing, allowsUnseen: Bool = false) -> SynthKitError.Code? {
            do {
                _ = try rebalancing.resolvedShares(schema: Self.schema, allowsUnseen: allowsUnseen)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(Rebalancing(column: "age", shares: nil)) == .unsupported)
        #expect(code(Rebalancing(column: "height", shares: nil)) == .invalidArgument)
        #expect(code(Rebalancing(column: "open", shares: nil)) == .unsupported)
        let unseen = Rebalancing(column: "sex", shares: [.init(value: "Female", share: 0.5), .init(value: "Other", share: 0.5)])
        #expect(code(unseen) == .conditionUnsatisfiable)
        #expect(code(unseen, allowsUnseen: true) == nil)
    }
}
