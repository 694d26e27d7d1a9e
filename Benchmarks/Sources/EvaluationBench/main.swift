// SDMetrics QualityReport + DiagnosticReport computation and the full Euclidean DCR/NNDR on Adult.
//
//   swift run -c release EvaluationBench TRAIN.csv SYNTHETIC.csv [REPEATS=5] [THREADS=all] [dcr] [full=HOLDOUT.csv]
//
// Driven by Benchmarks/adult_evaluation.py, which makes the standard split, draws the synthetic
// rows and times sdmetrics 0.32.0 on the same files in the same run. Timed here: only the
// computation (CSV reading excluded), as the median of REPEATS runs; prints one JSON object.
import Foundation
import SynthKit

func now() -> Double { Date().timeIntervalSince1970 }

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: EvaluationBench TRAIN.csv SYNTHETIC.csv [REPEATS=5] [THREADS] [dcr]")
    exit(64)
}
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
let threads = arguments.count > 4 ? Int(arguments[4]) : nil
let runDistances = arguments.contains("dcr")
let real: Table
let synthetic: Table
do {
    real = try CSVReader().read(path: arguments[1])
    synthetic = try CSVReader().read(path: arguments[2])
} catch {
    print("cannot read the tables: \(error)")
    exit(66)
}
let metadata = SDVMetadata.inferred(from: real)
var qualitySeconds: [Double] = []
var diagnosticSeconds: [Double] = []
var quality: SDMetricsQualityResult?
var diagnostic: SDMetricsDiagnosticReport.Result?
do {
    for _ in 0..<repeats {
        var start = now()
        quality = try SDMetricsQualityReport(metadata: metadata).evaluate(real: real, synthetic: synthetic)
        qualitySeconds.append(now() - start)
        start = now()
        diagnostic = try SDMetricsDiagnosticReport(metadata: metadata).evaluate(real: real, synthetic: synthetic)
        diagnosticSeconds.append(now() - start)
    }
} catch {
    print("evaluation failed: \(error)")
    exit(1)
}
var result: [String: Any] = [
    "rows": ["real": real.rowCount, "synthetic": synthetic.rowCount],
    "threads": threads.map { $0 as Any } ?? "all",
    "qualitySeconds": ["median": median(qualitySeconds), "all": qualitySeconds],
    "diagnosticSeconds": ["median": median(diagnosticSeconds), "all": diagnosticSeconds],
    "bothMedianSeconds": median(zip(qualitySeconds, diagnosticSeconds).map { $0 + $1 }),
    "quality": ["overall": quality?.overall as Any, "columnShapes": quality?.columnShapes as Any, "columnPairTrends": quality?.columnPairTrends as Any],
    "diagnostic": ["overall": diagnostic?.overall as Any, "dataValidity": diagnostic?.dataValidity as Any, "dataStructure": diagnostic?.dataStructure as Any],
]
if runDistances {
    let start = now()
    let distances = EuclideanRecordDistances.compute(synthetic: synthetic, training: real, metadata: metadata, threads: threads)
    let seconds = now() - start
    let sorted = distances.closest.sorted()
    result["dcrNndr"] = [
        "seconds": seconds, "pairs": Double(real.rowCount) * Double(synthetic.rowCount),
        "dcrMedian": sorted[sorted.count / 2], "exactCopies": sorted.filter { $0 == 0 }.count,
        "nndrTenthSmallest": distances.ratios.filter { !$0.isNaN }.sorted().dropFirst(9).first as Any,
    ]
}
if let holdoutArgument = arguments.first(where: { $0.hasPrefix("full=") }) {
    // The whole SynthKit-mode evaluation (every family, target `income`), as `synthkit evaluate` runs it.
    do {
        let holdout = try CSVReader().read(path: String(holdoutArgument.dropFirst(5)))
        let options = EvaluationOptions(metadata: metadata, threads: threads, target: real["income"] == nil ? nil : "income")
        let start = now()
        let report = try Evaluator.evaluate(real: real, synthetic: synthetic, holdout: holdout, options: options)
        result["fullEvaluation"] = [
            "seconds": now() - start, "holdoutRows": holdout.rowCount,
            "scores": [
                "fidelity": report.fidelity?.score as Any, "utility": report.utility?.score as Any,
                "detectability": report.detectability?.score as Any, "privacy": report.privacy?.score as Any,
            ],
            "privacyMetrics": Dictionary(uniqueKeysWithValues: (report.privacy?.metrics ?? []).map { ($0.metric, $0.score as Any) }),
        ]
    } catch {
        print("full evaluation failed: \(error)")
        exit(1)
    }
}
let json = (try? JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])) ?? Data()
print(String(decoding: json, as: UTF8.self))
