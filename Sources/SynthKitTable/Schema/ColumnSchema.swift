/// What SynthKit knows about one column: its kind and the facts that go with it.
///
/// Encoded as JSON a person can edit. Facts carry their ``FactSource``.
public struct ColumnSchema: Codable, Hashable, Sendable {
    /// The column's name in the data.
    public var name: String
    /// What the column means.
    public var kind: ColumnKind
    /// Share of missing values seen in the data, in [0, 1].
    public var missingShare: Double
    /// Number facts, for `numerical` columns.
    public var numerical: NumericalFacts?
    /// Category domain, for `categorical` and `boolean` columns.
    public var categories: CategoryDomain?
    /// Format and range, for `datetime` columns.
    public var datetime: DatetimeFacts?
    /// The kind of personal information, for `pii` columns.
    public var piiKind: PIIKind?
    /// Why inference chose this kind, for a person reading the schema.
    public var note: String?

    /// Creates a column description.
    public init(
        name: String, kind: ColumnKind, missingShare: Double = 0, numerical: NumericalFacts? = nil,
        categories: CategoryDomain? = nil, datetime: DatetimeFacts? = nil, piiKind: PIIKind? = nil,
        note: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.missingShare = missingShare
        self.numerical = numerical
        self.categories = categories
        self.datetime = datetime
        self.piiKind = piiKind
        self.note = note
    }
}

/// Facts about a numerical column.
public struct NumericalFacts: Codable, Hashable, Sendable {
    /// Whether every value is a whole number.
    public var isInteger: Bool
    /// How many decimal places values carry (0 for integers).
    public var decimalPlaces: Int
    /// The smallest allowed value, if bounded below.
    public var minimum: Double?
    /// The largest allowed value, if bounded above.
    public var maximum: Double?
    /// Where the bounds came from.
    public var boundsSource: FactSource

    /// Creates number facts.
    public init(
        isInteger: Bool, decimalPlaces: Int, minimum: Double?, maximum: Double?,
        boundsSource: FactSource = .observed
    ) {
        self.isInteger = isInteger
        self.decimalPlaces = decimalPlaces
        self.minimum = minimum
        self.maximum = maximum
        self.boundsSource = boundsSource
    }
}

/// The domain of a categorical or boolean column.
public struct CategoryDomain: Codable, Hashable, Sendable {
    /// The allowed values, as spelled in the data (for ordered columns, in order).
    public var values: [String]
    /// How often each value was seen, aligned with `values` (absent for declared domains).
    public var counts: [Int]?
    /// Whether the values have a meaningful order.
    public var ordered: Bool
    /// Where the domain came from.
    public var source: FactSource

    /// Creates a category domain.
    public init(values: [String], counts: [Int]? = nil, ordered: Bool = false, source: FactSource = .observed) {
        self.values = values
        self.counts = counts
        self.ordered = ordered
        self.source = source
    }
}

/// Facts about a datetime column.
public struct DatetimeFacts: Codable, Hashable, Sendable {
    /// The text format, in ``DatetimeFormat`` pattern syntax (`yyyy-MM-dd`, `yyyy-MM-dd'T'HH:mm:ss`).
    public var format: String
    /// The earliest allowed instant, seconds since 1970-01-01T00:00:00Z.
    public var minimum: Double?
    /// The latest allowed instant, seconds since 1970-01-01T00:00:00Z.
    public var maximum: Double?
    /// Where the bounds came from.
    public var boundsSource: FactSource

    /// Creates datetime facts.
    public init(format: String, minimum: Double?, maximum: Double?, boundsSource: FactSource = .observed) {
        self.format = format
        self.minimum = minimum
        self.maximum = maximum
        self.boundsSource = boundsSource
    }
}
