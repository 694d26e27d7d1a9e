public import SynthKitCore
public import SynthKitTable

/// A model fitted on constraint-transformed data, seen through the inverse transforms: it
/// samples in the data's own schema.
///
/// Built when a model file stores ``ConstraintTransform``s (``ConstraintSet/storedTransforms(in:file:)``);
/// never written itself (encoding writes the inner model). Conditions on columns no transform
/// rewrites go to the inner model's conditional sampling and are then inverse-transformed;
/// conditions on a rewritten column use bounded rejection on this model.
public struct ConstraintTransformedModel: ConditionalSampling {
    /// Not a persisted kind: the file holds the inner model's kind.
    public static let kind: SynthesizerKind = "constraint-transformed"
    /// The model fitted on transformed data.
    public let inner: any SynthesisModel
    /// The transforms, applied in order forward, reversed on the way back.
    public let transforms: [ConstraintTransform]
    /// The data's schema (the inner model holds the transformed one).
    public let schema: Schema

    /// Wraps a model.
    public init(inner: any SynthesisModel, transforms: [ConstraintTransform], schema: Schema) {
        self.inner = inner
        self.transforms = transforms
        self.schema = schema
    }

    /// The inner model's provenance.
    public var provenance: Provenance { inner.provenance }

    /// Rows of the inner model, inverse-transformed.
    public func sample(rows: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
        inverse(try inner.sample(rows: rows, seed: seed, threads: threads))
    }

    /// The inner model's summary (its column lines describe the transformed columns), with a
    /// note per transform saying how a column is stored.
    public func summary() -> ModelSummary {
        var summary = inner.summary()
        summary.notes += transforms.map { transform in
            switch transform {
            case .logDifference(let low, let high, let strict, _):
                return "\(high) is modelled as log(\(high) − \(low) + step) so that \(low) \(strict ? "<" : "≤") \(high) holds by construction"
            case .logit(let column, let minimum, let maximum, _):
                return "\(column) is modelled on the logit scale of [\(minimum), \(maximum)] so that its range holds by construction"
            }
        }
        return summary
    }

    /// Conditioned rows (see the type's documentation).
    public func sample(conditions: [Condition], seed: Seed, options: ConditioningOptions) throws(SynthKitError) -> ConditionalSample {
        let rewritten = Set(transforms.map(\.rewrittenColumn))
        if conditions.contains(where: { $0.assignments.contains { rewritten.contains($0.column) } }) {
            return try sampleByRejection(conditions: conditions, seed: seed, options: options)
        }
        var result = try inner.sampleConditioned(conditions: conditions, seed: seed, options: options)
        result.table = inverse(result.table)
        return result
    }

    func inverse(_ table: Table) -> Table {
        transforms.reversed().reduce(table) { $1.inverse($0) }
    }

    /// Encodes the inner model.
    public func encode(to encoder: any Encoder) throws {
        try inner.encode(to: encoder)
    }

    /// Always fails: decode the inner model and wrap it.
    public init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath,
            debugDescription: "a constraint-transformed model is read as its inner model plus the transforms stored beside it"))
    }
}
