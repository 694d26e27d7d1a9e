public import SynthKitCore
public import SynthKitTable

/// SDMetrics' single-table DiagnosticReport (sdmetrics 0.32.0,
/// `reports/single_table/diagnostic_report.py`) for tables without keys or format rules.
///
/// - **Data Validity** (`_properties/data_validity.py`): per column, ``BoundaryAdherence`` for
///   numerical and datetime columns (share of synthetic values inside the real [min, max];
///   missing synthetic values judged only when the real column has none) and
///   ``CategoryAdherence`` for categorical, ordinal and boolean columns (share of synthetic values
///   seen in the real column, missing counting as a value); property = mean of the computable
///   column scores. Key columns (KeyUniqueness) and format rules are not covered: id and other
///   sdtypes are skipped.
/// - **Data Structure** (`_properties/structure.py`, `single_table/table_structure.py`):
///   |{(name, dtype)}_R ∩ {(name, dtype)}_S| / |… ∪ …| with pandas' dtype as `read_csv` infers
///   it: `int64` for numbers that are all whole and present, `float64` for other numbers,
///   `object` for text.
/// - **Overall** = nanmean of the two properties.
///
/// Complexity: O(c · (n + m)) for c columns.
public struct SDMetricsDiagnosticReport: Sendable {
    /// Column types; `nil` types columns by storage.
    public var metadata: SDVMetadata?

    /// Creates a report.
    public init(metadata: SDVMetadata? = nil) {
        self.metadata = metadata
    }

    /// The report's scores.
    public struct Result: Codable, Sendable, Equatable {
        /// nanmean of the properties.
        public var overall: Double?
        /// The Data Validity property.
        public var dataValidity: Double?
        /// The Data Structure property.
        public var dataStructure: Double?
        /// Data Validity per column.
        public var columns: [String: Double]
    }

    /// Scores `synthetic` against `real`.
    public func evaluate(real: Table, synthetic: Table) throws(SynthKitError) -> Result {
        let resolved = metadata ?? SDVMetadata.inferred(from: real)
        var columns: [String: Double] = [:]
        for column in real.columns {
            guard let other = synthetic[column.name], let sdtype = resolved.columns[column.name]?.sdtype else { continue }
            var score: Double?
            if SDMetricsQualityReport.continuousTypes.contains(sdtype) {
                if let realNumbers = ColumnRoles.numbers(of: column, metadata: resolved),
                   let syntheticNumbers = ColumnRoles.numbers(of: other, metadata: resolved) {
                    score = try BoundaryAdherence().score(
                        real: Column(name: column.name, values: .numeric(realNumbers)), synthetic: Column(name: column.name, values: .numeric(syntheticNumbers)))
                }
            } else if SDMetricsQualityReport.discreteTypes.contains(sdtype) {
                score = try CategoryAdherence().score(real: column, synthetic: other)
            }
            if let score { columns[column.name] = score }
        }
        let validity = MetricResult.mean(of: columns)
        let realTypes = Set(real.columns.map { "\($0.name)\u{1F}\(Self.pandasType($0))" })
        let syntheticTypes = Set(synthetic.columns.map { "\($0.name)\u{1F}\(Self.pandasType($0))" })
        let union = realTypes.union(syntheticTypes)
        let structure = union.isEmpty ? nil : Double(realTypes.intersection(syntheticTypes).count) / Double(union.count)
        let properties = [validity, structure].compactMap { $0 }
        return Result(
            overall: properties.isEmpty ? nil : properties.reduce(0, +) / Double(properties.count), dataValidity: validity,
            dataStructure: structure, columns: columns)
    }

    /// The dtype pandas' `read_csv` gives a column.
    static func pandasType(_ column: Column) -> String {
        guard let numbers = column.numbers else { return "object" }
        return numbers.allSatisfy { !$0.isNaN && $0.rounded() == $0 && abs($0) < 9.2e18 } ? "int64" : "float64"
    }
}
