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

    func fit() throws(SynthKitError) -> GaussianCopula.Model {
        guard table.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "cannot fit on a table with no rows; give at least one row of data")
        }
        try checkColumns()
        options.progress?.report(stage: "fitting marginals", fraction: 0)
        var columns: [CopulaColumn] = []
        var scores: [[Double]] = []
        var dimensionNames: [String] = []
        var categoricals: [OptimalScaling.Categorical] = []
        var categoricalColumnIndex: [Int] = []
        var countsByColumn: [Int: [Int]] = [:]
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
                let (encoding, codes) = CategoryEncoding.fit(column, schema: columnSchema)
                var counts = [Int](repeating: 0, count: encoding.codeCount)
                for code in codes { counts[Int(code)] += 1 }
                countsByColumn[columns.count] = counts
                let ordered = columnSchema.categories?.ordered ?? false
                var order = (0..<encoding.codeCount).map { Int32($0) }
                if !ordered || configuration.categoricalOrdering == .frequency {
                    order.sort { counts[Int($0)] != counts[Int($1)] ? counts[Int($0)] > counts[Int($1)] : $0 < $1 }
                }
                order = order.filter { counts[Int($0)] > 0 }
                var dimension: Int?
                if order.count > 1 {
                    dimension = scores.count
                    let levelScores = Self.codeScores(counts: counts, order: order)
                    scores.append(codes.map { levelScores[Int($0)] })
                    dimensionNames.append(column.name)
                    categoricals.append(OptimalScaling.Categorical(
                        dimension: scores.count - 1, codes: codes, counts: counts, order: order, fixedOrder: ordered))
                    categoricalColumnIndex.append(columns.count)
                }
                columns.append(CopulaColumn(
                    name: column.name, kind: columnSchema.kind,
                    treatment: .categorical(
                        encoding: encoding, order: order, thresholds: Base64Doubles([]), dimension: dimension,
                        frequencies: [])))
            }
        }
        if configuration.categoricalOrdering == .optimalScaling && configuration.scalingRounds > 0 {
            options.progress?.report(stage: "ordering categories", fraction: 0.4)
            OptimalScaling.optimise(categoricals: &categoricals, scores: &scores, rounds: configuration.scalingRounds)
        }
        for (position, categorical) in categoricals.enumerated() {
            let index = categoricalColumnIndex[position]
            guard case .categorical(let encoding, _, _, let dimension, _) = columns[index].treatment else { continue }
            let visible = categorical.order.filter { categorical.counts[Int($0)] > 0 }
            columns[index].treatment = .categorical(
                encoding: encoding, order: visible, thresholds: Base64Doubles([]), dimension: dimension, frequencies: [])
        }
        for index in columns.indices {
            guard case .categorical(let encoding, let order, _, let dimension, _) = columns[index].treatment else { continue }
            let codeCounts = countsByColumn[index] ?? [Int](repeating: 1, count: encoding.codeCount)
            let total = Double(codeCounts.reduce(0, +))
            let frequencies = order.map { Double(codeCounts[Int($0)]) / total }
            var thresholds: [Double] = []
            var cumulative = 0.0
            for frequency in frequencies.dropLast() {
                cumulative += frequency
                thresholds.append(NormalDistribution.quantile(min(cumulative, 1)))
            }
            columns[index].treatment = .categorical(
                encoding: encoding, order: order, thresholds: Base64Doubles(thresholds), dimension: dimension,
                frequencies: frequencies)
        }
        options.progress?.report(stage: "estimating correlation", fraction: 0.7)
        let correlation = estimateCorrelation(scores)
        let model = try GaussianCopula.Model(
            configuration: configuration, schema: schema,
            provenance: Provenance.fitted(by: configuration, schema: schema, options: options),
            columns: columns, dimensionNames: dimensionNames, correlation: correlation)
        options.progress?.report(stage: "fitted", fraction: 1)
        return model
    }

    /// Every schema column must exist in the table with a usable storage, and vice versa.
    func checkColumns() throws(SynthKitError) {
        var problems: [SynthKitError] = []
        for columnSchema in schema.columns {
            guard let column = table[columnSchema.name] else {
                problems.append(SynthKitError(
                    .invalidSchema, "the schema describes column '\(columnSchema.name)', which the table does not have",
                    location: .init(column: columnSchema.name)))
                continue
            }
            if (columnSchema.kind == .numerical || columnSchema.kind == .datetime) && column.numbers == nil {
                problems.append(SynthKitError(
                    .invalidSchema,
                    "column '\(column.name)' is \(columnSchema.kind.rawValue) in the schema but holds text; "
                        + "change its kind to categorical or fix the data",
                    location: .init(column: column.name)))
            }
            if let numbers = column.numbers, let row = numbers.firstIndex(where: { $0.isInfinite }) {
                problems.append(SynthKitError(
                    .invalidInput, "column '\(column.name)' holds an infinite value at row \(row + 1); use a finite number or leave it empty",
                    location: .init(line: row + 2, column: column.name)))
            }
        }
        for name in table.columnNames where schema[name] == nil {
            problems.append(SynthKitError(
                .invalidSchema, "the table has column '\(name)', which the schema does not describe; add it to the schema",
                location: .init(column: name)))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
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
                value = min(max(value, -0.999), 0.999)
                matrix[first, second] = value
                matrix[second, first] = value
            }
        }
        return NearestCorrelation.repair(matrix, minimumEigenvalue: 1e-6)
    }
}
