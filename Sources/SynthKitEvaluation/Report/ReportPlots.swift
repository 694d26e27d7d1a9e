import SynthKitCore
import SynthKitTable

/// The data behind the report's charts (also written to the JSON under `plots`).
///
/// JSON: `{"distributions": [{"column", "kind": "numeric"|"categorical", "labels": [...],
/// "real": [shares], "synthetic": [shares]}], "associations": {"columns": [...], "real": [row-major],
/// "synthetic": [row-major]} | null, "distances": [{"label", "edges": [...], "training": [shares],
/// "holdout": [shares] | null}]}`.
public struct ReportPlots: Codable, Sendable, Equatable {
    /// Real and synthetic shares per bin or category of one column.
    public struct Distribution: Codable, Sendable, Equatable {
        /// The column.
        public var column: String
        /// `"numeric"` (bins on the real range, open ends) or `"categorical"` (top categories).
        public var kind: String
        /// Bin or category labels.
        public var labels: [String]
        /// Real shares per label (sum 1 with missing values included as a label when present).
        public var real: [Double]
        /// Synthetic shares per label.
        public var synthetic: [Double]
    }

    /// Pairwise association of the compared columns: Pearson ρ for two numeric columns, Cramér's
    /// V (real-edge bins) otherwise; NaN-free (0 when not computable).
    public struct AssociationMatrix: Codable, Sendable, Equatable {
        /// Column order of both axes.
        public var columns: [String]
        /// Real associations, row-major.
        public var real: [Double]
        /// Synthetic associations, row-major.
        public var synthetic: [Double]
    }

    /// A histogram of distances to closest records.
    public struct DistanceHistogram: Codable, Sendable, Equatable {
        /// What distance it is.
        public var label: String
        /// Bin edges.
        public var edges: [Double]
        /// Shares of synthetic rows per bin, distances to training rows.
        public var training: [Double]
        /// Shares per bin, distances to holdout rows.
        public var holdout: [Double]?
    }

    /// One per compared column.
    public var distributions: [Distribution]
    /// The association heat maps' data.
    public var associations: AssociationMatrix?
    /// DCR distributions.
    public var distances: [DistanceHistogram]

    /// Creates plot data.
    public init(distributions: [Distribution], associations: AssociationMatrix?, distances: [DistanceHistogram]) {
        self.distributions = distributions
        self.associations = associations
        self.distances = distances
    }

    /// Writes every key, `null` when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(distributions, forKey: .distributions)
        try container.encode(associations, forKey: .associations)
        try container.encode(distances, forKey: .distances)
    }
}
