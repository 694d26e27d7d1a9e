public import SynthKitCore
public import SynthKitGovernance
public import SynthKitTable

/// Wraps a table generator so every sample it draws carries a green-list watermark, as a
/// released synthetic table would; with ``GreenListWatermark/removingMarkedRows(_:)`` as the
/// loop's filter, re-ingested synthetic rows are recognised and dropped before each refit.
public struct WatermarkingGenerator<Base: CollapseGenerator>: CollapseGenerator where Base.Pool == Table {
    /// The generator whose samples are marked.
    public var base: Base
    /// The watermark applied to samples.
    public var watermark: GreenListWatermark
    /// The schema that says which columns are numerical and their decimal places.
    public var schema: Schema

    /// Creates the wrapper.
    public init(base: Base, watermark: GreenListWatermark, schema: Schema) {
        self.base = base
        self.watermark = watermark
        self.schema = schema
    }

    /// Fits the base generator.
    public func fit(_ pool: Table, seed: Seed) throws(SynthKitError) -> Base.Model {
        try base.fit(pool, seed: seed)
    }

    /// Samples from the base generator and marks the rows.
    public func sample(_ model: Base.Model, count: Int, seed: Seed) throws(SynthKitError) -> Table {
        watermark.marking(try base.sample(model, count: count, seed: seed), schema: schema)
    }
}
