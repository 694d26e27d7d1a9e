public import SynthKitCore
public import SynthKitStatistical
import SynthKitSynthesis
public import SynthKitTable

/// The discrete view of a table for a DP synthesizer, with every data-dependent fact either
/// declared public in the schema or paid for from the budget.
///
/// - Numerical and datetime columns: bounds marked `declared` (both present) are used as
///   they are; otherwise ``PrivateQuantile/bounds(of:rho:countSensitivity:noise:budget:purpose:)``
///   estimates them. Columns are then cut into at most `maximumBins` bins.
/// - Categorical and boolean columns: a `declared` domain is used as it is; otherwise
///   ``PrivateCategoryDomain`` releases the categories frequent enough to be safe (values
///   outside the released domain are coded as missing).
/// - Every learned attribute gets a missing code (whether a column has missing values is
///   private); `id` columns are regenerated without a learned prefix; `pii`/`text` are blank.
/// - Integer-ness, decimal places and datetime formats are treated as public format facts.
///
/// The returned ``publicSchema`` holds only declared or privately released facts (no counts,
/// missing shares 0), so it can be stored in a model file.
public struct PrivateDiscretisation: Sendable {
    /// The coded attributes, in schema order.
    public let attributes: [DiscreteAttribute]
    /// The codes of each attribute, column-major.
    package let codes: [[Int32]]
    /// The schema with only public facts.
    public let publicSchema: Schema
    /// The facts used as public because they were declared (`age.bounds`, `sex.categories`).
    public let declaredFacts: [String]

    /// How much of δ a fit reserves for thresholded category domains when some are paid for.
    public static let reservedDeltaShare = 0.1

    /// The number of columns whose facts must be paid for (used to size the fact budget).
    public static func paidFactCount(schema: Schema) -> (numerical: Int, categorical: Int) {
        var numerical = 0
        var categorical = 0
        for column in schema.columns {
            switch column.kind {
            case .numerical where !(column.numerical?.boundsSource == .declared && column.numerical?.minimum != nil && column.numerical?.maximum != nil):
                numerical += 1
            case .datetime where !(column.datetime?.boundsSource == .declared && column.datetime?.minimum != nil && column.datetime?.maximum != nil):
                numerical += 1
            case .categorical, .boolean:
                if column.categories?.source != .declared { categorical += 1 }
            default:
                break
            }
        }
        return (numerical, categorical)
    }

    /// Resolves every column's facts, charging `factRho` (split evenly over the columns that
    /// need paid facts) and using `budget.reservedDelta` for category domains.
    /// `countSensitivity` is 1 for add/remove-one neighbours (MST), √2 for replace-one (PrivBayes).
    /// - Throws: the budget's refusal; `.invalidInput` when bounds cannot be estimated.
    public init(
        table: Table, schema: Schema, maximumBins: Int, factRho: Double, countSensitivity: Double = 1,
        budget: inout PrivacyBudget, noise: inout NoiseSource
    ) throws(SynthKitError) {
        let paid = Self.paidFactCount(schema: schema)
        let paidColumns = paid.numerical + paid.categorical
        let perColumnRho = paidColumns > 0 ? factRho / Double(paidColumns) : 0
        let deltaPerDomain = paid.categorical > 0 ? budget.reservedDelta / Double(paid.categorical) : 0
        var attributes: [DiscreteAttribute] = []
        var codes: [[Int32]] = []
        var publicColumns: [ColumnSchema] = []
        var declared: [String] = []
        for columnSchema in schema.columns {
            guard let column = table[columnSchema.name] else { continue }
            var publicColumn = columnSchema
            publicColumn.missingShare = 0
            publicColumn.note = nil
            let attribute: DiscreteAttribute
            switch columnSchema.kind {
            case .id:
                attribute = DiscreteAttribute(name: columnSchema.name, coding: .identifier(IdentifierFormat(textPrefix: nil)), hasMissingCode: false)
            case .pii, .text:
                attribute = DiscreteAttribute(name: columnSchema.name, coding: .blank, hasMissingCode: false)
            case .categorical, .boolean:
                var domain: [String]
                if let categories = columnSchema.categories, categories.source == .declared {
                    domain = categories.values
                    declared.append("\(columnSchema.name).categories")
                } else {
                    var counts: [String: Int] = [:]
                    for row in 0..<column.count { if let text = column.text(at: row) { counts[text, default: 0] += 1 } }
                    domain = try PrivateCategoryDomain.release(
                        counts: counts, rho: perColumnRho, deltaShare: deltaPerDomain, countSensitivity: countSensitivity, noise: &noise, budget: &budget,
                        purpose: "categories(\(columnSchema.name))")
                    if columnSchema.categories?.ordered == true, let order = columnSchema.categories?.values {
                        let released = Set(domain)
                        domain = order.filter { released.contains($0) }
                    }
                }
                publicColumn.categories = CategoryDomain(
                    values: domain, counts: nil, ordered: columnSchema.categories?.ordered ?? false,
                    source: columnSchema.categories?.source ?? .observed)
                attribute = DiscreteAttribute.fitted(
                    column: column, schema: publicColumn, maximumBins: maximumBins, bounds: nil, domain: domain, alwaysMissingCode: true)
            case .numerical, .datetime:
                let range = try Self.bounds(
                    column: column, schema: columnSchema, rho: perColumnRho, countSensitivity: countSensitivity, budget: &budget,
                    noise: &noise, declared: &declared)
                if columnSchema.kind == .numerical {
                    publicColumn.numerical = NumericalFacts(
                        isInteger: columnSchema.numerical?.isInteger ?? false, decimalPlaces: columnSchema.numerical?.decimalPlaces ?? 0,
                        minimum: range.lower, maximum: range.upper, boundsSource: columnSchema.numerical?.boundsSource ?? .observed)
                } else if let facts = columnSchema.datetime {
                    publicColumn.datetime = DatetimeFacts(format: facts.format, minimum: range.lower, maximum: range.upper, boundsSource: facts.boundsSource)
                }
                attribute = DiscreteAttribute.fitted(
                    column: column, schema: publicColumn, maximumBins: maximumBins, bounds: range, domain: nil, alwaysMissingCode: true)
            }
            attributes.append(attribute)
            codes.append(attribute.encode(column))
            publicColumns.append(publicColumn)
        }
        self.attributes = attributes
        self.codes = codes
        self.publicSchema = Schema(columns: publicColumns)
        self.declaredFacts = declared
    }

    static func bounds(
        column: Column, schema: ColumnSchema, rho: Double, countSensitivity: Double, budget: inout PrivacyBudget,
        noise: inout NoiseSource, declared: inout [String]
    ) throws(SynthKitError) -> (lower: Double, upper: Double) {
        let facts: (Double?, Double?, FactSource?) = schema.kind == .datetime
            ? (schema.datetime?.minimum, schema.datetime?.maximum, schema.datetime?.boundsSource)
            : (schema.numerical?.minimum, schema.numerical?.maximum, schema.numerical?.boundsSource)
        if facts.2 == .declared, let lower = facts.0, let upper = facts.1 {
            declared.append("\(schema.name).bounds")
            return (lower, upper)
        }
        var range = try PrivateQuantile.bounds(
            of: column.numbers ?? [], rho: rho, countSensitivity: countSensitivity, noise: &noise, budget: &budget, purpose: "bounds(\(schema.name))")
        if schema.numerical?.isInteger == true {
            range = (range.lower.rounded(.down), range.upper.rounded(.up))
        }
        return range
    }
}
