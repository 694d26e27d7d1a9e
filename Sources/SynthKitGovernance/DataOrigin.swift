/// Where the rows of a data file come from, as far as SynthKit knows.
public enum DataOrigin: String, Codable, Sendable, Hashable, CaseIterable {
    /// Collected from the world: generation depth 0, synthetic share 0.
    case real
    /// Sampled from a model: synthetic share 1.
    case synthetic
    /// A mix of real and synthetic rows: share strictly between 0 and 1.
    case mixed
    /// Neither recorded in the ledger nor declared with `--origin`.
    case unknown

    /// The origin a row-weighted synthetic share implies.
    public static func of(share: Double?) -> DataOrigin {
        guard let share else { return .unknown }
        if share <= 0 { return .real }
        if share >= 1 { return .synthetic }
        return .mixed
    }
}

/// What the ledger knows about one data file or model: its origin, generation depth and share.
///
/// Generation depth: real data is 0; rows sampled from a model fitted on depth-k data are k+1;
/// a mix takes the maximum depth of its parts. Synthetic share is row-weighted and recursive:
/// a mix of parts with rows nᵢ and shares sᵢ has share Σ nᵢ·sᵢ / Σ nᵢ. A model carries the
/// depth and share of the data it was fitted on. `nil` depth means unknown.
public struct DatasetFacts: Codable, Sendable, Hashable {
    /// The origin class of the rows.
    public var origin: DataOrigin
    /// The generation depth, when known.
    public var generationDepth: Int?
    /// The fraction of rows that are synthetic, when known.
    public var syntheticShare: Double?
    /// The ledger entry that produced the file, when the facts came from the ledger.
    public var producedBy: Int64?

    /// Creates facts.
    public init(origin: DataOrigin, generationDepth: Int?, syntheticShare: Double?, producedBy: Int64? = nil) {
        self.origin = origin
        self.generationDepth = generationDepth
        self.syntheticShare = syntheticShare
        self.producedBy = producedBy
    }

    /// Facts for a file declared by the user, or unknown when nothing was declared.
    ///
    /// A declared synthetic file has share 1 and unknown depth (at least 1).
    public static func declared(_ origin: DataOrigin?) -> DatasetFacts {
        switch origin {
        case .real: return DatasetFacts(origin: .real, generationDepth: 0, syntheticShare: 0)
        case .synthetic: return DatasetFacts(origin: .synthetic, generationDepth: nil, syntheticShare: 1)
        case .mixed, .unknown, .none: return DatasetFacts(origin: .unknown, generationDepth: nil, syntheticShare: nil)
        }
    }

    /// The facts of rows sampled from a model whose training data had `self`'s facts: depth k+1, share 1.
    public func sampled() -> DatasetFacts {
        DatasetFacts(origin: .synthetic, generationDepth: generationDepth.map { $0 + 1 }, syntheticShare: 1)
    }

    /// The facts of a mix of parts, each with its row count: maximum depth, row-weighted share.
    ///
    /// Parts contributing no rows are ignored. Depth is unknown if any contributing part's is;
    /// share likewise. An empty mix is unknown.
    public static func mixing(_ parts: [(facts: DatasetFacts, rows: Int)]) -> DatasetFacts {
        let contributing = parts.filter { $0.rows > 0 }
        guard !contributing.isEmpty else { return .declared(nil) }
        var depth: Int? = 0
        var weighted: Double? = 0
        var total = 0
        for part in contributing {
            depth = zip(depth, part.facts.generationDepth).map { max($0.0, $0.1) }
            weighted = zip(weighted, part.facts.syntheticShare).map { $0.0 + Double(part.rows) * $0.1 }
            total += part.rows
        }
        let share = weighted.map { $0 / Double(total) }
        return DatasetFacts(origin: .of(share: share), generationDepth: depth, syntheticShare: share)
    }
}

/// `zip` for two optionals: both present, or `nil`.
func zip<First, Second>(_ first: First?, _ second: Second?) -> (First, Second)? {
    guard let first, let second else { return nil }
    return (first, second)
}
