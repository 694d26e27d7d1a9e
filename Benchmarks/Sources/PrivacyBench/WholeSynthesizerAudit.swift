// Whole-synthesizer empirical-epsilon audit (Jagielski et al. 2020; Nasr et al. 2021 style).
//
//   PrivacyBench audit [mst|privbayes] [TRIALS=1000] [EPSILON=1]
//
// D: 300 rows over three categorical columns with the declared domain {a, b, c, canary}; no row
// holds "canary". D′ is D plus the canary row (canary, canary, canary) for MST (add/remove
// neighbours) or D with its last row replaced by it for PrivBayes (replace-one). The synthesizer
// is fitted on D and on D′ in reproducible test mode (a fresh seed per fit), and the attacker
// reads the released model: its statistic is the model's probability of a canary value (computed
// exactly by enumerating the network), summed over the columns for MST and of the first node
// only for PrivBayes (its normalised conditionals hide the other tables' counts). A threshold is chosen on
// calibration fits, then FPR/FNR are counted on `TRIALS` fresh fits per side and turned into a
// Clopper-Pearson (95%) lower bound on epsilon. It must stay at or below the claim. Negative
// control: the same synthesizer with all noise divided by 10 (its rho multiplied by 100, the
// claim kept) and with noise divided by n (the probability-scale bug), both of which the audit
// must flag. The process exits 1 when a verdict is wrong.
import Foundation
import SynthKit

enum WholeSynthesizerAudit {
    static let columns = ["first", "second", "third"]
    static let domain = ["a", "b", "c", "canary"]

    /// D (and the schema declaring every domain).
    static func dataset(rows: Int = 300) -> (table: Table, schema: Schema) {
        var stream = Seed(2024).stream()
        var values = [[String?]](repeating: [], count: columns.count)
        for _ in 0..<rows {
            let shared = stream.nextIndex(below: 3)
            for column in columns.indices {
                values[column].append(domain[stream.nextUniform() < 0.6 ? shared : stream.nextIndex(below: 3)])
            }
        }
        let table = (try? Table(columns: columns.indices.map { Column(name: columns[$0], strings: values[$0]) })) ?? .empty
        let schema = Schema(columns: columns.map { name in
            ColumnSchema(name: name, kind: .categorical, categories: CategoryDomain(values: domain, source: .declared))
        })
        return (table, schema)
    }

    /// D′: D plus the canary row, or D with its last row replaced by it.
    static func neighbour(of table: Table, replacing: Bool) -> Table {
        let columnsWithCanary = table.columns.map { column -> Column in
            var strings = (0..<column.count).map { column.text(at: $0) }
            if replacing { strings[strings.count - 1] = "canary" } else { strings.append("canary") }
            return Column(name: column.name, strings: strings)
        }
        return (try? Table(columns: columnsWithCanary)) ?? table
    }

    /// Σ over columns of P(column = canary) under a fitted network; `expansions` maps
    /// compressed codes back to attribute codes (MST), sampled uniformly within a group.
    static func canaryProbability(
        attributes: [DiscreteAttribute], network: DiscreteNetwork, expansions: [[[Int32]]]?, rootOnly: Bool = false
    ) -> Double {
        let learned = network.nodes.map(\.attribute)
        var codes = [Int](repeating: 0, count: network.cardinalities.count)
        var marginal = network.cardinalities.map { [Double](repeating: 0, count: $0) }
        func visit(_ position: Int, _ probability: Double) {
            if position == network.nodes.count {
                for attribute in learned { marginal[attribute][codes[attribute]] += probability }
                return
            }
            let node = network.nodes[position]
            let cardinality = network.cardinalities[node.attribute]
            var configuration = 0
            for parent in node.parents { configuration = configuration * network.cardinalities[parent] + codes[parent] }
            for value in 0..<cardinality {
                let conditional = node.conditional[configuration * cardinality + value]
                guard conditional > 0 else { continue }
                codes[node.attribute] = value
                visit(position + 1, probability * conditional)
            }
        }
        visit(0, 1)
        var total = 0.0
        for attribute in (rootOnly ? Array(learned.prefix(1)) : learned) {
            guard case .categorical(let encoding) = attributes[attribute].coding,
                  let canary = encoding.levels.firstIndex(of: "canary") else { continue }
            for code in 0..<network.cardinalities[attribute] {
                let group = expansions.map { $0[attribute][code] } ?? [Int32(code)]
                if group.contains(Int32(canary)) { total += marginal[attribute][code] / Double(group.count) }
            }
        }
        return total
    }

