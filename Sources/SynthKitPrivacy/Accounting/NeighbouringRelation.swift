/// Which datasets count as neighbours in a DP guarantee, recorded in every model file.
///
/// - ``addRemove``: D′ is D with one row added or removed (unbounded DP; the row count is
///   private). Standard for MST and private-pgm; a histogram has L2 sensitivity 1.
/// - ``replaceOne``: D′ is D with one row replaced (bounded DP; the row count n is public).
///   PrivBayes' mutual-information sensitivity (Zhang et al. 2017, Lemma 4.1) is derived for
///   it; a histogram has L2 sensitivity √2.
/// An (ε, δ) guarantee under one relation is not the same claim as under the other (add/remove
/// ε-DP implies replace-one 2ε-DP), so the relation is part of the guarantee.
public enum NeighbouringRelation: String, Sendable, Hashable, Codable {
    /// One row added or removed; the row count is private.
    case addRemove = "add/remove one row"
    /// One row replaced; the row count is public.
    case replaceOne = "replace one row"

    /// The L2 sensitivity of a histogram of counts (each row in one cell).
    public var histogramSensitivity: Double {
        switch self {
        case .addRemove: return 1
        case .replaceOne: return 2.0.squareRoot()
        }
    }

    /// The ledger line that records the relation.
    public var ledgerNote: String {
        switch self {
        case .addRemove: return "neighbouring relation: add/remove one row (the row count is private)"
        case .replaceOne: return "neighbouring relation: replace one row (the row count n is public)"
        }
    }
}
