public import SynthKitCore
import SynthKitStatistical
public import SynthKitSynthesis
public import SynthKitTable
import Foundation

/// PrivBayes (Zhang, Cormode, Procopiuc, Srivastava & Xiao, SIGMOD 2014 / TODS 2017): a
/// Bayesian network of degree k learned with differential privacy, accounted in zCDP.
///
/// **Budget** (ρ from (ε, δ) by ``ZeroConcentratedPrivacy/rho(epsilon:delta:)``):
/// 1. ``factShare``·ρ for facts not declared in the schema (bounds, category domains;
///    ``PrivateDiscretisation``); a tenth of δ is reserved when domains are thresholded.
/// 2. ``structureShare`` of the rest for GreedyBayes: d − 1 exponential-mechanism choices, each
///    with ε_step = √(8ρ₁/(d−1)) over mutual-information scores in nats, whose sensitivity for
///    n rows (replace-one neighbours; n is treated as public) is
///    S = (1/n)ln n + ((n−1)/n)ln(n/(n−1)) when a side is binary, else
///    (2/n)ln((n+1)/2) + ((n−1)/n)ln((n+1)/(n−1)) (Zhang et al. 2017, Lemma 4.1).
/// 3. The rest for the d noisy joint tables Pr[X, Π] as **counts**: replacing a row moves a
///    count table by √2 in L2, so each of the m = d tables gets Gaussian noise
///    σ = √2·√(m/(2ρ₂)) = √(m/ρ₂) on counts (never the n-times-smaller probability scale,
///    DataSynthesizer #34). Negatives are clipped and each parent configuration normalised.
///
/// **Table size** (θ-usefulness): parent sets are restricted to tables of at most
/// min(``maximumCells``, n/(θ·σ)) cells, with σ the planned count noise, since a table whose
/// cells average less than a few σ is noise after clipping.
///
/// **Neighbours.** Replace-one-row throughout (the row count n is public, as in the paper), so
/// the fact step's histograms also use L2 sensitivity √2. The model's ledger records the
/// relation and lists the row count among the public facts.
///
/// Noise is secure unless the fit asks for ``NoiseSource/insecureReproducible(seed:)``
/// through `insecureReproducible`, which marks the model "not private".
public struct PrivBayes: Synthesizer {
    /// The persisted kind.
    public static let kind: SynthesizerKind = "privbayes"

    /// The total ε.
    public var epsilon: Double
    /// The total δ.
    public var delta: Double
    /// Parents per node (k ≥ 0).
    public var degree: Int
    /// Most bins per numerical column.
    public var maximumBins: Int
    /// Most cells in one joint table.
    public var maximumCells: Int
    /// Share of ρ for undeclared facts, in (0, 1).
    public var factShare: Double
    /// Share of the remaining ρ for the structure, in (0, 1) (β of the paper).
    public var structureShare: Double
    /// θ-usefulness (Zhang et al. 2017 §4.3): a joint table may have at most n/(θ·σ) cells, so
    /// its average count stays θ noise deviations above zero (> 0).
    public var usefulness: Double
    /// Draw noise from the fit seed: reproducible and **not private** (tests only).
    public var insecureReproducible: Bool

    /// Creates a configuration; values are checked by `fit`.
    public init(
        epsilon: Double, delta: Double = 1e-9, degree: Int = 2, maximumBins: Int = 20, maximumCells: Int = 20_000,
        factShare: Double = 0.1, structureShare: Double = 0.3, usefulness: Double = 4, insecureReproducible: Bool = false
    ) {
        self.epsilon = epsilon
        self.delta = delta
        self.degree = degree
        self.maximumBins = maximumBins
        self.maximumCells = maximumCells
        self.factShare = factShare
        self.structureShare = structureShare
        self.usefulness = usefulness
        self.insecureReproducible = insecureReproducible
    }

