public import SynthKit
public import Testing

/// The conformance suite every ``Metric`` runs, on ``SynthesisFixtures/mixed(rows:seed:)``
/// tables (ids, PII, numbers with missing values, categories, booleans, datetimes).
///
/// Checks that the identifier is a stable lowercase-dashed name; that on two different samples
/// the score and every breakdown value are finite and inside `range` (never NaN); that identical
/// real and synthetic tables get the best score of `range` for the metric's goal (when
/// `identicalIsBest`); that the result is deterministic; and that inapplicable inputs (only id
/// and PII columns, no columns in common, an empty synthetic table) give `nil` with a note, or a
/// valid score, never NaN or a crash.
public func checkMetric(_ metric: some Metric, identicalIsBest: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let identifier = type(of: metric).identifier
    #expect(!identifier.isEmpty && identifier.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" },
            "identifier '\(identifier)' is not lowercase-dashed", sourceLocation: sourceLocation)
    #expect(metric.range.lowerBound.isFinite && metric.range.upperBound.isFinite, "\(identifier): infinite range", sourceLocation: sourceLocation)
    let (real, schema) = SynthesisFixtures.mixed(rows: 150, seed: 1)
    let (synthetic, _) = SynthesisFixtures.mixed(rows: 120, seed: 2)

    func checkValid(_ result: MetricResult, _ situation: String) {
        #expect(result.metric == identifier, "\(identifier) (\(situation)): result names '\(result.metric)'", sourceLocation: sourceLocation)
        if let score = result.score {
            #expect(score.isFinite && metric.range.contains(score), "\(identifier) (\(situation)): score \(score) outside \(metric.range)",
                    sourceLocation: sourceLocation)
        } else {
            #expect(!result.notes.isEmpty, "\(identifier) (\(situation)): nil score without a note", sourceLocation: sourceLocation)
        }
        for (key, value) in result.breakdown {
            #expect(value.isFinite && metric.range.contains(value), "\(identifier) (\(situation)): breakdown \(key) = \(value)",
                    sourceLocation: sourceLocation)
        }
    }

    let different = try metric.evaluate(MetricInput(real: real, synthetic: synthetic, schema: schema, seed: Seed(3)))
    checkValid(different, "different samples")
    #expect(different.score != nil, "\(identifier): no score on the mixed fixture: \(different.notes)", sourceLocation: sourceLocation)
    let again = try metric.evaluate(MetricInput(real: real, synthetic: synthetic, schema: schema, seed: Seed(3)))
    #expect(again == different, "\(identifier): not deterministic", sourceLocation: sourceLocation)

    let identical = try metric.evaluate(MetricInput(real: real, synthetic: real, schema: schema, seed: Seed(3)))
    checkValid(identical, "identical tables")
    if identicalIsBest, metric.goal != .none {
        let best = metric.goal == .maximize ? metric.range.upperBound : metric.range.lowerBound
        let score = try #require(identical.score, "\(identifier): identical tables give no score", sourceLocation: sourceLocation)
        #expect(abs(score - best) < 1e-9, "\(identifier): identical tables score \(score), best is \(best)", sourceLocation: sourceLocation)
    }

    let keysOnly = try real.selecting(["customer", "email"])
    let inapplicable = try metric.evaluate(MetricInput(real: keysOnly, synthetic: keysOnly, schema: schema, seed: Seed(3)))
    checkValid(inapplicable, "only id and PII columns")
    #expect(inapplicable.score == nil, "\(identifier): scored a table of ids and PII", sourceLocation: sourceLocation)

    let disjoint = try synthetic.selecting(["email"])
    checkValid(try metric.evaluate(MetricInput(real: real, synthetic: disjoint, schema: schema, seed: Seed(3))), "no common column")
    checkValid(try metric.evaluate(MetricInput(real: real, synthetic: synthetic.prefix(0), schema: schema, seed: Seed(3))), "empty synthetic table")
}
