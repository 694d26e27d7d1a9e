public import SynthKitCore
public import SynthKitStatistical
import SynthKitSynthesis
import SynthKitTransforms
import Foundation
public import SynthKitTable

/// The discrete view of a table for a DP synthesizer, with every data-dependent fact either
/// declared public in the schema or paid for from the budget.
///
/// - Numerical and datetime columns: bounds marked `declared` (both present) are used as
///   they are; otherwise ``PrivateQuantile/bounds(of:rho:countSensitivity:noise:budget:purpose:)``
///   estimates them. Columns are then cut into at most `maximumBins` bins.
/// - Rounding on output: a numerical block marked `declared` declares its integer-ness and
///   decimal places with its bounds (a person wrote the whole block); otherwise they are paid
///   for with ``PrivateNumberFormat/decimalPlaces(of:rho:countSensitivity:noise:budget:purpose:)``.
///   A declared datetime block declares its text format, and with it the rounding step (a day
///   for date-only formats, else a second); otherwise the step is paid for
///   (``PrivateNumberFormat/datetimeStep(of:rho:countSensitivity:noise:budget:purpose:)``) and
///   the output format is the ISO form that step implies, since an observed format string is
///   itself read from the data.
/// - Categorical and boolean columns: a `declared` domain is used as it is; otherwise
///   ``PrivateCategoryDomain`` releases the categories frequent enough to be safe (values
///   outside the released domain are coded as missing).
///   Whether a categorical column is written as numbers follows from the public domain alone.
/// - Every learned attribute gets a missing code (whether a column has missing values is
///   private); `id` columns are regenerated without a learned prefix; `pii`/`text` are blank.
/// - The column names and kinds come from the schema and are treated as public.
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
    /// The facts used as public because they were declared (`age.bounds`, `sex.categories`,
    /// `age.decimal places`) or are schema structure (`when.format`); paid facts appear in the
    /// budget's spends instead (`bounds(age): magnitude histogram`, `decimal places(age)`).
    public let declaredFacts: [String]

    /// How much of δ a fit reserves for thresholded category domains when some are paid for.
    public static let reservedDeltaShare = 0.1

    /// The number of facts that must be paid for (used to size the fact budget): numerical
    /// facts (bounds, decimal places, datetime steps) and category domains.
    public static func paidFactCount(schema: Schema) -> (numerical: Int, categorical: Int) {
        var numerical = 0
        var categorical = 0
        for column in schema.columns {
            switch column.kind {
            case .numerical where !isDeclared(column):
                numerical += 2
            case .datetime where !isDeclared(column):
                numerical += 2
            case .categorical, .boolean:
                if column.categories?.source != .declared { categorical += 1 }
            default:
                break
            }
        }
        return (numerical, categorical)
    }

    /// Whether a numerical or datetime block is declared (source `declared`, both bounds given).
    static func isDeclared(_ column: ColumnSchema) -> Bool {
        if column.kind == .datetime {
            return column.datetime?.boundsSource == .declared && column.datetime?.minimum != nil && column.datetime?.maximum != nil
        }
        return column.numerical?.boundsSource == .declared && column.numerical?.minimum != nil && column.numerical?.maximum != nil
    }

    /// Resolves every column's facts, charging `factRho` (split evenly over the facts that
    /// need paying) and using `budget.reservedDelta` for category domains.
    /// `countSensitivity` is 1 for add/remove-one neighbours (MST), √2 for replace-one (PrivBayes).
    /// - Throws: the budget's refusal; `.invalidInput` when bounds cannot be estimated.
    public init(
        table: Table, schema: Schema, maximumBins: Int, factRho: Double, countSensitivity: Double = 1,
        budget: inout PrivacyBudget, noise: inout NoiseSource
    ) throws(SynthKitError) {
        let paid = Self.paidFactCount(schema: schema)
        let paidFacts = paid.numerical + paid.categorical
        let perColumnRho = paidFacts > 0 ? factRho / Double(paidFacts) : 0
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
                attribute = Self.categoricalAttribute(name: columnSchema.name, domain: domain)
            case .numerical, .datetime:
                let step = try Self.roundingStep(
                    column: column, schema: columnSchema, rho: perColumnRho, countSensitivity: countSensitivity, budget: &budget,
                    noise: &noise, declared: &declared)
                var range = try Self.bounds(
                    column: column, schema: columnSchema, rho: perColumnRho, countSensitivity: countSensitivity, budget: &budget,
                    noise: &noise, declared: &declared)
                if columnSchema.kind == .numerical {
                    if step == 1 && !Self.isDeclared(columnSchema) { range = (range.lower.rounded(.down), range.upper.rounded(.up)) }
                    let places = step.map { $0 >= 1 ? 0 : Int((-log10($0)).rounded()) } ?? 11
                    publicColumn.numerical = NumericalFacts(
                        isInteger: step == 1, decimalPlaces: places, minimum: range.lower, maximum: range.upper,
                        boundsSource: columnSchema.numerical?.boundsSource ?? .observed)
                } else if let facts = columnSchema.datetime {
                    let format = Self.isDeclared(columnSchema) ? facts.format : PrivateNumberFormat.isoFormat(datetimeStep: step)
                    publicColumn.datetime = DatetimeFacts(format: format, minimum: range.lower, maximum: range.upper, boundsSource: facts.boundsSource)
                }
                attribute = Self.binnedAttribute(
                    name: columnSchema.name, isNumerical: columnSchema.kind == .numerical, range: range, roundingStep: step,
                    maximumBins: maximumBins)
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
        return try PrivateQuantile.bounds(
            of: column.numbers ?? [], rho: rho, countSensitivity: countSensitivity, noise: &noise, budget: &budget, purpose: "bounds(\(schema.name))")
    }

    /// The output rounding step: declared with the block, implied by a date-only format, or paid.
    static func roundingStep(
        column: Column, schema: ColumnSchema, rho: Double, countSensitivity: Double, budget: inout PrivacyBudget,
        noise: inout NoiseSource, declared: inout [String]
    ) throws(SynthKitError) -> Double? {
        let values = column.numbers ?? []
        if schema.kind == .datetime {
            if isDeclared(schema) {
                let format = schema.datetime?.format ?? ""
                let step = PrivateNumberFormat.datetimeStep(format: format)
                declared.append("\(schema.name).format (\(format), declared with the bounds)")
                declared.append("\(schema.name).rounding step (\(step == nil ? "a second" : "a day"), implied by the declared format)")
                return step ?? 1
            }
            return try PrivateNumberFormat.datetimeStep(
                of: values, rho: rho, countSensitivity: countSensitivity, noise: &noise, budget: &budget,
                purpose: "rounding step(\(schema.name))")
        }
        if isDeclared(schema), let facts = schema.numerical {
            declared.append("\(schema.name).decimal places (\(facts.isInteger ? "integer" : "\(facts.decimalPlaces)"), declared with the bounds)")
            return facts.isInteger ? 1 : PrivateNumberFormat.numberStep(decimalPlaces: facts.decimalPlaces == 0 ? 11 : facts.decimalPlaces)
        }
        let places = try PrivateNumberFormat.decimalPlaces(
            of: values, rho: rho, countSensitivity: countSensitivity, noise: &noise, budget: &budget,
            purpose: "decimal places(\(schema.name))")
        return PrivateNumberFormat.numberStep(decimalPlaces: places)
    }

    /// A categorical attribute over a public `domain`, with a missing code. Whether output values
    /// are numbers depends on the domain alone (every value parses as a number), never on how
    /// the private column happened to be stored.
    static func categoricalAttribute(name: String, domain: [String]) -> DiscreteAttribute {
        let numbers = domain.map { Double($0) }
        let numeric: [Double]? = !domain.isEmpty && numbers.allSatisfy { $0 != nil } ? numbers.map { $0 ?? .nan } : nil
        let encoding = CategoryEncoding(levels: domain, numericLevels: numeric, hasMissing: false)
        return DiscreteAttribute(name: name, coding: .categorical(encoding), hasMissingCode: true)
    }

    /// A binned attribute over `range` (one bin per integer when an integer range fits in
    /// `maximumBins`), decoding with `roundingStep`; built from public facts only.
    static func binnedAttribute(
        name: String, isNumerical: Bool, range: (lower: Double, upper: Double), roundingStep: Double?, maximumBins: Int
    ) -> DiscreteAttribute {
        let span = range.upper - range.lower
        let edges: [Double]
        if isNumerical && roundingStep == 1 && span >= 0 && span + 1 <= Double(maximumBins) && range.lower == range.lower.rounded() {
            edges = (0...(Int(span) + 1)).map { range.lower - 0.5 + Double($0) }
        } else {
            edges = DiscreteAttribute.equalWidthEdges(lower: range.lower, upper: range.upper, bins: maximumBins)
        }
        let format = NumericalFormat(minimum: range.lower, maximum: range.upper, roundingStep: roundingStep)
        return DiscreteAttribute(name: name, coding: .binned(edges: edges, format: format), hasMissingCode: true)
    }
}
