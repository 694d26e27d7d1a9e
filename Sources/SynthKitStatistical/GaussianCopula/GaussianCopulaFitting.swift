import SynthKitCore
import SynthKitMath
import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

/// The steps of ``GaussianCopula/fit(_:schema:options:)``: validate, encode each column to
/// latent normal scores, order categories, estimate and repair the correlation.
struct GaussianCopulaFitting {
    let configuration: GaussianCopula
    let table: Table
    let schema: Schema
    let options: FitOptions

    /// Where an optimised categorical layout goes back to: a column or a joint group.
    enum LayoutTarget {
        case column(Int)
        case group(Int)
    }

    func fit() throws(SynthKitError) -> GaussianCopula.Model {
        guard table.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "cannot fit on a table with no rows; give at least one row of data")
        }
        try checkColumns()
        options.progress?.report(stage: "fitting marginals", fraction: 0)
        var encoded: [String: (encoding: CategoryEncoding, codes: [Int32])] = [:]
        for columnSchema in schema.columns where columnSchema.kind == .categorical || columnSchema.kind == .boolean {
            if let column = table[columnSchema.name] { encoded[columnSchema.name] = CategoryEncoding.fit(column, schema: columnSchema) }
        }
        let groupMembers = jointGroups(encoded)
        var groupOfColumn: [String: (group: Int, position: Int)] = [:]
        for (group, members) in groupMembers.enumerated() {
            for (position, name) in members.enumerated() { groupOfColumn[name] = (group, position) }
        }
        var groups: [JointCategoricalGroup] = []
        var columns: [CopulaColumn] = []
        var scores: [[Double]] = []
        var dimensionNames: [String] = []
        var categoricals: [OptimalScaling.Categorical] = []
        var targets: [LayoutTarget] = []
        for columnSchema in schema.columns {
            guard let column = table[columnSchema.name] else { continue }
            switch columnSchema.kind {
            case .id:
                columns.append(CopulaColumn(
                    name: column.name, kind: .id, treatment: .identifier(IdentifierFormat.learned(from: column))))
            case .pii:
                columns.append(CopulaColumn(
                    name: column.name, kind: .pii,
                    treatment: .blank(reason: "personal information is never learned; written empty")))
            case .text:
                columns.append(CopulaColumn(
                    name: column.name, kind: .text,
                    treatment: .blank(reason: "free text is not learned yet; written empty")))
            case .numerical, .datetime:
                columns.append(try numericColumn(column, columnSchema, &scores, &dimensionNames))
            case .categorical, .boolean:
                guard let (encoding, codes) = encoded[column.name] else { continue }
                if let (group, position) = groupOfColumn[column.name] {
                    if group == groups.count {
                        let members = groupMembers[group]
                        let (jointCodes, combinations) = JointCategoricalGroup.combine(members.map { encoded[$0]?.codes ?? [] })
                        let dimension = addCategorical(
                            name: members.joined(separator: " x "), codes: jointCodes, codeCount: combinations.count,
                            ordered: false, scores: &scores, dimensionNames: &dimensionNames, categoricals: &categoricals)
                        if dimension != nil { targets.append(.group(group)) }
                        groups.append(JointCategoricalGroup(
                            members: members, combinations: combinations, order: [0], thresholds: Base64Doubles([]),
                            dimension: dimension, frequencies: [1]))
                    }
                    columns.append(CopulaColumn(
                        name: column.name, kind: columnSchema.kind,
                        treatment: .jointCategorical(group: group, position: position, encoding: encoding)))
                    continue
                }
                let dimension = addCategorical(
                    name: column.name, codes: codes, codeCount: encoding.codeCount,
                    ordered: columnSchema.categories?.ordered ?? false, scores: &scores, dimensionNames: &dimensionNames,
                    categoricals: &categoricals)
                if dimension != nil { targets.append(.column(columns.count)) }
                let layout = Self.layout(counts: Self.counts(codes, encoding.codeCount), order: nil)
                columns.append(CopulaColumn(
                    name: column.name, kind: columnSchema.kind,
                    treatment: .categorical(
                        encoding: encoding, order: layout.order, thresholds: Base64Doubles(layout.thresholds),
                        dimension: dimension, frequencies: layout.frequencies)))
            }
        }
        if configuration.categoricalOrdering == .optimalScaling && configuration.scalingRounds > 0 {
            options.progress?.report(stage: "ordering categories", fraction: 0.4)
            OptimalScaling.optimise(categoricals: &categoricals, scores: &scores, rounds: configuration.scalingRounds)
        }
        for (categorical, target) in zip(categoricals, targets) {
            let layout = Self.layout(counts: categorical.counts, order: categorical.order)
            switch target {
            case .column(let index):
                guard case .categorical(let encoding, _, _, let dimension, _) = columns[index].treatment else { continue }
                columns[index].treatment = .categorical(
                    encoding: encoding, order: layout.order, thresholds: Base64Doubles(layout.thresholds),
                    dimension: dimension, frequencies: layout.frequencies)
            case .group(let index):
                groups[index].order = layout.order
                groups[index].thresholds = Base64Doubles(layout.thresholds)
                groups[index].frequencies = layout.frequencies
            }
        }
        for index in groups.indices where groups[index].dimension == nil {
            let counts = Self.counts(
                JointCategoricalGroup.combine(groups[index].members.map { encoded[$0]?.codes ?? [] }).codes,
                groups[index].combinations.count)
            let layout = Self.layout(counts: counts, order: nil)
            groups[index].order = layout.order
            groups[index].frequencies = layout.frequencies
        }
        options.progress?.report(stage: "estimating correlation", fraction: 0.7)
        let correlation = estimateCorrelation(scores)
        let model = try GaussianCopula.Model(
            configuration: configuration, schema: schema,
            provenance: Provenance.fitted(by: configuration, schema: schema, options: options),
            columns: columns, groups: groups, dimensionNames: dimensionNames, correlation: correlation)
        options.progress?.report(stage: "fitted", fraction: 1)
        return model
    }

    /// Groups of strongly associated unordered categorical columns, in schema order.
    func jointGroups(_ encoded: [String: (encoding: CategoryEncoding, codes: [Int32])]) -> [[String]] {
        guard configuration.jointAssociationThreshold <= 1 else { return [] }
        // A column with more categories than a group may hold can never join one; skipping it
        // also bounds the contingency tables at maximumJointCategories² cells.
        let names = schema.columns.filter { column in
            guard let entry = encoded[column.name] else { return false }
            return !(column.categories?.ordered ?? false) && entry.encoding.codeCount <= configuration.maximumJointCategories
        }.map(\.name)
        let candidates = names.compactMap { encoded[$0] }.map { (codes: $0.codes, codeCount: $0.encoding.codeCount) }
        return JointCategoricalGroup.groups(
            columns: candidates, threshold: configuration.jointAssociationThreshold,
            maximumCombinations: configuration.maximumJointCategories
        ).map { $0.map { names[$0] } }
    }

    /// Adds the latent dimension of a categorical (frequency order, or declared order when
    /// `ordered`); `nil` when only one code occurs.
    func addCategorical(
        name: String, codes: [Int32], codeCount: Int, ordered: Bool, scores: inout [[Double]],
        dimensionNames: inout [String], categoricals: inout [OptimalScaling.Categorical]
    ) -> Int? {
        let counts = Self.counts(codes, codeCount)
        let keepDeclared = ordered && configuration.categoricalOrdering == .optimalScaling
        let order = Self.layout(counts: counts, order: keepDeclared ? (0..<codeCount).map { Int32($0) } : nil).order
        guard order.count > 1 else { return nil }
        let levelScores = Self.codeScores(counts: counts, order: order)
        scores.append(codes.map { levelScores[Int($0)] })
        dimensionNames.append(name)
        categoricals.append(OptimalScaling.Categorical(
            dimension: scores.count - 1, codes: codes, counts: counts, order: order, fixedOrder: keepDeclared))
        return scores.count - 1
    }

    static func counts(_ codes: [Int32], _ codeCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: codeCount)
        for code in codes { counts[Int(code)] += 1 }
        return counts
    }

    /// The interval layout of codes: `order` (default most frequent first) without unseen
    /// codes, the latent cut points Φ⁻¹(cumulative frequency) and the frequencies.
    static func layout(counts: [Int], order: [Int32]?) -> (order: [Int32], thresholds: [Double], frequencies: [Double]) {
        var sequence = order ?? (0..<counts.count).map { Int32($0) }.sorted {
            counts[Int($0)] != counts[Int($1)] ? counts[Int($0)] > counts[Int($1)] : $0 < $1
        }
        sequence = sequence.filter { counts[Int($0)] > 0 }
        let total = Double(sequence.reduce(0) { $0 + counts[Int($1)] })
        let frequencies = sequence.map { Double(counts[Int($0)]) / max(total, 1) }
        var thresholds: [Double] = []
        var cumulative = 0.0
        for frequency in frequencies.dropLast() {
            cumulative += frequency
            thresholds.append(NormalDistribution.quantile(min(cumulative, 1)))
        }
        return (sequence, thresholds, frequencies)
    }

    /// Every schema column must exist in the table with a usable storage, and vice versa.
    func checkColumns() throws(SynthKitError) {
        try FitInputCheck.checkColumns(of: table, against: schema)
    }

    func numericColumn(
        _ column: Column, _ columnSchema: ColumnSchema, _ scores: inout [[Double]], _ dimensionNames: inout [String]
    ) throws(SynthKitError) -> CopulaColumn {
        let numbers = column.numbers ?? []
        let format = NumericalFormat.fit(values: numbers, schema: columnSchema)
        let present = numbers.filter { !$0.isNaN }.sorted()
        let missingShare = 1 - Double(present.count) / Double(numbers.count)
        guard !present.isEmpty else {
            return CopulaColumn(
                name: column.name, kind: columnSchema.kind,
                treatment: .numeric(marginal: nil, format: format, valueDimension: nil, missingDimension: nil, missingShare: 1))
        }
        let family = configuration.familyOverrides[column.name] ?? configuration.defaultFamily
        let marginal = MarginalFitting.fit(
            sortedValues: present, family: family, tolerance: configuration.parametricTolerance,
            knotCount: configuration.empiricalKnots, discreteLimit: configuration.discreteSupportLimit)
        var valueDimension: Int?
        if present[0] != present[present.count - 1] {
            valueDimension = scores.count
            scores.append(Self.rankScores(numbers, sortedPresent: present))
            dimensionNames.append(column.name)
        }
        var missingDimension: Int?
        if missingShare > 0 && missingShare < 1 {
            missingDimension = scores.count
            let threshold = NormalDistribution.quantile(1 - missingShare)
            let missingScore = NormalDistribution.truncatedMean(lower: threshold, upper: .infinity)
            let presentScore = NormalDistribution.truncatedMean(lower: -.infinity, upper: threshold)
            scores.append(numbers.map { $0.isNaN ? missingScore : presentScore })
            dimensionNames.append(column.name + " (missing)")
        }
        return CopulaColumn(
            name: column.name, kind: columnSchema.kind,
            treatment: .numeric(
                marginal: marginal, format: format, valueDimension: valueDimension, missingDimension: missingDimension,
                missingShare: missingShare))
    }

    /// Normal scores of ranks: each distinct value's ECDF interval mapped to its truncated mean;
    /// NaN for missing rows.
    static func rankScores(_ numbers: [Double], sortedPresent: [Double]) -> [Double] {
        let total = Double(sortedPresent.count)
        var scoreOf: [Double: Double] = [:]
        var index = 0
        while index < sortedPresent.count {
            var end = index
            while end + 1 < sortedPresent.count && sortedPresent[end + 1] == sortedPresent[index] { end += 1 }
            let lower = NormalDistribution.quantile(Double(index) / total)
            let upper = NormalDistribution.quantile(Double(end + 1) / total)
            scoreOf[sortedPresent[index]] = NormalDistribution.truncatedMean(lower: lower, upper: upper)
            index = end + 1
        }
        return numbers.map { $0.isNaN ? .nan : scoreOf[$0] ?? 0 }
    }

    /// The latent score of each code for a layout `order` (codes absent from `order` get 0).
    static func codeScores(counts: [Int], order: [Int32]) -> [Double] {
        let total = Double(order.reduce(0) { $0 + counts[Int($1)] })
        var result = [Double](repeating: 0, count: counts.count)
        guard total > 0 else { return result }
        var cumulative = 0.0
        var lower = -Double.infinity
        for code in order {
            cumulative += Double(counts[Int(code)])
            let upper = cumulative >= total ? Double.infinity : NormalDistribution.quantile(cumulative / total)
            result[Int(code)] = NormalDistribution.truncatedMean(lower: lower, upper: upper)
            lower = upper
        }
        return result
    }

    /// Pairwise-complete Pearson correlation of the scores, corrected for coarsening, repaired
    /// to the nearest positive-definite correlation matrix.
    func estimateCorrelation(_ scores: [[Double]]) -> SquareMatrix {
        let dimension = scores.count
        var matrix = SquareMatrix.identity(dimension)
        let reliabilities = scores.map { values -> Double in
            let present = values.filter(\.isFinite)
            guard present.count > 1 else { return 1 }
            let mean = present.reduce(0, +) / Double(present.count)
            let variance = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(present.count)
            return min(1, max(variance.squareRoot(), 1e-3))
        }
        for first in 0..<dimension {
            for second in (first + 1)..<max(dimension, first + 1) {
                var value = Correlation.pearson(scores[first], scores[second])
                if !value.isFinite { value = 0 }
                if configuration.correctsCoarsening { value /= reliabilities[first] * reliabilities[second] }
                value = min(max(value, -0.9999), 0.9999)
                matrix[first, second] = value
                matrix[second, first] = value
            }
        }
        return NearestCorrelation.repair(matrix, minimumEigenvalue: 1e-6)
    }
}
