/// The family of distributions a numerical column's marginal is drawn from.
///
/// `auto` fits every parametric family and keeps the one with the smallest
/// Kolmogorov-Smirnov distance to the data; when even that one is further than the
/// synthesizer's `parametricTolerance`, it uses the empirical distribution instead.
public enum MarginalFamily: String, Codable, Hashable, Sendable, CaseIterable {
    /// Choose per column by fit quality (KS statistic), falling back to `empirical`.
    case auto
    /// A normal with the data's mean and standard deviation, truncated to the observed range.
    case truncatedNormal
    /// A beta distribution on [minimum, maximum], fitted by the method of moments.
    case beta
    /// A gamma distribution shifted to start at the minimum, fitted by the method of moments.
    case gamma
    /// The uniform distribution on [minimum, maximum].
    case uniform
    /// The data's own distribution: its distinct values and their frequencies when there are
    /// few, otherwise a piecewise-linear quantile function through evenly spaced quantiles
    /// (a smoothed empirical distribution).
    case empirical
}

/// How the categories of a categorical column are laid out on the latent normal line.
public enum CategoricalOrdering: String, Codable, Hashable, Sendable, CaseIterable {
    /// Most frequent first (SDV's `FrequencyEncoder` order).
    case frequency
    /// Ordered by an optimal-scaling score, so neighbouring categories behave alike (the default).
    case optimalScaling
}
