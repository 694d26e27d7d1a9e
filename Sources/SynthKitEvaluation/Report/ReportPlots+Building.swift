import SynthKitCore
import SynthKitTable

extension ReportPlots {
    /// Plot data for `real` vs `synthetic`.
    static func build(real: Table, synthetic: Table, roles: ColumnRoles, distances: [DistanceHistogram]) -> ReportPlots {
        var distributions: [Distribution] = []
        for name in roles.all {
            guard let realColumn = real[name], let syntheticColumn = synthetic[name] else { continue }
            if roles.numeric.contains(name), let realNumbers = roles.numbers(of: realColumn), let syntheticNumbers = roles.numbers(of: syntheticColumn) {
                if let distribution = numericDistribution(name: name, real: realNumbers, synthetic: syntheticNumbers) { distributions.append(distribution) }
            } else {
                distributions.append(categoricalDistribution(name: name, real: realColumn, synthetic: syntheticColumn))
            }
        }
        return ReportPlots(distributions: distributions, associations: associations(real: real, synthetic: synthetic, roles: roles), distances: distances)
    }

    /// 20 equal-width bins over the real range, values beyond it counted in the end bins.
    static func numericDistribution(name: String, real: [Double], synthetic: [Double], binCount: Int = 20) -> Distribution? {
        guard let bins = EqualWidthBins(values: real, binCount: binCount) else { return nil }
        var labels = (0..<binCount).map { NumberFormatting.fixed(bins.edges[$0], places: abs(bins.edges[$0]) < 10 ? 2 : 0) }
        let hasMissing = real.contains(where: \.isNaN) || synthetic.contains(where: \.isNaN)
        if hasMissing { labels.append("(missing)") }
        func shares(_ values: [Double]) -> [Double] {
            var counts = [Double](repeating: 0, count: labels.count)
            for value in values {
                if value.isNaN { counts[binCount] += 1; continue }
                counts[min(max(bins.index(of: value) - 1, 0), binCount - 1)] += 1
            }
            let total = max(1, Double(values.count))
            return counts.map { $0 / total }
        }
        return Distribution(column: name, kind: "numeric", labels: labels, real: shares(real), synthetic: shares(synthetic))
    }

    /// The 12 most frequent real categories, then "(other)" and "(missing)" when present.
    static func categoricalDistribution(name: String, real: Column, synthetic: Column, shown: Int = 12) -> Distribution {
        let codes = SharedCodes(real: real, synthetic: synthetic)
        let realCounts = SharedCodes.counts(codes.real, categoryCount: codes.categoryCount)
        let syntheticCounts = SharedCodes.counts(codes.synthetic, categoryCount: codes.categoryCount)
        let order = (0..<codes.categoryCount).sorted { realCounts[$0] == realCounts[$1] ? $0 < $1 : realCounts[$0] > realCounts[$1] }
        let top = Array(order.prefix(shown))
        var labels = top.map { codes.names[$0] }
        var realShares = top.map { Double(realCounts[$0]) }
        var syntheticShares = top.map { Double(syntheticCounts[$0]) }
        if order.count > shown {
            labels.append("(other)")
            realShares.append(Double(order.dropFirst(shown).reduce(0) { $0 + realCounts[$1] }))
            syntheticShares.append(Double(order.dropFirst(shown).reduce(0) { $0 + syntheticCounts[$1] }))
        }
        let realMissing = codes.real.filter { $0 < 0 }.count
        let syntheticMissing = codes.synthetic.filter { $0 < 0 }.count
        if realMissing + syntheticMissing > 0 {
            labels.append("(missing)")
            realShares.append(Double(realMissing))
            syntheticShares.append(Double(syntheticMissing))
        }
        let realTotal = max(1, Double(codes.real.count))
        let syntheticTotal = max(1, Double(codes.synthetic.count))
        return Distribution(
            column: name, kind: "categorical", labels: labels, real: realShares.map { $0 / realTotal },
            synthetic: syntheticShares.map { $0 / syntheticTotal })
    }

    /// Pearson ρ or Cramér's V of every pair (diagonal 1), for at most 30 columns.
    static func associations(real: Table, synthetic: Table, roles: ColumnRoles) -> AssociationMatrix? {
        let names = Array(roles.all.filter { real[$0] != nil && synthetic[$0] != nil }.prefix(30))
        guard names.count >= 2 else { return nil }
        let contingency = ContingencySimilarity(continuousColumns: Set(roles.numeric))
        func matrix(_ table: Table) -> [Double] {
            var codes: [String: SharedCodes] = [:]
            for name in names {
                if let column = table[name], let realColumn = real[name] {
                    codes[name] = contingency.codes(real: realColumn, synthetic: column)?.withMissingIfNeeded()
                }
            }
            var values = [Double](repeating: 0, count: names.count * names.count)
            for first in names.indices {
                values[first * names.count + first] = 1
                for second in names.indices where second > first {
                    var value = 0.0
                    if roles.numeric.contains(names[first]), roles.numeric.contains(names[second]),
                       let a = table[names[first]].flatMap(roles.numbers(of:)), let b = table[names[second]].flatMap(roles.numbers(of:)),
                       case .value(let rho) = PearsonCorrelation.coefficient(a, b) {
                        value = rho
                    } else if let a = codes[names[first]], let b = codes[names[second]] {
                        let counts = PairCounts(first: a.synthetic, second: b.synthetic, secondCategoryCount: b.categoryCount, firstCategoryCount: a.categoryCount)
                        value = counts.cramersV(secondCategoryCount: b.categoryCount) ?? 0
                    }
                    values[first * names.count + second] = value
                    values[second * names.count + first] = value
                }
            }
            return values
        }
        return AssociationMatrix(columns: names, real: matrix(real), synthetic: matrix(synthetic))
    }

    /// A histogram of distances with 20 bins over [0, the largest value].
    static func distanceHistogram(label: String, training: [Double], holdout: [Double]?) -> DistanceHistogram {
        let largest = max(training.max() ?? 0, holdout?.max() ?? 0, 1e-12)
        let edges = (0...20).map { largest * Double($0) / 20 }
        func shares(_ values: [Double]) -> [Double] {
            var counts = [Double](repeating: 0, count: 20)
            for value in values where value.isFinite { counts[min(19, Int(value / largest * 20))] += 1 }
            return counts.map { $0 / max(1, Double(values.count)) }
        }
        return DistanceHistogram(label: label, edges: edges, training: shares(training), holdout: holdout.map(shares))
    }
}

extension SharedCodes {
    /// Codes with missing values as a category when any is missing (every code non-negative).
    func withMissingIfNeeded() -> SharedCodes {
        real.contains(where: { $0 < 0 }) || synthetic.contains(where: { $0 < 0 }) ? withMissingAsCategory() : self
    }
}
