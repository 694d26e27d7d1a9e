import Foundation
import SynthKit
import SynthKitTestSupport
import Testing

/// Rare-event augmentation on models that condition exactly (Gaussian copula) and by the
/// contract's fallback (Bayesian network).
@Suite struct AugmentationTests {
    static let fixture = SynthesisFixtures.mixed(rows: 400)

    static func models() throws -> [any SynthesisModel] {
        let (table, schema) = fixture
        return [
            try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(1))),
            try BayesianNetwork().fit(table, schema: schema, options: FitOptions(seed: Seed(1))),
        ]
    }

    @Test func appendsTheMinorityClassUntilItReachesTheShareAndTagsRows() throws {
        let table = Self.fixture.table
        let constraints = ConstraintSet(constraints: [.range(column: "age", minimum: 18, maximum: 80)])
        for model in try Self.models() {
            let augmentation = Augmentation(targetColumn: "segment", targetShare: 0.3)
            let plan = try augmentation.plan(for: table)
            let counts = plan.classCountsBefore
            #expect(plan.targetClass == counts.min { ($0.value, $0.key) < ($1.value, $1.key) }?.key)
            let classRows = counts[plan.targetClass] ?? 0
            // Least m with (k + m) / (n + m) >= share.
            let m = plan.syntheticRows
            #expect(Double(classRows + m) / Double(table.rowCount + m) >= 0.3)
            #expect(Double(classRows + m - 1) / Double(table.rowCount + m - 1) < 0.3)

            let result = try augmentation.augment(table, model: model, constraints: constraints, seed: Seed(5), options: ConditioningOptions(threads: 1))
            #expect(result.producedRows == m, "\(type(of: model)) produced \(result.producedRows) of \(m)")
            #expect(result.table.rowCount == table.rowCount + m)
            let origin = try #require(result.table["synthkit_origin"])
            let segment = try #require(result.table["segment"])
            let age = try #require(result.table["age"]?.numbers)
            for row in 0..<result.table.rowCount {
                let isReal = row < table.rowCount
                #expect(origin.text(at: row) == (isReal ? "real" : "synthetic"))
                if isReal {
                    #expect(segment.text(at: row) == table["segment"]?.text(at: row))
                } else {
                    #expect(segment.text(at: row) == plan.targetClass)
                    #expect(age[row] >= 18 && age[row] <= 80, "row \(row) breaks the age constraint: \(age[row])")
                }
            }
            let ids = try #require(result.table["customer"]?.numbers)
            #expect(Set(ids).count == ids.count, "augmented ids repeat")
            #expect(ids[table.rowCount...].allSatisfy { $0 >= 1400 }, "synthetic ids do not continue after the real ones (1000...1399)")
            #expect(result.classCountsAfter[plan.targetClass] == classRows + m)
            #expect(result.plan.shareAfter(produced: result.producedRows) >= 0.3)
            let again = try augmentation.augment(table, model: model, constraints: constraints, seed: Seed(5), options: ConditioningOptions(threads: 4))
            #expect(tablesAreIdentical(result.table, again.table), "augmentation depends on threads")
        }
    }

    @Test func refusesBadRequestsWithLocatedErrors() throws {
        let table = Self.fixture.table
        func code(_ augmentation: Augmentation) -> SynthKitError.Code? {
            do {
                _ = try augmentation.plan(for: table)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(Augmentation(targetColumn: "segment", targetShare: 0)) == .invalidArgument)
        #expect(code(Augmentation(targetColumn: "segment", targetShare: 1)) == .invalidArgument)
        #expect(code(Augmentation(targetColumn: "no_such_column", targetShare: 0.2)) == .invalidArgument)
        #expect(code(Augmentation(targetColumn: "segment", targetShare: 0.2, targetClass: "astronaut")) == .conditionUnsatisfiable)
        #expect(code(Augmentation(targetColumn: "segment", targetShare: 0.05, targetClass: "family")) == .conditionUnsatisfiable)
        #expect(code(Augmentation(targetColumn: "segment", targetShare: 0.2, originColumn: "age")) == .invalidArgument)
        do {
            _ = try Augmentation(targetColumn: "segment", targetShare: 0.05, targetClass: "family").plan(for: table)
        } catch {
            #expect(error.description.contains("already") && error.location?.column == "segment", "\(error.description)")
        }
    }

    @Test func aClassContradictingAConstraintIsAnErrorNamingBoth() throws {
        let model = try Self.models()[0]
        let constraints = ConstraintSet(constraints: [
            .expression(rule: "segment != \"student\"", parsed: try ConstraintExpression.parse("segment != \"student\"")),
        ])
        do {
            _ = try Augmentation(targetColumn: "segment", targetShare: 0.3, targetClass: "student")
                .augment(Self.fixture.table, model: model, constraints: constraints, seed: Seed(1))
            Issue.record("a condition contradicting a constraint was accepted")
        } catch {
            #expect(error.code == .conditionUnsatisfiable)
            #expect(error.description.contains("segment=student") && error.description.contains("expression(segment != \"student\")"), "\(error.description)")
        }
    }
}