    /// Learns a private network.
    /// - Throws: `.invalidArgument` for bad hyperparameters; `.invalidInput` when the budget
    ///   cannot pay a step or the table is empty; `.invalidSchema` when schema and table disagree.
    public func fit(_ table: Table, schema: Schema, options: FitOptions) throws(SynthKitError) -> Model {
        try BayesianNetwork.validate(degree: degree, maximumBins: maximumBins, maximumCells: maximumCells)
        try DifferentialPrivacyOptions.validate(shares: [("factShare", factShare), ("structureShare", structureShare)])
        if !(usefulness > 0) {
            throw SynthKitError(.invalidArgument, "usefulness must be positive, got \(usefulness)", location: .init(field: "usefulness"))
        }
        try schema.validate(against: table)
        guard table.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "PrivBayes needs at least one row", location: .init(field: "rows"))
        }
        let paid = PrivateDiscretisation.paidFactCount(schema: schema)
        var budget = try PrivacyBudget(
            epsilon: epsilon, delta: delta, reservedDelta: paid.categorical > 0 ? delta * PrivateDiscretisation.reservedDeltaShare : 0,
            neighbours: .replaceOne)
        var noise = insecureReproducible ? NoiseSource.insecureReproducible(seed: options.seed) : .secure
        let factRho = paid.numerical + paid.categorical > 0 ? factShare * budget.totalRho : 0
        let discrete = try PrivateDiscretisation(
            table: table, schema: schema, maximumBins: maximumBins, factRho: factRho, countSensitivity: budget.neighbours.histogramSensitivity,
            budget: &budget, noise: &noise)
        let attributes = discrete.attributes
        let cardinalities = attributes.map(\.cardinality)
        let learned = attributes.indices.filter { attributes[$0].isLearned && attributes[$0].cardinality > 0 }
        var nodes: [DiscreteNetwork.Node] = []
        if !learned.isEmpty {
            let rows = Double(table.rowCount)
            let structureRho = structureShare * budget.remainingRho
            let steps = learned.count - 1
            let first = learned[Int(noise.next() % UInt64(learned.count))]
            let plannedSigma = Self.countMechanism(tableRho: (budget.remainingRho - structureRho) / Double(learned.count)).standardDeviation
            let cellLimit = min(maximumCells, max(2, Int(rows / (usefulness * plannedSigma))))
            var structureFailure: SynthKitError?
            let structure = GreedyStructure.search(
                codes: discrete.codes, cardinalities: cardinalities, attributes: learned, first: first, degree: degree,
                maximumCells: cellLimit
            ) { scores in
                let stepRho = structureRho / Double(steps)
                do throws(SynthKitError) {
                    try budget.charge(rho: stepRho, purpose: "structure step (exponential mechanism)")
                } catch {
                    structureFailure = error
                }
                let binaryTables = cardinalities.allSatisfy { $0 <= 2 }
                let sensitivity = rows >= 2
                    ? Self.mutualInformationSensitivity(rows: rows, binary: binaryTables)
                    : log(Double(max(2, cardinalities.max() ?? 2)))
                return ExponentialMechanism.select(
                    scores: scores, epsilon: ZeroConcentratedPrivacy.exponentialMechanismEpsilon(rho: stepRho),
                    sensitivity: sensitivity, noise: &noise)
            }
            if let structureFailure { throw structureFailure }
            let tableRho = try budget.chargeRemaining(purpose: "noisy joint counts of \(structure.count) tables") / Double(structure.count)
            let mechanism = Self.countMechanism(tableRho: tableRho)
            for choice in structure {
                let counts = DiscreteStatistics.jointCounts(
                    codes: discrete.codes, cardinalities: cardinalities, parents: choice.parents, child: choice.attribute)
                let noisy = mechanism.release(counts: counts.map { Int($0) }, noise: &noise).map(Double.init)
                nodes.append(DiscreteNetwork.Node(
                    attribute: choice.attribute, parents: choice.parents,
                    conditional: DiscreteNetwork.conditional(fromJointCounts: noisy, cardinality: cardinalities[choice.attribute])))
            }
        }
        let privacy = budget.record(declaredFacts: discrete.declaredFacts, testMode: !noise.isSecure)
        var provenance = Provenance.fitted(by: self, schema: discrete.publicSchema, options: options, privacy: privacy)
        if noise.isSecure { provenance.seed = "secure" }
        return Model(
            schema: discrete.publicSchema, provenance: provenance, attributes: attributes,
            network: DiscreteNetwork(cardinalities: cardinalities, nodes: nodes))
    }

    /// The mechanism for one joint count table costing `tableRho`: L2 sensitivity √2 on counts
    /// (one replaced row moves two cells by 1), so σ = 1/√ρ_table.
    package static func countMechanism(tableRho: Double) -> GaussianMechanism {
        GaussianMechanism(sensitivity: NeighbouringRelation.replaceOne.histogramSensitivity, rho: tableRho)
    }

    /// The sensitivity of mutual information in nats for n ≥ 2 rows (Zhang et al. 2017,
    /// Lemma 4.1); a one-row table uses ln(largest cardinality), which bounds any I(X; Π).
    public static func mutualInformationSensitivity(rows n: Double, binary: Bool) -> Double {
        if binary { return log(n) / n + (n - 1) / n * log(n / (n - 1)) }
        return 2 / n * log((n + 1) / 2) + (n - 1) / n * log((n + 1) / (n - 1))
    }
}
