public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

/// Runs any ``Synthesizer`` in a recursive loop: fit on a table with a fixed schema, sample a
/// table. Fitting and sampling use one thread each, because the loop runs repeats in parallel.
public struct SynthesizerGenerator<Configuration: Synthesizer>: CollapseGenerator {
    /// The synthesizer's hyperparameters.
    public var synthesizer: Configuration
    /// The schema every generation is fitted with (the real table's).
    public var schema: Schema

    /// Creates the generator.
    public init(synthesizer: Configuration, schema: Schema) {
        self.synthesizer = synthesizer
        self.schema = schema
    }

    /// Fits the synthesizer on `pool`.
    public func fit(_ pool: Table, seed: Seed) throws(SynthKitError) -> Configuration.Model {
        try synthesizer.fit(pool, schema: schema, options: FitOptions(seed: seed, threads: 1))
    }

    /// Samples `count` rows from `model`.
    public func sample(_ model: Configuration.Model, count: Int, seed: Seed) throws(SynthKitError) -> Table {
        try model.sample(count: count, seed: seed, threads: 1)
    }
}

extension Table {
    /// A source of "fresh real rows" for a loop over this table: a uniform subsample without
    /// replacement of `count` rows (all rows when `count` exceeds the table).
    public func realRowSource() -> @Sendable (_ count: Int, _ seed: Seed) throws(SynthKitError) -> Table {
        let table = self
        return { (count: Int, seed: Seed) throws(SynthKitError) -> Table in table.subsample(count, seed: seed) }
    }
}