    /// The attacker's statistic for one fit.
    static func statistic(method: String, table: Table, schema: Schema, epsilon: Double, seed: UInt64) throws -> Double {
        let options = FitOptions(seed: Seed(seed))
        if method == "privbayes" {
            let model = try PrivBayes(epsilon: epsilon, delta: 1e-9, insecureReproducible: true).fit(table, schema: schema, options: options)
            return canaryProbability(attributes: model.attributes, network: model.network, expansions: nil, rootOnly: true)
        }
        let model = try MST(epsilon: epsilon, delta: 1e-9, insecureReproducible: true).fit(table, schema: schema, options: options)
        return canaryProbability(attributes: model.attributes, network: model.network, expansions: model.expansions)
    }

    /// Statistics of `trials` fits on D and on D′, seeds from `firstSeed`.
    static func statistics(
        method: String, epsilon: Double, trials: Int, firstSeed: UInt64
    ) throws -> (without: [Double], with: [Double]) {
        let (table, schema) = dataset()
        let neighbour = neighbour(of: table, replacing: method == "privbayes")
        var without: [Double] = []
        var with: [Double] = []
        for trial in 0..<trials {
            let seed = firstSeed + UInt64(2 * trial)
            without.append(try statistic(method: method, table: table, schema: schema, epsilon: epsilon, seed: seed))
            with.append(try statistic(method: method, table: neighbour, schema: schema, epsilon: epsilon, seed: seed + 1))
        }
        return (without, with)
    }

    /// The threshold that maximises the epsilon bound on calibration statistics.
    static func bestThreshold(without: [Double], with: [Double], delta: Double) -> Double {
        let candidates = Array(Set(without + with)).sorted()
        var best = (threshold: candidates.last ?? 0, bound: -1.0)
        for threshold in candidates {
            let falsePositives = without.filter { $0 > threshold }.count
            let falseNegatives = with.filter { $0 <= threshold }.count
            let bound = EmpiricalPrivacyAudit.epsilonLowerBound(
                falsePositives: falsePositives, falseNegatives: falseNegatives, trials: without.count, delta: delta)
            if bound > best.bound { best = (threshold, bound) }
        }
        return best.threshold
    }

    /// Runs the honest audit and the negative controls; prints each and returns whether the
    /// honest bound stayed at or below the claim and every control was flagged.
    ///
    /// Controls fit with every noise scale divided by k (ρ multiplied by k², so the Gaussian
    /// noise, the exponential mechanism's temperature and the fact steps all shrink by k) while
    /// the claim stays: k = 10, and k = n = 300, the noise a probability-scale bug puts on
    /// counts (DataSynthesizer #34).
    static func run(method: String, trials: Int, claimedEpsilon: Double) throws -> Bool {
        let delta = 1e-9
        let claimedRho = ZeroConcentratedPrivacy.rho(epsilon: claimedEpsilon, delta: delta)
        func broken(_ divisor: Double) -> Double {
            ZeroConcentratedPrivacy.epsilon(rho: divisor * divisor * claimedRho, delta: delta)
        }
        var verdicts: [Bool] = []
        let variants = [
            ("honest", claimedEpsilon, false), ("noise / 10", broken(10), true), ("noise on probabilities (/ n = 300)", broken(300), true),
        ]
        for (label, epsilon, mustFlag) in variants {
            let start = Date()
            let calibration = try statistics(method: method, epsilon: epsilon, trials: max(200, trials / 2), firstSeed: 1_000_000)
            let threshold = bestThreshold(without: calibration.without, with: calibration.with, delta: delta)
            let audit = try statistics(method: method, epsilon: epsilon, trials: trials, firstSeed: 0)
            let falsePositives = audit.without.filter { $0 > threshold }.count
            let falseNegatives = audit.with.filter { $0 <= threshold }.count
            let bound = EmpiricalPrivacyAudit.epsilonLowerBound(
                falsePositives: falsePositives, falseNegatives: falseNegatives, trials: trials, delta: delta)
            let flagged = bound > claimedEpsilon
            verdicts.append(flagged == mustFlag)
            print(String(
                format: "%@ %@ (fit epsilon %.3f, claim %.3f): threshold %.5f, FP %d/%d, FN %d/%d, epsilon lower bound %.3f -> %@ (%.1f s)",
                method, label, epsilon, claimedEpsilon, threshold, falsePositives, trials, falseNegatives, trials, bound,
                flagged ? "FLAGGED" : "within claim", Date().timeIntervalSince(start)))
        }
        return verdicts.allSatisfy { $0 }
    }
}
