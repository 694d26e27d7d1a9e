import SynthKitCore
import SynthKitTestSupport
import Testing
@testable import SynthKitEvaluation

/// Every ``Metric`` conformer through the shared ``checkMetric(_:identicalIsBest:sourceLocation:)`` suite.
@Suite("Metric conformance")
struct MetricConformanceTests {
    static let metrics: [any Metric] = [
        KSComplement(), TVComplement(), MissingValueSimilarity(), RangeCoverage(), CategoryCoverage(), BoundaryAdherence(),
        CategoryAdherence(), CorrelationSimilarity(), ContingencySimilarity(),
    ]

    @Test("checkMetric", arguments: metrics.indices)
    func conformance(index: Int) throws {
        try checkMetric(Self.metrics[index])
    }
}
