import Foundation
public import SynthKitTable

/// What a fitted model learned, as `inspect-model` prints it (text or JSON).
public struct ModelSummary: Codable, Sendable {
    /// One learned column.
    public struct ColumnLine: Codable, Sendable, Hashable {
        /// The column name.
        public var name: String
        /// The column's kind in the schema.
        public var kind: ColumnKind
        /// The marginal family or treatment (`"beta"`, `"empirical"`, `"categorical"`, `"regenerated id"`).
        public var family: String
        /// The family's parameters by name.
        public var parameters: [String: Double]
        /// The share of missing values the model reproduces.
        public var missingShare: Double
        /// The number of categories, for categorical and boolean columns.
        public var categoryCount: Int?
        /// Anything a reader should know (a PII column written empty).
        public var note: String?

        /// Creates a column line.
        public init(
            name: String, kind: ColumnKind, family: String, parameters: [String: Double] = [:],
            missingShare: Double, categoryCount: Int? = nil, note: String? = nil
        ) {
            self.name = name
            self.kind = kind
            self.family = family
            self.parameters = parameters
            self.missingShare = missingShare
            self.categoryCount = categoryCount
            self.note = note
        }
    }

    /// A pair of latent dimensions and their correlation.
    public struct CorrelationPair: Codable, Sendable, Hashable {
        /// The first dimension's name.
        public var first: String
        /// The second dimension's name.
        public var second: String
        /// Their correlation in the model.
        public var correlation: Double

        /// Creates a pair.
        public init(first: String, second: String, correlation: Double) {
            self.first = first
            self.second = second
            self.correlation = correlation
        }
    }

    /// The shape of a model's dependence structure.
    public struct CorrelationSummary: Codable, Sendable, Hashable {
        /// The number of latent dimensions (rows of the correlation matrix).
        public var dimension: Int
        /// The strongest correlations by absolute value, strongest first.
        public var strongestPairs: [CorrelationPair]

        /// Creates a correlation summary.
        public init(dimension: Int, strongestPairs: [CorrelationPair]) {
            self.dimension = dimension
            self.strongestPairs = strongestPairs
        }
    }

    /// The synthesizer family.
    public var kind: SynthesizerKind
    /// One line per column, in schema order.
    public var columns: [ColumnLine]
    /// The dependence structure, when the model has one.
    public var correlation: CorrelationSummary?
    /// Free-form remarks.
    public var notes: [String]
    /// Where the model came from.
    public var provenance: Provenance

    /// Creates a summary.
    public init(
        kind: SynthesizerKind, columns: [ColumnLine], correlation: CorrelationSummary?, notes: [String],
        provenance: Provenance
    ) {
        self.kind = kind
        self.columns = columns
        self.correlation = correlation
        self.notes = notes
        self.provenance = provenance
    }

    /// A plain-text rendering for terminals.
    public func renderText() -> String {
        var lines: [String] = ["Model: \(kind)"]
        lines.append("Fitted: \(provenance.createdAt) with SynthKit \(provenance.synthkitVersion), seed \(provenance.seed)")
        if let input = provenance.inputSHA256 { lines.append("Input SHA-256: \(input)") }
        lines.append("Schema hash: \(provenance.schemaHash)")
        if let privacy = provenance.privacy {
            lines.append("Privacy: epsilon \(privacy.epsilon), delta \(privacy.delta) (\(privacy.accountant))"
                + (privacy.testMode ? " -- not private: reproducible test mode" : ""))
        } else {
            lines.append("Privacy: none (not a differentially private model)")
        }
        lines.append("")
        lines.append("Columns:")
        let width = max(4, columns.map(\.name.count).max() ?? 4)
        for column in columns {
            var line = "  " + column.name.padding(toLength: width, withPad: " ", startingAt: 0)
            line += "  \(column.kind.rawValue), \(column.family)"
            let parameters = column.parameters.sorted { $0.key < $1.key }
                .map { "\($0.key)=\(NumberFormatting.shortest(($0.value * 1e6).rounded() / 1e6))" }
            if !parameters.isEmpty { line += " (" + parameters.joined(separator: ", ") + ")" }
            if let count = column.categoryCount { line += ", \(count) categories" }
            line += ", missing \(NumberFormatting.fixed(column.missingShare * 100, places: 1))%"
            if let note = column.note { line += " -- \(note)" }
            lines.append(line)
        }
        if let correlation {
            lines.append("")
            lines.append("Correlation: \(correlation.dimension)x\(correlation.dimension) latent normal scores")
            for pair in correlation.strongestPairs {
                lines.append("  \(pair.first) ~ \(pair.second): \(NumberFormatting.fixed(pair.correlation, places: 3))")
            }
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            for note in notes { lines.append("  - \(note)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
