import Foundation
import SynthKit
import SynthKitTestSupport
import Testing

/// Reversible constraint transforms: a Gaussian copula fitted under them needs (almost) no rejection.
@Suite struct ConstraintTransformTests {
    /// 2,000 rows: `start` ~ N(100, 20), `end` = start + e^N(1, 1) (both 2 decimals, so
    /// start < end always), `load` in [0, 1] (2 decimals) and a category tied to the duration.
    static let table: Table = {
        var stream = Seed(11).stream()
        var start: [Double?] = [], end: [Double?] = [], load: [Double?] = [], kind: [String?] = []
        for _ in 0..<2000 {
            let begin = ((100 + 20 * stream.nextNormal()) * 100).rounded() / 100
            let duration = max(0.01, (Foundation.exp(1 + stream.nextNormal()) * 100).rounded() / 100)
            start.append(begin)
            end.append(((begin + duration) * 100).rounded() / 100)
            load.append((stream.nextUniform() * 100).rounded() / 100)
            kind.append(duration > 3 ? "long" : "short")
        }
        return (try? Table(columns: [
            Column(name: "start", numbers: start), Column(name: "end", numbers: end),
            Column(name: "load", numbers: load), Column(name: "kind", strings: kind),
        ])) ?? .empty
    }()

    static let constraints = ConstraintSet(constraints: [
        .inequality(low: "start", high: "end", strict: true),
        .range(column: "load", minimum: 0, maximum: 1),
    ])

    @Test func transformsRoundTripThePlannedColumns() throws {
        let schema = SchemaInference.infer(table: Self.table)
        let transforms = ConstraintTransform.planned(for: Self.constraints, table: Self.table, schema: schema)
        #expect(transforms.count == 2, "\(transforms)")
        let forward = transforms.reduce(Self.table) { $1.forward($0) }
        let back = transforms.reversed().reduce(forward) { $1.inverse($0) }
        for name in ["end", "load"] {
            let original = try #require(Self.table[name]?.numbers)
            let restored = try #require(back[name]?.numbers)
            #expect(zip(original, restored).allSatisfy { abs($0 - $1) < 1e-9 }, "\(name) does not round-trip: \(zip(original, restored).first { abs($0 - $1) >= 1e-9 }.map { "\($0)" } ?? "")")
        }
        // A range the data breaks, or a column with missing values, stays with rejection.
        let broken = ConstraintSet(constraints: [.range(column: "load", minimum: 0.2, maximum: 1)])
        #expect(ConstraintTransform.planned(for: broken, table: Self.table, schema: schema).isEmpty)
    }

    /// Rejection rate of the bounded-rejection fallback with and without the transforms, on the
    /// same data, model family and seed. Before: the copula's `end` ignores `start` beyond their
    /// correlation, so a sizeable share of rows has end ≤ start. After: none.
    @Test func transformsRemoveNearlyAllRejection() throws {
        let schema = SchemaInference.infer(table: Self.table)
        let plain = try GaussianCopula().fit(Self.table, schema: schema, options: FitOptions(seed: Seed(3)))
        let before = ConstrainedRowStream(constraints: Self.constraints, model: plain, seed: Seed(4), threads: 1)
        let plainRows = try before.next(3000)

        let transforms = ConstraintTransform.planned(for: Self.constraints, table: Self.table, schema: schema)
        let inner = try GaussianCopula().fit(
            transforms.reduce(Self.table) { $1.forward($0) }, schema: transforms.reduce(schema) { $1.transforming($0) },
            options: FitOptions(seed: Seed(3)))
        let model = ConstraintTransformedModel(inner: inner, transforms: transforms, schema: schema)
        let after = ConstrainedRowStream(constraints: Self.constraints, model: model, seed: Seed(4), threads: 1)
        let rows = try after.next(3000)

        let rateBefore = 1 - Double(before.candidatesKept) / Double(before.candidatesDrawn)
        let rateAfter = 1 - Double(after.candidatesKept) / Double(after.candidatesDrawn)
        print("constraint rejection rate: plain copula \(rateBefore), with transforms \(rateAfter)")
        #expect(rateBefore > 0.02, "the test case should need rejection without transforms (rate \(rateBefore))")
        #expect(rateAfter < 0.001, "rejection rate with transforms \(rateAfter)")
        #expect(Self.constraints.violations(in: rows).isEmpty && Self.constraints.violations(in: plainRows).isEmpty)
        #expect(rows.columnNames == Self.table.columnNames)

        // The duration keeps its distribution: median within 10% of the real one.
        func medianDuration(_ table: Table) throws -> Double {
            let starts = try #require(table["start"]?.numbers), ends = try #require(table["end"]?.numbers)
            let durations = zip(starts, ends).map { $1 - $0 }.sorted()
            return durations[durations.count / 2]
        }
        let real = try medianDuration(Self.table), synthetic = try medianDuration(rows)
        #expect(abs(synthetic - real) / real < 0.1, "median duration \(synthetic) vs real \(real)")

        // Conditions on an untransformed column stay exact; on a rewritten one they fall back to rejection.
        let exact = try model.sample(conditions: [Condition(assignments: [.init(column: "kind", value: "long")], rowCount: 50)], seed: Seed(1), options: ConditioningOptions())
        #expect(exact.method == .exact && exact.table.rowCount == 50)
        let rejected = try model.sample(conditions: [Condition(assignments: [.init(column: "load", value: "0.5")], rowCount: 5)], seed: Seed(1), options: ConditioningOptions())
        #expect(rejected.method == .rejection)
    }
}
