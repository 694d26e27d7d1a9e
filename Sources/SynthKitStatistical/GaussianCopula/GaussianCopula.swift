public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

/// A Gaussian copula synthesizer: per-column marginals joined by a correlation of normal scores.
///
/// **Model.** Each learned column is mapped to one or two latent standard normal dimensions;
/// the latent vector is N(0, R). Sampling draws z = L ε (R = L Lᵀ), then maps each dimension
/// back through its column's marginal.
///
/// **Numerical and datetime columns** (datetimes as seconds since 1970 UTC): the latent value
/// is the normal score of the value's rank, Φ⁻¹ of its ECDF position; tied values (integers,
/// point masses such as `capital_gain = 0`) get the mean of the normal restricted to their
/// ECDF interval, E[Z | Φ⁻¹(F(x⁻)) < Z ≤ Φ⁻¹(F(x))]. The marginal used to map back is chosen
/// per column (``MarginalFamily``): `.auto` takes the truncated normal, beta, gamma or uniform
/// fit with the smallest Kolmogorov-Smirnov distance, or the empirical distribution when none
/// is within ``parametricTolerance``. Output is clamped to the bounds and rounded to the
/// column's integer-ness / decimal places / whole days (``NumericalFormat``).
///
/// **Missing values** are modelled per column. A numerical column with some missing values
/// gets a second latent dimension, an indicator thresholded at Φ⁻¹(1 - missing share), so its
/// missingness correlates with every other column; in a categorical column "missing" is one
/// more category.
///
/// **Categorical and boolean columns** (SDV's uniform-interval encoding, improved): the
/// categories partition the latent line into consecutive intervals whose normal masses equal
/// their frequencies, category k occupying (Φ⁻¹(Cₖ₋₁), Φ⁻¹(Cₖ)] for cumulative frequencies C
/// in the chosen order. Unlike SDV, which orders by frequency and adds uniform noise, the order
/// is found by optimal scaling (``CategoricalOrdering/optimalScaling``: categories are sorted by
/// their leading between-category principal axis against all other columns' scores, iterated),
/// so categories that co-occur with similar values of other columns are neighbours and a single
/// correlation carries their contingencies; the latent score of a category is its interval's
/// conditional mean (no noise). Correlations between such coarsened scores are attenuated by
/// their reliability rᵢ = sd(score ᵢ); the estimate divides by rᵢ rⱼ (first-order polyserial
/// correction) before the nearest-correlation repair (Higham 2002).
///
/// **Strongly associated categoricals** (Cramér's V ≥ ``jointAssociationThreshold``, e.g.
/// relationship and sex) are merged greedily into one categorical of their observed
/// combinations while a group has at most ``maximumJointCategories`` of them; the group takes
/// one latent dimension laid out as above, so its joint distribution is reproduced exactly and
/// it correlates with the other columns through the combination's position.
///
/// **Exact conditioning (later).** A condition `column = category` is the event that the
/// column's latent coordinate lies in that category's interval; a condition on a number is a
/// point (or a tie interval) of its latent coordinate; a category of a joint group's member is
/// the union of the intervals of the combinations containing it. Conditional sampling will draw the
/// constrained coordinates from the truncated normal given the others (a Gibbs step per
/// constrained coordinate) and the unconstrained ones from the conditional Gaussian, instead of
/// a closed-form conditional on a point value.
///
/// **Not learned.** `id` columns are regenerated as unique values; `pii` and `text` columns are
/// written empty, with a note in ``Model/summary()``.
///
/// Fitting is deterministic (the seed is only recorded); O(rows × dimensions²) plus sorting.
public struct GaussianCopula: Synthesizer {
    /// The persisted kind.
    public static let kind: SynthesizerKind = "gaussian-copula"

