public import SynthKitCore
public import SynthKitTable

/// Everything a metric may look at.
public struct MetricInput: Sendable {
    /// The real rows (the training data when a holdout is given).
    public var real: Table
    /// The synthetic rows.
    public var synthetic: Table
    /// What each column means; columns it does not describe are read by storage (numbers are
    /// numerical, text is categorical).
    public var schema: Schema
    /// Real rows not used for fitting, for privacy and utility metrics.
    public var holdout: Table?
    /// The seed for metrics that subsample or train a classifier.
    public var seed: Seed

    /// Creates an input.
    public init(real: Table, synthetic: Table, schema: Schema? = nil, holdout: Table? = nil, seed: Seed = Seed(0)) {
        self.real = real
        self.synthetic = synthetic
        self.schema = schema ?? Schema(columns: [])
        self.holdout = holdout
        self.seed = seed
    }

    /// The kind of column `name`: the schema's, else numerical for numeric storage and
    /// categorical for text storage.
    public func kind(of name: String) -> ColumnKind {
        if let described = schema[name] { return described.kind }
        return real[name]?.numbers != nil ? .numerical : .categorical
    }
}
