import Foundation
public import SynthKitCore
public import SynthKitTable
import SynthKitEvaluation
import SynthKitMath

/// What one generation's synthetic rows look like against the real table, column by column.
///
/// Keys are `"<metric>"` for table-level figures and `"<metric>/<column>"` per column, so a
/// run is a flat dictionary that medians across repeats reduce easily. Metrics (reference:
/// collapse-dp-watermark.md §1.2 "Tails" and §1.4):
/// - numerical: `variance-ratio` `s²_syn/s²_real`; `log-variance-ratio` `ln(s²_syn/s²_real)`;
///   `mean-drift` `(mean_syn − mean_real)/s_real`; `tail-mass` the share of rows beyond the
///   real 1st/99th percentiles (0.02 for the real table); `wasserstein` the Wasserstein-1
///   distance to the real column in real standard deviations;
/// - categorical and boolean: `gini-simpson` `1 − Σ pᵢ²`; `surviving-categories` the number of
///   real categories still present; `rare-survival` the share of rare real categories (below
///   1% of rows) still present (1 when there are none);
/// - table: `fidelity`, the mean of KSComplement (numerical) and TVComplement (categorical);
///   with a target, `tstr`, the train-synthetic-test-real utility: the AUC (categorical target,
///   gradient-boosted trees, least frequent class vs the rest) or R² (numerical target, ridge
///   regression) on held-out real rows of a learner trained on the measured table.
/// Missing values are ignored. Cost: O(n log n) per numerical column, plus one learner fit per
/// table with a target.
public struct GenerationMetrics: Sendable {
    /// The real table's per-column reference figures.
    struct NumericalReference: Sendable {
        let name: String
        let sorted: [Double]
        let mean: Double
        let variance: Double
        let lowerTail: Double
        let upperTail: Double
    }

    /// The real categorical column's shares.
    struct CategoricalReference: Sendable {
        let name: String
        let shares: [String: Double]
    }

    let real: Table
    let numerical: [NumericalReference]
    let categorical: [CategoricalReference]
    let utility: TrainSyntheticTestReal?
    let utilitySeed: Seed

    /// The rare-category threshold: a real share below this counts as rare.
    public static let rareShare = 0.01

    /// Prepares the real table's reference figures for the columns `schema` marks numerical
    /// (numerical, datetime) or categorical (categorical, boolean). O(n log n) per column.
    public init(real: Table, schema: Schema) {
        self.init(real: real, schema: schema, utility: nil, utilitySeed: Seed(0))
    }

    /// Prepares the reference figures and the `tstr` utility of `target`: a learner trained on
    /// each measured table is tested on `holdout`, real rows kept out of `real`.
    /// - Throws: `.invalidArgument` when `target` is not a numerical, categorical or boolean
    ///   column, has fewer than two real classes, or has no value in `holdout`.
    public init(real: Table, schema: Schema, target: String, holdout: Table, seed: Seed) throws(SynthKitError) {
        let probe = try TrainSyntheticTestReal(
            train: real, test: holdout, target: target, metadata: Self.metadata(of: schema, table: real))
        self.init(real: real, schema: schema, utility: probe, utilitySeed: seed.derived("collapse.tstr"))
    }

    /// The SDMetrics column types of `schema`'s columns, as the evaluation learners read them.
    static func metadata(of schema: Schema, table: Table) -> SDVMetadata {
        var columns: [String: SDVMetadata.ColumnMetadata] = [:]
        for column in schema.columns {
            let sdtype: String
            switch column.kind {
            case .numerical: sdtype = "numerical"
            case .datetime: sdtype = table[column.name]?.numbers != nil ? "numerical" : "datetime"
            case .categorical: sdtype = "categorical"
            case .boolean: sdtype = "boolean"
            default: sdtype = "id"
            }
            columns[column.name] = SDVMetadata.ColumnMetadata(sdtype: sdtype)
        }
        return SDVMetadata(columns: columns)
    }

    init(real: Table, schema: Schema, utility: TrainSyntheticTestReal?, utilitySeed: Seed) {
        self.real = real
        self.utility = utility
        self.utilitySeed = utilitySeed
        var numerical: [NumericalReference] = []
        var categorical: [CategoricalReference] = []
        for columnSchema in schema.columns {
            guard let column = real[columnSchema.name] else { continue }
            switch columnSchema.kind {
            case .numerical, .datetime:
                let values = Self.present(column)
                guard values.count >= 2 else { continue }
                let distribution = EmpiricalDistribution(values)
                let (mean, variance) = Self.moments(values)
                numerical.append(NumericalReference(
                    name: column.name, sorted: values.sorted(), mean: mean, variance: variance,
                    lowerTail: distribution.quantile(0.01), upperTail: distribution.quantile(0.99)))
            case .categorical, .boolean:
                categorical.append(CategoricalReference(name: column.name, shares: Self.shares(column)))
            default:
                continue
            }
        }
        self.numerical = numerical
        self.categorical = categorical
    }

