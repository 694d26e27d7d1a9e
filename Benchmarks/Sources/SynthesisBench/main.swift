// Fits the Gaussian copula on a CSV, samples rows and writes them as CSV, timing each step.
//
//   swift run -c release SynthesisBench TRAIN.csv OUTPUT.csv [ROWS] [SEED] [THREADS] [ORDERING] [CORRECTION] [JOINT]
//
// ORDERING is `optimalScaling` (default) or `frequency`; CORRECTION is `true` (default) or
// `false`; JOINT is the joint-modelling association threshold (default 0.3, above 1 turns it
// off): ablations of the categorical layout, the coarsening correction and joint groups.
//
// Uses a minimal CSV parser (no quoted fields; empty = missing) until the table module's
// reader lands; a column whose every non-empty field parses as a number is numerical, else
// categorical (the SDMetrics/anchors.py rule).
import Foundation
import SynthKit

func now() -> Double { Date().timeIntervalSince1970 }

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: SynthesisBench TRAIN.csv OUTPUT.csv [ROWS] [SEED] [THREADS]")
    exit(64)
}
let rowsWanted = arguments.count > 3 ? Int(arguments[3]) : nil
let seedValue = arguments.count > 4 ? UInt64(arguments[4]) ?? 0 : 0
let threads = arguments.count > 5 ? Int(arguments[5]) : nil
let ordering = arguments.count > 6 ? CategoricalOrdering(rawValue: arguments[6]) ?? .optimalScaling : .optimalScaling
let correction = arguments.count > 7 ? arguments[7] != "false" : true
let joint = arguments.count > 8 ? Double(arguments[8]) ?? 0.3 : 0.3
let synthesizer = GaussianCopula(
    categoricalOrdering: ordering, correctsCoarsening: correction, jointAssociationThreshold: joint)

let start = now()
guard let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    print("cannot read \(arguments[1])")
    exit(66)
}
var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
var fields = [[Substring]](repeating: [], count: header.count)
for line in lines {
    let parts = line.split(separator: ",", omittingEmptySubsequences: false)
    for index in header.indices { fields[index].append(index < parts.count ? parts[index] : "") }
}
var columns: [Column] = []
var schemaColumns: [ColumnSchema] = []
for (index, name) in header.enumerated() {
    let raw = fields[index]
    let numbers = raw.map { $0.isEmpty ? Double?.none : Double($0) }
    let numeric = zip(raw, numbers).allSatisfy { $0.isEmpty || $1 != nil }
    if numeric {
        let values = numbers.map { $0 ?? .nan }
        let present = values.filter { !$0.isNaN }
        columns.append(Column(name: name, values: .numeric(values)))
        schemaColumns.append(ColumnSchema(
            name: name, kind: .numerical, missingShare: 1 - Double(present.count) / Double(values.count),
            numerical: NumericalFacts(
                isInteger: present.allSatisfy { $0 == $0.rounded() }, decimalPlaces: 0,
                minimum: present.min(), maximum: present.max())))
    } else {
        columns.append(Column(name: name, strings: raw.map { $0.isEmpty ? nil : String($0) }))
        schemaColumns.append(ColumnSchema(name: name, kind: .categorical))
    }
}
let table = try Table(columns: columns)
let schema = Schema(columns: schemaColumns)
let readSeconds = now() - start

let fitStart = now()
let model = try synthesizer.fit(table, schema: schema, options: FitOptions(seed: Seed(seedValue), threads: threads))
let fitSeconds = now() - fitStart

let sampleStart = now()
let synthetic = try model.sample(count: rowsWanted ?? table.rowCount, seed: Seed(seedValue).derived("bench"), threads: threads)
let sampleSeconds = now() - sampleStart

let writeStart = now()
var output = header.joined(separator: ",") + "\n"
for row in 0..<synthetic.rowCount {
    output += synthetic.columns.map { $0.text(at: row) ?? "" }.joined(separator: ",") + "\n"
}
try output.write(toFile: arguments[2], atomically: true, encoding: .utf8)
let writeSeconds = now() - writeStart

let archive = try SynthesizerRegistry.standard.encode(model)
print(model.summary().renderText())
print(String(format: "read %.3fs  fit %.3fs  sample %.3fs  write %.3fs  total %.3fs  (rows %d, model %d bytes)",
             readSeconds, fitSeconds, sampleSeconds, writeSeconds, now() - start, synthetic.rowCount, archive.count))
