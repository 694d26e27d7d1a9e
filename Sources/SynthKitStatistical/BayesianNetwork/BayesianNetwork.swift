public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

/// A (non-private) Bayesian network synthesizer: discretised columns joined by a greedy
/// network of degree k with exact conditional tables (Zhang et al. 2017 without noise).
///
/// **Discretisation.** Categorical and boolean columns keep their categories; numerical and
/// datetime columns are cut into at most ``maximumBins`` equal-width bins over their bounds
/// (one bin per integer when an integer range is that small) and decoded uniformly within a
/// bin, then rounded to the column's precision. A column with missing values gets a
/// "missing" code, so missingness is learned with everything else.
///
/// **Structure** (GreedyBayes): a first attribute drawn from `seed.derived("bayesian-network.first")`,
/// then repeatedly the pair (X, Π) of maximum mutual information I(X; Π), X unplaced and Π
/// ``degree`` placed attributes (fewer when a table would exceed ``maximumCells`` cells).
/// **Parameters**: P(X | Π) from exact counts; an unseen parent configuration falls back to
/// P(X). **Sampling** is ancestral. The same code with noisy scores and counts is PrivBayes
/// (SynthKitPrivacy).
///
/// Fit: O(d² × C(d, k) × rows); sample: O(rows × d × cardinality).
public struct BayesianNetwork: Synthesizer {
    /// The persisted kind.
    public static let kind: SynthesizerKind = "bayesian-network"

    /// The number of parents per node (k ≥ 0).
    public var degree: Int
    /// The most bins for a numerical column (≥ 1).
    public var maximumBins: Int
    /// The most cells of one conditional table (parents × child), at least 2.
    public var maximumCells: Int

    /// Creates a configuration; values are checked by `fit`.
    public init(degree: Int = 2, maximumBins: Int = 20, maximumCells: Int = 100_000) {
        self.degree = degree
        self.maximumBins = maximumBins
        self.maximumCells = maximumCells
    }

    /// Learns the network of `table`.
    /// - Throws: `.invalidArgument` for hyperparameters out of range, `.invalidInput` for an
    ///   empty table, `.invalidSchema` when schema and table disagree.
    public func fit(_ table: Table, schema: Schema, options: FitOptions) throws(SynthKitError) -> Model {
        try Self.validate(degree: degree, maximumBins: maximumBins, maximumCells: maximumCells)
        try schema.validate(against: table)
        guard table.rowCount > 0 else {
            throw SynthKitError(.invalidInput, "cannot fit a Bayesian network to a table with no rows", location: .init(field: "rows"))
        }
        var attributes: [DiscreteAttribute] = []
        var codes: [[Int32]] = []
        for columnSchema in schema.columns {
            guard let column = table[columnSchema.name] else { continue }
            let attribute = DiscreteAttribute.fitted(
                column: column, schema: columnSchema, maximumBins: maximumBins, bounds: nil, domain: nil, alwaysMissingCode: false)
            attributes.append(attribute)
            codes.append(attribute.encode(column))
        }
        let learned = attributes.indices.filter { attributes[$0].isLearned && attributes[$0].cardinality > 0 }
        let cardinalities = attributes.map(\.cardinality)
        var nodes: [DiscreteNetwork.Node] = []
        if !learned.isEmpty {
            var stream = options.seed.derived("bayesian-network.first").stream()
            let first = learned[stream.nextIndex(below: learned.count)]
            let structure = GreedyStructure.search(
                codes: codes, cardinalities: cardinalities, attributes: learned, first: first, degree: degree,
                maximumCells: maximumCells
            ) { scores in scores.indices.max { scores[$0] < scores[$1] } ?? 0 }
            for choice in structure {
                let counts = DiscreteStatistics.jointCounts(codes: codes, cardinalities: cardinalities, parents: choice.parents, child: choice.attribute)
                nodes.append(DiscreteNetwork.Node(
                    attribute: choice.attribute, parents: choice.parents,
                    conditional: DiscreteNetwork.conditional(fromJointCounts: counts, cardinality: cardinalities[choice.attribute])))
            }
        }
        return Model(
            schema: schema, provenance: Provenance.fitted(by: self, schema: schema, options: options),
            attributes: attributes, network: DiscreteNetwork(cardinalities: cardinalities, nodes: nodes))
    }

    /// Checks the hyperparameters shared by the discrete synthesizers, every problem at once.
    package static func validate(degree: Int, maximumBins: Int, maximumCells: Int) throws(SynthKitError) {
        var problems: [SynthKitError] = []
        if degree < 0 { problems.append(SynthKitError(.invalidArgument, "degree must be non-negative, got \(degree)", location: .init(field: "degree"))) }
        if maximumBins < 1 {
            problems.append(SynthKitError(.invalidArgument, "maximumBins must be at least 1, got \(maximumBins)", location: .init(field: "maximumBins")))
        }
        if maximumCells < 2 {
            problems.append(SynthKitError(.invalidArgument, "maximumCells must be at least 2, got \(maximumCells)", location: .init(field: "maximumCells")))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }
}