    /// The names of the numerical and categorical columns measured.
    public var numericalColumns: [String] { numerical.map(\.name) }
    /// The categorical columns measured.
    public var categoricalColumns: [String] { categorical.map(\.name) }
    /// The column whose TSTR utility is measured, if any.
    public var utilityTarget: String? { utility?.target }
    /// The name of the utility score (`AUC` or `R²`), when a target is measured.
    public var utilityMetricName: String? { utility?.metricName }
    /// The held-out real rows the utility is tested on (0 without a target).
    public var utilityTestRows: Int { utility?.testRows ?? 0 }

    /// Every figure for `synthetic`, keyed as described in the type's documentation.
    public func measure(_ synthetic: Table) throws(SynthKitError) -> [String: Double] {
        var figures: [String: Double] = [:]
        var fidelity: [Double] = []
        for reference in numerical {
            guard let column = synthetic[reference.name] else { continue }
            let values = Self.present(column)
            guard values.count >= 2 else { continue }
            let (mean, variance) = Self.moments(values)
            let scale = reference.variance > 0 ? reference.variance.squareRoot() : 1
            let ratio = reference.variance > 0 ? variance / reference.variance : 1
            figures["variance-ratio/\(reference.name)"] = ratio
            figures["log-variance-ratio/\(reference.name)"] = log(max(ratio, 1e-300))
            figures["mean-drift/\(reference.name)"] = (mean - reference.mean) / scale
            let outside = values.reduce(0) { $0 + ($1 < reference.lowerTail || $1 > reference.upperTail ? 1 : 0) }
            figures["tail-mass/\(reference.name)"] = Double(outside) / Double(values.count)
            figures["wasserstein/\(reference.name)"] = Self.wasserstein(reference.sorted, values.sorted()) / scale
            if let realColumn = real[reference.name], let score = try KSComplement().score(real: realColumn, synthetic: column) {
                fidelity.append(score)
            }
        }
        for reference in categorical {
            guard let column = synthetic[reference.name] else { continue }
            let shares = Self.shares(column)
            figures["gini-simpson/\(reference.name)"] = 1 - shares.keys.sorted().reduce(0) { $0 + (shares[$1] ?? 0) * (shares[$1] ?? 0) }
            figures["surviving-categories/\(reference.name)"] = Double(reference.shares.keys.filter { shares[$0] != nil }.count)
            let rare = reference.shares.filter { $0.value < Self.rareShare }.map(\.key)
            figures["rare-survival/\(reference.name)"] = rare.isEmpty ? 1 : Double(rare.filter { shares[$0] != nil }.count) / Double(rare.count)
            if let realColumn = real[reference.name], let score = try TVComplement().score(real: realColumn, synthetic: column) {
                fidelity.append(score)
            }
        }
        if !fidelity.isEmpty { figures["fidelity"] = fidelity.reduce(0, +) / Double(fidelity.count) }
        if let utility, let score = utility.score(trainingOn: synthetic, seed: utilitySeed) { figures["tstr"] = score }
        return figures
    }

    /// The real table's own figures (generation 0): ratios 1, drift 0, tail mass near 0.02.
    public func measureReal() throws(SynthKitError) -> [String: Double] {
        try measure(real)
    }

    /// The present (non-missing) numbers of a column.
    static func present(_ column: Column) -> [Double] {
        (column.numbers ?? []).filter { !$0.isNaN }
    }

    /// Mean and variance (divide by n).
    static func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance)
    }

    /// The share of each present category.
    static func shares(_ column: Column) -> [String: Double] {
        var counts: [String: Int] = [:]
        var total = 0
        for row in 0..<column.count {
            guard let text = column.text(at: row) else { continue }
            counts[text, default: 0] += 1
            total += 1
        }
        return counts.mapValues { Double($0) / Double(max(1, total)) }
    }

    /// Wasserstein-1 between two sorted samples: `∫ |F⁻¹(u) − G⁻¹(u)| du`, merging the two
    /// quantile functions' breakpoints. O(n + m).
    static func wasserstein(_ first: [Double], _ second: [Double]) -> Double {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        var firstIndex = 0, secondIndex = 0, position = 0.0, total = 0.0
        let firstStep = 1 / Double(first.count), secondStep = 1 / Double(second.count)
        while firstIndex < first.count && secondIndex < second.count {
            let firstEnd = Double(firstIndex + 1) * firstStep
            let secondEnd = Double(secondIndex + 1) * secondStep
            let end = min(firstEnd, secondEnd)
            total += (end - position) * abs(first[firstIndex] - second[secondIndex])
            position = end
            if firstEnd <= end { firstIndex += 1 }
            if secondEnd <= end { secondIndex += 1 }
        }
        return total
    }
}

extension GenerationMetrics {
    /// ``wasserstein(_:_:)`` for tests in other modules.
    package static func wassersteinForTesting(_ first: [Double], _ second: [Double]) -> Double {
        wasserstein(first, second)
    }
}
