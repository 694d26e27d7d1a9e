import Foundation
public import SynthKit
public import Testing

/// The conditioning suite every synthesizer runs, through ``SynthesisModel/sampleConditioned(conditions:seed:options:)``
/// (exact for ``ConditionalSampling`` models, bounded rejection otherwise).
///
/// Checks, on the `mixed` fixture's columns `segment` (categorical) and `member` (boolean):
/// - every produced row carries the conditioned values exactly; exact models produce every
///   requested row; results are identical for 1 and 4 threads; ids are unique across conditions
///   (through ``ConstraintSet/sampleConditioned(_:conditions:seed:options:)``);
/// - a value never seen in training is `.conditionUnsatisfiable`, and with `allowsUnseen` it
///   is written as given;
/// - an unknown column is `.invalidArgument`.
public func checkConditioning(_ model: any SynthesisModel, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let conditions = [
        Condition(assignments: [.init(column: "segment", value: "retired")], rowCount: 150),
        Condition(assignments: [.init(column: "segment", value: "student"), .init(column: "member", value: "yes")], rowCount: 60),
    ]
    let options = ConditioningOptions(threads: 1)
    let result = try model.sampleConditioned(conditions: conditions, seed: Seed(3), options: options)
    let again = try model.sampleConditioned(conditions: conditions, seed: Seed(3), options: ConditioningOptions(threads: 4))
    #expect(tablesAreIdentical(result.table, again.table), "conditional sample depends on threads", sourceLocation: sourceLocation)
    #expect(result.table.rowCount == result.producedRows.reduce(0, +), sourceLocation: sourceLocation)
    if model is any ConditionalSampling {
        #expect(result.isComplete, "an exact conditional sampler produced \(result.producedRows) of \(result.requestedRows)", sourceLocation: sourceLocation)
    }
    let constraints = ConstraintSet(constraints: [.range(column: "age", minimum: 25, maximum: 70)])
    for set in [ConstraintSet(constraints: []), constraints] {
        let drawn = try set.sampleConditioned(model, conditions: conditions, seed: Seed(3), options: options)
        #expect(set.violations(in: drawn.table).isEmpty, "conditioned rows break \(set.constraints.map(\.summary))", sourceLocation: sourceLocation)
        let segments = try #require(drawn.table["segment"], sourceLocation: sourceLocation)
        #expect((0..<drawn.producedRows[0]).allSatisfy { segments.text(at: $0) == "retired" }, sourceLocation: sourceLocation)
        let customer = try #require(drawn.table["customer"], sourceLocation: sourceLocation)
        let ids = (0..<customer.count).compactMap { customer.text(at: $0) }
        #expect(Set(ids).count == ids.count, "ids repeat across conditions", sourceLocation: sourceLocation)
    }
    let segment = try #require(result.table["segment"], sourceLocation: sourceLocation)
    let member = try #require(result.table["member"], sourceLocation: sourceLocation)
    var row = 0
    for (index, condition) in conditions.enumerated() {
        for _ in 0..<result.producedRows[index] {
            for assignment in condition.assignments {
                let column = assignment.column == "segment" ? segment : member
                #expect(column.text(at: row) == assignment.value, "row \(row): \(assignment.column) is \(column.text(at: row) ?? "missing")", sourceLocation: sourceLocation)
            }
            row += 1
        }
    }

    let unseen = [Condition(assignments: [.init(column: "segment", value: "astronaut")], rowCount: 5)]
    #expect(throws: SynthKitError.self, sourceLocation: sourceLocation) {
        _ = try model.sampleConditioned(conditions: unseen, seed: Seed(3), options: options)
    }
    do {
        _ = try model.sampleConditioned(conditions: unseen, seed: Seed(3), options: options)
    } catch {
        #expect(error.code == .conditionUnsatisfiable, sourceLocation: sourceLocation)
    }
    let allowed = try model.sampleConditioned(
        conditions: unseen, seed: Seed(3), options: ConditioningOptions(allowsUnseen: true, threads: 1))
    let written = try #require(allowed.table["segment"], sourceLocation: sourceLocation)
    #expect((0..<written.count).allSatisfy { written.text(at: $0) == "astronaut" }, sourceLocation: sourceLocation)

    do {
        _ = try model.sampleConditioned(
            conditions: [Condition(assignments: [.init(column: "no_such_column", value: "x")], rowCount: 1)],
            seed: Seed(3), options: options)
        Issue.record("an unknown column was accepted", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == .invalidArgument, sourceLocation: sourceLocation)
    }
}

/// The two-sample Kolmogorov-Smirnov statistic sup |F₁ - F₂| (NaN values ignored). O(n log n).
public func twoSampleKolmogorovSmirnov(_ first: [Double], _ second: [Double]) -> Double {
    let left = first.filter { !$0.isNaN }.sorted()
    let right = second.filter { !$0.isNaN }.sorted()
    guard !left.isEmpty, !right.isEmpty else { return 1 }
    var i = 0
    var j = 0
    var largest = 0.0
    while i < left.count || j < right.count {
        let value = min(i < left.count ? left[i] : .infinity, j < right.count ? right[j] : .infinity)
        while i < left.count && left[i] == value { i += 1 }
        while j < right.count && right[j] == value { j += 1 }
        largest = max(largest, abs(Double(i) / Double(left.count) - Double(j) / Double(right.count)))
    }
    return largest
}
