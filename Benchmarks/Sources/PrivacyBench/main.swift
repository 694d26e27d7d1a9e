// MST / PrivBayes utility on Adult: mean 2-way and 3-way TVD over all column pairs and triples.
//
//   swift run -c release PrivacyBench ADULT.csv [SYNTHESIZER=mst] [EPSILON=1] [DELTA=1e-9] [RUNS=5]
//   swift run -c release PrivacyBench ADULT.csv compare SYNTHETIC.csv   (TVD of another tool's output)
//   swift run -c release PrivacyBench audit [mst|privbayes] [TRIALS] [EPSILON]   (whole-synthesizer audit,
//   see WholeSynthesizerAudit.swift)
//
// The domain is declared public as in ../shared/bench/anchors.py for smartnoise's MST: every
// numerical column's bounds are the training range and every category domain is the observed
// one, all marked `declared`, so the whole budget goes to the synthesizer. TVD is measured on
// the same discretisation for real and synthetic data: a numerical column with at most 20
// distinct values keeps its values, others are cut into 20 equal-width bins over the real
// range; missing is one more value. Noise is secure (each run differs).
import Foundation
import SynthKit

func now() -> Double { Date().timeIntervalSince1970 }

let arguments = CommandLine.arguments
if arguments.count >= 2, arguments[1] == "audit" {
    let method = arguments.count > 2 ? arguments[2] : "mst"
    let trials = arguments.count > 3 ? Int(arguments[3]) ?? 1000 : 1000
    let claimed = arguments.count > 4 ? Double(arguments[4]) ?? 1 : 1
    do {
        exit(try WholeSynthesizerAudit.run(method: method, trials: trials, claimedEpsilon: claimed) ? 0 : 1)
    } catch {
        print("audit failed: \(error)")
        exit(1)
    }
}
guard arguments.count >= 2 else {
    print("usage: PrivacyBench ADULT.csv [mst|privbayes] [EPSILON] [DELTA] [RUNS]")
    exit(64)
}
let method = arguments.count > 2 ? arguments[2] : "mst"
let epsilon = arguments.count > 3 ? Double(arguments[3]) ?? 1 : 1
let delta = arguments.count > 4 ? Double(arguments[4]) ?? 1e-9 : 1e-9
let runs = arguments.count > 5 ? Int(arguments[5]) ?? 5 : 5

let table: Table
do {
    table = try CSVReader().read(path: arguments[1])
} catch {
    print("cannot read \(arguments[1]): \(error)")
    exit(66)
}
var schema = SchemaInference.infer(table: table)
for index in schema.columns.indices {
    let name = schema.columns[index].name
    guard let column = table[name] else { continue }
    switch schema.columns[index].kind {
    case .numerical:
        let known = (column.numbers ?? []).filter { !$0.isNaN }
        schema.columns[index].numerical?.minimum = known.min()
        schema.columns[index].numerical?.maximum = known.max()
        schema.columns[index].numerical?.boundsSource = .declared
    case .categorical, .boolean:
        schema.columns[index].categories?.source = .declared
        schema.columns[index].categories?.counts = nil
    default:
        break
    }
}

/// Codes of every column under the benchmark's discretisation (shared by real and synthetic).
func discretise(_ data: Table, like reference: Table) -> [[Int]] {
    reference.columns.map { referenceColumn in
        guard let column = data[referenceColumn.name] else { return [] }
        if let referenceNumbers = referenceColumn.numbers {
            let known = referenceNumbers.filter { !$0.isNaN }
            let distinct = Array(Set(known)).sorted()
            let numbers = column.numbers ?? []
            if distinct.count <= 20 {
                return numbers.map { value in
                    value.isNaN ? distinct.count : (distinct.firstIndex(of: value) ?? distinct.count + 1)
                }
            }
            let low = distinct.first ?? 0
            let high = distinct.last ?? 1
            return numbers.map { value in
                value.isNaN ? 20 : min(19, max(0, Int((value - low) / (high - low) * 20)))
            }
        }
        return (0..<column.count).map { row in column.text(at: row).map { $0.hashValue & 0x7fff_ffff } ?? -1 }
    }
}

