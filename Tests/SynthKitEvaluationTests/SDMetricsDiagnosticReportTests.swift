import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("SDMetrics-compatible DiagnosticReport")
struct SDMetricsDiagnosticReportTests {
    @Test("scores of a 10-row case equal sdmetrics 0.32.0's DiagnosticReport")
    func goldenCase() throws {
        let real = try Table(columns: [
            Column(name: "age", numbers: [23, 35, 47, 51, 62, 29, 41, 38, 55, 33]),
            Column(name: "income", numbers: [30, 52, 61, 70, 80, 41, 58, 50, 75, 45]),
            Column(name: "city", strings: ["A", "B", "A", "C", "B", "A", "C", "B", "A", "C"]),
            Column(name: "member", strings: ["True", "False", "True", "True", "False", "False", "True", "False", "True", "True"]),
        ])
        let synthetic = try Table(columns: [
            Column(name: "age", numbers: [25, 36, 44, 58, 60, 31, 40, 37, 50, 70]),
            Column(name: "income", numbers: [33.5, 50, 65, 72, 78, 40, 55, 52, 70, 60]),
            Column(name: "city", strings: ["A", "B", "B", "C", "B", "A", "A", "B", "A", "D"]),
            Column(name: "member", strings: ["True", "False", "True", "False", "False", "True", "True", "False", "True", "True"]),
        ])
        let metadata = SDVMetadata(columns: [
            "age": .init(sdtype: "numerical"), "income": .init(sdtype: "numerical"), "city": .init(sdtype: "categorical"),
            "member": .init(sdtype: "boolean"),
        ])
        // DiagnosticReport().generate(real, synthetic, metadata): overall 0.775, Data Validity 0.95
        // (age 0.9, income 1.0, city 0.9, member 1.0), Data Structure 0.6 (income int64 vs float64).
        let result = try SDMetricsDiagnosticReport(metadata: metadata).evaluate(real: real, synthetic: synthetic)
        #expect(result.columns == ["age": 0.9, "income": 1.0, "city": 0.9, "member": 1.0])
        #expect(abs((result.dataValidity ?? 0) - 0.95) < 1e-12)
        #expect(abs((result.dataStructure ?? 0) - 0.6) < 1e-12)
        #expect(abs((result.overall ?? 0) - 0.775) < 1e-12)
    }
}
