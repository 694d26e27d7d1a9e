public import SynthKitCore
public import SynthKitStatistical
public import SynthKitSynthesis
public import SynthKitTable

/// MST (McKenna, Miklau & Sheldon 2021, winner of the 2018 NIST challenge): noisy one-way
/// marginals, a maximum spanning tree of pairs chosen privately, noisy two-way marginals on
/// its edges, a tree graphical model estimated from them, and sampling from that model.
///
/// **Budget** (ρ from (ε, δ), δ default 1e-9): ``factShare``·ρ for undeclared bounds and
/// domains (``PrivateDiscretisation``; none when everything is declared), then three equal
/// phases of the rest, as in private-pgm `mst.py`:
/// 1. all d one-way marginals with Gaussian noise σ₁ = √(d/(2ρ₁)) each (L2 sensitivity √d for
///    the batch, add/remove neighbours); values whose noisy count is below 3σ₁ are merged
///    into one bucket (sampled back uniformly among the merged values);
/// 2. Kruskal over d − 1 exponential-mechanism draws with ε = √(8ρ₂/(d−1)), scoring pair
///    (a, b) by ‖M_ab(D) − M̂_ab‖₁ (sensitivity 1), M̂ the two-way marginal of the model
///    estimated from the one-way measurements alone (as `select` in private-pgm's `mst.py`:
///    mirror descent with no edges, i.e. N·p̂_a ⊗ p̂_b with p̂ fitted, not clipped);
/// 3. the d − 1 tree marginals with σ₂ = √((d−1)/(2ρ₃)).
/// The phases sum exactly to ρ (the last one takes what remains). Estimation: ``TreeModel``
/// (exact belief propagation, mirror descent); the result is stored as a tree-shaped
/// ``DiscreteNetwork``.
///
/// **Neighbours.** Add/remove one row (unbounded DP, as private-pgm): every histogram has L2
/// sensitivity 1 and the row count is never treated as public; the model's ledger says so.
public struct MST: Synthesizer {
    /// The persisted kind.
    public static let kind: SynthesizerKind = "mst"

    /// The total ε.
    public var epsilon: Double
    /// The total δ.
    public var delta: Double
    /// Most bins per numerical column.
    public var maximumBins: Int
    /// Share of ρ for undeclared facts, in (0, 1).
    public var factShare: Double
    /// Most mirror-descent iterations per estimation; estimation stops earlier on convergence
    /// (no estimated count moved by more than 0.05 noise deviations over 50 iterations).
    public var iterations: Int
    /// Draw noise from the fit seed: reproducible and **not private** (tests only).
    public var insecureReproducible: Bool

    /// Creates a configuration; values are checked by `fit`.
    public init(
        epsilon: Double, delta: Double = 1e-9, maximumBins: Int = 20, factShare: Double = 0.1, iterations: Int = 10_000,
        insecureReproducible: Bool = false
    ) {
        self.epsilon = epsilon
        self.delta = delta
        self.maximumBins = maximumBins
        self.factShare = factShare
        self.iterations = iterations
        self.insecureReproducible = insecureReproducible
    }

    /// Learns the private tree model.
    /// - Throws: `.invalidArgument` for bad hyperparameters; `.invalidInput` when the budget
    ///   cannot pay a step or the table is empty; `.invalidSchema` when schema and table disagree.
    public func fit(_ table: Table, schema: Schema, options: FitOptions) throws(SynthKitError) -> Model {
        try BayesianNetwork.validate(degree: 1, maximumBins: maximumBins, maximumCells: 2)
        try DifferentialPrivacyOptions.validate(shares: [("factShare", factShare)])
        if iterations < 1 {
            throw SynthKitError(.invalidArgument, "iterations must be at least 1, got \(iterations)", location: .init(field: "iterations"))
        }
        try schema.validate(against: table)
        guard table.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "MST needs at least one row", location: .init(field: "rows"))
        }
        let paid = PrivateDiscretisation.paidFactCount(schema: schema)
        var budget = try PrivacyBudget(
            epsilon: epsilon, delta: delta, reservedDelta: paid.categorical > 0 ? delta * PrivateDiscretisation.reservedDeltaShare : 0,
            neighbours: .addRemove)
        var noise = insecureReproducible ? NoiseSource.insecureReproducible(seed: options.seed) : .secure
        let factRho = paid.numerical + paid.categorical > 0 ? factShare * budget.totalRho : 0
        let discrete = try PrivateDiscretisation(
            table: table, schema: schema, maximumBins: maximumBins, factRho: factRho,
            countSensitivity: budget.neighbours.histogramSensitivity, budget: &budget, noise: &noise)
        var fitting = MSTFitting(attributes: discrete.attributes, codes: discrete.codes)
        let (network, expansions) = try fitting.fit(iterations: iterations, budget: &budget, noise: &noise)
        let privacy = budget.record(declaredFacts: discrete.declaredFacts, testMode: !noise.isSecure)
        var provenance = Provenance.fitted(by: self, schema: discrete.publicSchema, options: options, privacy: privacy)
        if noise.isSecure { provenance.seed = "secure" }
        return Model(
            schema: discrete.publicSchema, provenance: provenance, attributes: discrete.attributes, network: network,
            expansions: expansions)
    }
}

extension MST {
    /// A fitted MST model: a tree network over compressed domains; ``provenance`` carries the ledger.
    public struct Model: SynthesisModel {
        /// The persisted kind.
        public static let kind: SynthesizerKind = MST.kind
        /// The public schema (declared or privately released facts only).
        public let schema: Schema
        /// Where the model came from, with ``Provenance/privacy`` filled.
        public let provenance: Provenance
        /// How each column is coded.
        public let attributes: [DiscreteAttribute]
        /// The tree network over compressed codes.
        public let network: DiscreteNetwork
        /// For each attribute, the attribute codes behind each compressed code.
        public let expansions: [[[Int32]]]

        /// Creates a model.
        public init(
            schema: Schema, provenance: Provenance, attributes: [DiscreteAttribute], network: DiscreteNetwork, expansions: [[[Int32]]]
        ) {
            self.schema = schema
            self.provenance = provenance
            self.attributes = attributes
            self.network = network
            self.expansions = expansions
        }

        /// Rows `rows` of the seed's row sequence (post-processing: no privacy cost).
        public func sample(rows: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
            try DiscreteSampling.sample(
                attributes: attributes, network: network, rows: rows, seed: seed, threads: threads,
                chunkRows: Self.sampleChunkRows, chunkLabel: Self.sampleChunkLabel, expansions: expansions)
        }

        /// The tree and the privacy ledger.
        public func summary() -> ModelSummary {
            DiscreteSampling.summary(kind: Self.kind, schema: schema, attributes: attributes, network: network, provenance: provenance)
        }
    }
}
