import Foundation
public import SynthKit
public import Testing

/// The constraints suite every synthesizer runs, on a model fitted to ``SynthesisFixtures/mixed(rows:seed:)``.
///
/// Checks that ``ConstraintSet/enforce(sampling:rowCount:seed:threads:maximumDrawsPerRow:)``
/// returns exactly the requested rows, that 100% of them satisfy a range, a strict sign, an
/// expression and a uniqueness rule, that the result does not depend on threads, and that an
/// unsatisfiable rule ends with `.conditionUnsatisfiable` naming it instead of hanging, and that
/// reading ``ConstrainedRowStream`` in pieces gives the rows of one read (batch-size independence).
public func checkConstraints(_ model: any SynthesisModel, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let set = ConstraintSet(constraints: [
        .range(column: "age", minimum: 25, maximum: 70),
        .positive(column: "income", strict: true),
        .expression(rule: "segment != \"student\" || age < 40", parsed: try ConstraintExpression.parse("segment != \"student\" || age < 40")),
        .unique(column: "customer"),
    ])
    let rows = try set.enforce(sampling: model, rowCount: 500, seed: Seed(8), threads: 1)
    let again = try set.enforce(sampling: model, rowCount: 500, seed: Seed(8), threads: 4)
    #expect(rows.rowCount == 500, sourceLocation: sourceLocation)
    #expect(set.violations(in: rows).isEmpty, "rows violating constraints: \(set.violations(in: rows).prefix(5))", sourceLocation: sourceLocation)
    #expect(tablesAreIdentical(rows, again), "constrained sample depends on threads", sourceLocation: sourceLocation)
    let stream = ConstrainedRowStream(constraints: set, model: model, seed: Seed(8), threads: 2)
    let pieces = try Table.concatenating([try stream.next(300), try stream.next(900)])
    let whole = try set.enforce(sampling: model, rowCount: 1200, seed: Seed(8), threads: 1)
    #expect(tablesAreIdentical(pieces, whole), "constrained rows depend on how they are read", sourceLocation: sourceLocation)
    #expect(tablesAreIdentical(whole.prefix(500), rows), "a longer constrained read does not extend a shorter one", sourceLocation: sourceLocation)
    #expect(set.violations(in: whole).isEmpty, sourceLocation: sourceLocation)
    let ages = try #require(rows["age"]?.numbers, sourceLocation: sourceLocation)
    #expect(ages.allSatisfy { $0.isNaN || (25...70).contains($0) }, sourceLocation: sourceLocation)

    let impossible = ConstraintSet(constraints: [.range(column: "age", minimum: 200, maximum: 300)])
    do {
        _ = try impossible.enforce(sampling: model, rowCount: 50, seed: Seed(8), threads: 1, maximumDrawsPerRow: 5)
        Issue.record("an unsatisfiable constraint produced rows", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == .conditionUnsatisfiable, sourceLocation: sourceLocation)
        #expect(error.description.contains("range(age"), "\(error.description)", sourceLocation: sourceLocation)
    }
}
