public import SynthKitCore
public import SynthKitTable

/// The hyperparameters of a synthesizer; fitting them to a table yields a ``SynthesisModel``.
///
/// Conformers store numbers and enums only: no data and no validation in `init`
/// (scikit-learn's estimator rule), so a configuration is cheap to build, hash, print and
/// record. ``fit(_:schema:options:)`` validates and learns, returning a new immutable model.
public protocol Synthesizer: Codable, Hashable, Sendable {
    /// The fitted model this synthesizer produces.
    associatedtype Model: SynthesisModel
    /// Written into model files and the ledger; never rename.
    static var kind: SynthesizerKind { get }
    /// Learns the joint distribution of `table` as described by `schema`.
    /// - Throws: ``SynthKitError`` naming the column or hyperparameter at fault.
    func fit(_ table: Table, schema: Schema, options: FitOptions) throws(SynthKitError) -> Model
}

/// A fitted synthesizer: immutable, `Sendable`, and `Codable` for save and load.
///
/// Determinism contract: ``sample(count:seed:threads:)`` splits the rows into fixed-size
/// chunks, draws chunk `i` from `seed.derived("sample.chunk", index: i)`, and so returns the
/// same table, bit for bit, for any thread count.
public protocol SynthesisModel: Codable, Sendable {
    /// The persisted kind; equals the producing synthesizer's kind.
    static var kind: SynthesizerKind { get }
    /// The schema the model was fitted with; samples follow it.
    var schema: Schema { get }
    /// Where the model came from: input fingerprint, seed, hyperparameters, privacy.
    var provenance: Provenance { get }
    /// Draws `count` rows following ``schema`` on every core.
    func sample(count: Int, seed: Seed) throws(SynthKitError) -> Table
    /// Draws `count` rows using at most `threads` threads (`nil`: every core); the result
    /// does not depend on `threads`.
    func sample(count: Int, seed: Seed, threads: Int?) throws(SynthKitError) -> Table
    /// What the model learned, for `inspect-model`.
    func summary() -> ModelSummary
}

extension SynthesisModel {
    /// Draws `count` rows on every core.
    public func sample(count: Int, seed: Seed) throws(SynthKitError) -> Table {
        try sample(count: count, seed: seed, threads: nil)
    }

    /// The fixed number of rows per sampling chunk (part of the determinism contract).
    public static var sampleChunkRows: Int { 4096 }

    /// The label of chunk seeds: chunk `i` draws from `seed.derived(sampleChunkLabel, index: i)`.
    public static var sampleChunkLabel: String { "sample.chunk" }
}