    /// The marginal family for numerical columns without an override.
    public var defaultFamily: MarginalFamily
    /// Per-column marginal families, by column name.
    public var familyOverrides: [String: MarginalFamily]
    /// How categories are laid out on the latent line.
    public var categoricalOrdering: CategoricalOrdering
    /// With `.auto`, the largest KS distance at which a parametric family is preferred to the
    /// empirical distribution, in [0, 1].
    public var parametricTolerance: Double
    /// The number of quantile knots of a continuous empirical marginal (at least 2).
    public var empiricalKnots: Int
    /// Empirical marginals with at most this many distinct values are kept discrete (at least 1).
    public var discreteSupportLimit: Int
    /// Rounds of optimal scaling for categorical orders (0 keeps frequency order).
    public var scalingRounds: Int
    /// Whether correlations of coarsened scores are divided by their reliabilities.
    public var correctsCoarsening: Bool
    /// Unordered categorical columns whose Cramér's V reaches this are modelled jointly (see
    /// below); a value above 1 turns joint modelling off.
    public var jointAssociationThreshold: Double
    /// The most observed combinations a joint group may have (at least 2).
    public var maximumJointCategories: Int

    /// Creates a configuration; values are checked by `fit`.
    public init(
        defaultFamily: MarginalFamily = .auto, familyOverrides: [String: MarginalFamily] = [:],
        categoricalOrdering: CategoricalOrdering = .optimalScaling, parametricTolerance: Double = 0.01,
        empiricalKnots: Int = 1025, discreteSupportLimit: Int = 512, scalingRounds: Int = 4,
        correctsCoarsening: Bool = true, jointAssociationThreshold: Double = 0.3, maximumJointCategories: Int = 200
    ) {
        self.defaultFamily = defaultFamily
        self.familyOverrides = familyOverrides
        self.categoricalOrdering = categoricalOrdering
        self.parametricTolerance = parametricTolerance
        self.empiricalKnots = empiricalKnots
        self.discreteSupportLimit = discreteSupportLimit
        self.scalingRounds = scalingRounds
        self.correctsCoarsening = correctsCoarsening
        self.jointAssociationThreshold = jointAssociationThreshold
        self.maximumJointCategories = maximumJointCategories
    }

    /// Learns marginals, category orders and the latent correlation of `table`.
    /// - Throws: `.invalidArgument` for hyperparameters out of range (field = the
    ///   hyperparameter), `.invalidInput` for an empty table or non-finite numbers,
    ///   `.invalidSchema` when schema and table disagree (every column problem at once).
    public func fit(_ table: Table, schema: Schema, options: FitOptions) throws(SynthKitError) -> Model {
        try validate(schema: schema)
        return try GaussianCopulaFitting(configuration: self, table: table, schema: schema, options: options).fit()
    }

    func validate(schema: Schema) throws(SynthKitError) {
        var problems: [SynthKitError] = []
        func problem(_ field: String, _ message: String) {
            problems.append(SynthKitError(.invalidArgument, message, location: .init(field: field)))
        }
        if !(parametricTolerance >= 0 && parametricTolerance <= 1) {
            problem("parametricTolerance", "parametricTolerance must lie in [0, 1], got \(parametricTolerance)")
        }
        if empiricalKnots < 2 { problem("empiricalKnots", "empiricalKnots must be at least 2, got \(empiricalKnots)") }
        if discreteSupportLimit < 1 {
            problem("discreteSupportLimit", "discreteSupportLimit must be at least 1, got \(discreteSupportLimit)")
        }
        if !(jointAssociationThreshold >= 0) {
            problem("jointAssociationThreshold", "jointAssociationThreshold must be non-negative, got \(jointAssociationThreshold)")
        }
        if maximumJointCategories < 2 {
            problem("maximumJointCategories", "maximumJointCategories must be at least 2, got \(maximumJointCategories)")
        }
        if scalingRounds < 0 { problem("scalingRounds", "scalingRounds must be non-negative, got \(scalingRounds)") }
        for name in familyOverrides.keys.sorted() where schema[name] == nil {
            problem("familyOverrides.\(name)", "familyOverrides names column '\(name)', which is not in the schema")
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }
}