func marginalTVD(_ real: [[Int]], _ synthetic: [[Int]], columns: [Int]) -> Double {
    func distribution(_ codes: [[Int]]) -> [[Int]: Double] {
        var counts: [[Int]: Double] = [:]
        let rows = codes[columns[0]].count
        for row in 0..<rows { counts[columns.map { codes[$0][row] }, default: 0] += 1 }
        return counts.mapValues { $0 / Double(rows) }
    }
    let first = distribution(real)
    let second = distribution(synthetic)
    var total = 0.0
    for key in Set(first.keys).union(second.keys) { total += abs((first[key] ?? 0) - (second[key] ?? 0)) }
    return total / 2
}

func meanTVD(real: [[Int]], synthetic: [[Int]], order: Int) -> Double {
    let count = real.count
    var values: [Double] = []
    if order == 2 {
        for a in 0..<count { for b in (a + 1)..<count { values.append(marginalTVD(real, synthetic, columns: [a, b])) } }
    } else {
        for a in 0..<count { for b in (a + 1)..<count { for c in (b + 1)..<count {
            values.append(marginalTVD(real, synthetic, columns: [a, b, c]))
        } } }
    }
    return values.reduce(0, +) / Double(values.count)
}

let realCodes = discretise(table, like: table)
if method == "compare", arguments.count > 3 {
    do {
        let synthetic = try CSVReader().read(path: arguments[3])
        let codes = discretise(synthetic, like: table)
        print(String(format: "%@: 2-way TVD %.4f, 3-way TVD %.4f (%d rows)", arguments[3],
                     meanTVD(real: realCodes, synthetic: codes, order: 2), meanTVD(real: realCodes, synthetic: codes, order: 3), synthetic.rowCount))
        exit(0)
    } catch {
        print("cannot read \(arguments[3]): \(error)")
        exit(66)
    }
}
print("method=\(method) epsilon=\(epsilon) delta=\(delta) rows=\(table.rowCount) columns=\(table.columns.count)")
var twoWay: [Double] = []
var threeWay: [Double] = []
var fitTimes: [Double] = []
for run in 0..<runs {
    let start = now()
    let model: any SynthesisModel
    do {
        if method == "privbayes" {
            model = try PrivBayes(epsilon: epsilon, delta: delta).fit(table, schema: schema, options: FitOptions(seed: Seed(UInt64(run))))
        } else if method == "bayesian-network" {
            model = try BayesianNetwork().fit(table, schema: schema, options: FitOptions(seed: Seed(UInt64(run))))
        } else {
            model = try MST(epsilon: epsilon, delta: delta).fit(table, schema: schema, options: FitOptions(seed: Seed(UInt64(run))))
        }
        let fitSeconds = now() - start
        let synthetic = try model.sample(count: table.rowCount, seed: Seed(UInt64(1000 + run)))
        let syntheticCodes = discretise(synthetic, like: table)
        let two = meanTVD(real: realCodes, synthetic: syntheticCodes, order: 2)
        let three = meanTVD(real: realCodes, synthetic: syntheticCodes, order: 3)
        twoWay.append(two)
        threeWay.append(three)
        fitTimes.append(fitSeconds)
        print(String(format: "run %d: fit %.2f s, 2-way TVD %.4f, 3-way TVD %.4f, epsilon spent %.4f", run, fitSeconds, two, three,
                     model.provenance.privacy?.epsilon ?? .nan))
    } catch {
        print("run \(run) failed: \(error)")
        exit(1)
    }
}
func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
print(String(format: "mean over %d runs: 2-way TVD %.4f, 3-way TVD %.4f, fit %.2f s", runs, mean(twoWay), mean(threeWay), mean(fitTimes)))
