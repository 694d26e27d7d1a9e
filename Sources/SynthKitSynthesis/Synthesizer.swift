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
/// Determinism contract: a model and a seed define one endless sequence of rows. Rows are
/// generated in fixed chunks of ``sampleChunkRows``; chunk `i` draws only from
/// `seed.derived("sample.chunk", index: i)`. ``sample(rows:seed:threads:)`` returns any slice
/// of that sequence, so the same seed gives the same rows bit for bit whatever the thread
/// count, and sampling in batches (`0..<n`, `n..<m`, ...) gives exactly the rows of one call
/// for `0..<m` with bounded memory. Regenerated ids are numbered by global row, so they stay
/// unique across batches.
public protocol SynthesisModel: Codable, Sendable {
    /// The persisted kind; equals the producing synthesizer's kind.
    static var kind: SynthesizerKind { get }
    /// The schema the model was fitted with; samples follow it.
    var schema: Schema { get }
    /// Where the model came from: input fingerprint, seed, hyperparameters, privacy.
    var provenance: Provenance { get }
    /// Draws `count` rows following ``schema`` on every core (rows `0..<count` of the sequence).
    /// - Throws: `.invalidArgument` when `count` is negative.
    func sample(count: Int, seed: Seed) throws(SynthKitError) -> Table
    /// Rows `rows` of the seed's row sequence, using at most `threads` threads (`nil`: every
    /// core); the result does not depend on `threads`.
    func sample(rows: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table
    /// What the model learned, for `inspect-model`.
    func summary() -> ModelSummary
}

extension SynthesisModel {
    /// Draws `count` rows on every core.
    public func sample(count: Int, seed: Seed) throws(SynthKitError) -> Table {
        try sample(count: count, seed: seed, threads: nil)
    }

    /// Draws `count` rows using at most `threads` threads; the result does not depend on `threads`.
    /// - Throws: `.invalidArgument` when `count` is negative.
    public func sample(count: Int, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
        guard count >= 0 else {
            throw SynthKitError(.invalidArgument, "cannot sample \(count) rows; ask for zero or more", location: .init(field: "count"))
        }
        return try sample(rows: 0..<count, seed: seed, threads: threads)
    }

    /// The fixed number of rows per sampling chunk (part of the determinism contract).
    public static var sampleChunkRows: Int { 4096 }

    /// The label of chunk seeds: chunk `i` draws from `seed.derived(sampleChunkLabel, index: i)`.
    public static var sampleChunkLabel: String { "sample.chunk" }
}
