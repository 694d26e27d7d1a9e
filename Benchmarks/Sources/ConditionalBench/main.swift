// Times conditional sampling in-process, the like-for-like counterpart of SDV's
// `sample_from_conditions` (model already loaded, no CSV output).
//
//   ConditionalBench MODEL.synth ROWS REPEATS THREADS col=value [col=value ...]
//
// Loads the model once, draws ROWS rows under the conditions once to warm up, then REPEATS
// more times with seeds 0..<REPEATS, checks that every row carries the conditions and prints
// one line of JSON: {"median": s, "runs": [s, ...], "rows": n}. Used by
// Benchmarks/adult_conditional_sampling.py.
import Foundation
import SynthKit

let arguments = CommandLine.arguments
guard arguments.count >= 6, let rows = Int(arguments[2]), let repeats = Int(arguments[3]), repeats >= 1,
      let threads = Int(arguments[4])
else {
    FileHandle.standardError.write(Data("usage: ConditionalBench MODEL ROWS REPEATS THREADS col=value...\n".utf8))
    exit(64)
}

do {
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
    let model = try SynthesizerRegistry.standard.decode(data, file: arguments[1])
    let assignments = try arguments[5...].map { text throws(SynthKitError) in try Condition.parseAssignment(text) }
    let options = ConditioningOptions(allowsUnseen: false, threads: threads)

    func draw(seed: UInt64) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let sample = try model.sampleConditioned(
            conditions: [Condition(assignments: assignments, rowCount: rows)], seed: Seed(seed), options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard sample.table.rowCount == rows else {
            throw SynthKitError(.internalFailure, "drew \(sample.table.rowCount) of \(rows) rows")
        }
        for assignment in assignments {
            guard let column = sample.table[assignment.column],
                  (0..<rows).allSatisfy({ column.text(at: $0) == assignment.value })
            else { throw SynthKitError(.internalFailure, "column \(assignment.column) does not carry \(assignment.value)") }
        }
        return seconds
    }

    _ = try draw(seed: 1_000)
    let runs = try (0..<repeats).map { try draw(seed: UInt64($0)) }
    let median = runs.sorted()[runs.count / 2]
    print("{\"median\": \(median), \"runs\": [\(runs.map { String($0) }.joined(separator: ", "))], \"rows\": \(rows)}")
} catch {
    FileHandle.standardError.write(Data("ConditionalBench: \(error)\n".utf8))
    exit(1)
}
