public import SynthKitCore

/// A recursive train-sample experiment: a workflow, a number of generations, rows per
/// generation and independent repeats.
///
/// Generation `g` (1-based) fits model `g` on its training set (built by ``workflow``) and
/// samples from it; a measurement of `(g, model, rows)` is kept. Generation 1 always fits on
/// real rows, so with a Gaussian MLE refit `E[σ_g²] = σ0²·((m−1)/m)^g`, as in the closed forms
/// of the reference note (collapse-dp-watermark.md §1.2).
///
/// Randomness: repeat `r` draws only from `seed.derived("collapse.repeat", index: r)`, and
/// within it generation `g` from `.derived("generation", index: g)` with labelled sub-seeds
/// for fitting, sampling, fresh real rows and subsampling. Repeats run in parallel; results
/// do not depend on the thread count.
///
/// Cost: `repeats × generations` fits and samples; accumulate keeps `g·m` rows at generation `g`.
public struct RecursiveLoop: Hashable, Codable, Sendable {
    /// How training sets are built.
    public var workflow: CollapseWorkflow
    /// The number of fits per repeat (at least 1).
    public var generations: Int
    /// `m`, rows sampled per generation (ignored by fresh-mix, whose counts are its own).
    public var rowsPerGeneration: Int
    /// Independent runs with derived seeds (at least 1).
    public var repeats: Int

    /// Creates an experiment; ``run(generator:seed:threads:realRows:filter:measure:)`` validates it.
    public init(workflow: CollapseWorkflow, generations: Int, rowsPerGeneration: Int, repeats: Int) {
        self.workflow = workflow
        self.generations = generations
        self.rowsPerGeneration = rowsPerGeneration
        self.repeats = repeats
    }

    /// Rows sampled from each generation's model.
    public var sampledRows: Int {
        if case .freshMix(_, let synthetic) = workflow { return synthetic }
        return rowsPerGeneration
    }

    /// Real rows generation 1 trains on.
    public var initialRealRows: Int {
        if case .freshMix(let real, let synthetic) = workflow { return real + synthetic }
        return rowsPerGeneration
    }

    /// Runs every repeat and returns the measurements, `[repeat][generation − 1]`.
    ///
    /// - Parameters:
    ///   - generator: the generator refitted each generation.
    ///   - seed: the experiment seed.
    ///   - threads: the most threads across repeats (`nil`: every core).
    ///   - realRows: draws `count` real rows from `seed` (the truth, or a subsample of a real table).
    ///   - filter: applied to every training set after generation 1's, just before the refit
    ///     (for example, dropping watermarked rows); `nil` keeps every row. A filter that leaves
    ///     fewer than 2 rows is an `.invalidInput` error.
    ///   - measure: what to keep for each generation, from its model and its sampled rows.
    /// - Throws: `.invalidArgument` for impossible sizes; anything the generator, source or
    ///   measurement throws (the first repeat's error, by repeat index).
    public func run<Generator: CollapseGenerator, Measurement: Sendable>(
        generator: Generator,
        seed: Seed,
        threads: Int? = nil,
        realRows: @escaping @Sendable (_ count: Int, _ seed: Seed) throws(SynthKitError) -> Generator.Pool,
        filter: (@Sendable (_ rows: Generator.Pool) -> Generator.Pool)? = nil,
        measure: @escaping @Sendable (_ generation: Int, _ model: Generator.Model, _ rows: Generator.Pool) throws(SynthKitError) -> Measurement
    ) throws(SynthKitError) -> [[Measurement]] {
        try validate()
        let slots = ResultSlots<Result<[Measurement], SynthKitError>>(count: repeats)
        let experiment = self
        parallelFor(chunkCount: repeats, threads: threads) { repeatIndex in
            let repeatSeed = seed.derived("collapse.repeat", index: repeatIndex)
            let outcome = Result { () throws(SynthKitError) -> [Measurement] in
                try experiment.runRepeat(generator: generator, seed: repeatSeed, realRows: realRows, filter: filter, measure: measure)
            }
            slots.store(outcome, at: repeatIndex)
        }
        var results: [[Measurement]] = []
        results.reserveCapacity(repeats)
        for outcome in slots.values() {
            switch outcome {
            case .success(let series): results.append(series)
            case .failure(let error): throw error
            case nil: throw SynthKitError(.internalFailure, "a collapse repeat produced no result")
            }
        }
        return results
    }

    /// Checks the sizes.
    func validate() throws(SynthKitError) {
        var problems: [String] = []
        if generations < 1 { problems.append("generations must be at least 1, got \(generations)") }
        if repeats < 1 { problems.append("repeats must be at least 1, got \(repeats)") }
        if case .freshMix = workflow {} else if rowsPerGeneration < 2 {
            problems.append("rows per generation must be at least 2, got \(rowsPerGeneration)")
        }
        if !problems.isEmpty {
            throw SynthKitError(.invalidArgument, problems.joined(separator: "; "), location: .init(field: "collapse"))
        }
    }

    /// One repeat: `generations` fits, each followed by sampling and a measurement.
    func runRepeat<Generator: CollapseGenerator, Measurement>(
        generator: Generator, seed: Seed,
        realRows: (_ count: Int, _ seed: Seed) throws(SynthKitError) -> Generator.Pool,
        filter: ((_ rows: Generator.Pool) -> Generator.Pool)?,
        measure: (_ generation: Int, _ model: Generator.Model, _ rows: Generator.Pool) throws(SynthKitError) -> Measurement
    ) throws(SynthKitError) -> [Measurement] {
        var measurements: [Measurement] = []
        measurements.reserveCapacity(generations)
        var pool = try realRows(initialRealRows, seed.derived("real", index: 0))
        var training = pool
        for generation in 1...generations {
            let generationSeed = seed.derived("generation", index: generation)
            let model = try generator.fit(training, seed: generationSeed.derived("fit"))
            let sampled = try generator.sample(model, count: sampledRows, seed: generationSeed.derived("sample"))
            measurements.append(try measure(generation, model, sampled))
            guard generation < generations else { break }
                        switch workflow {
            case .replace:
                training = sampled
            case .accumulate:
                pool = try Generator.Pool.concatenating([pool, sampled])
                training = pool
            case .accumulateSubsample:
                pool = try Generator.Pool.concatenating([pool, sampled])
                training = pool.subsample(rowsPerGeneration, seed: generationSeed.derived("subsample"))
            case .freshMix(let real, _):
                let fresh = try realRows(real, seed.derived("real", index: generation))
                training = try Generator.Pool.concatenating([fresh, sampled])
            }
            if let filter { training = filter(training) }
            guard training.rowCount >= 2 else {
                throw SynthKitError(
                    .invalidInput,
                    "generation \(generation + 1) of \(workflow) has \(training.rowCount) training rows left "
                        + "(the filter removed the rest); use a fresh-mix workflow to keep real rows in the loop",
                    location: .init(field: "workflows"))
            }
        }
        return measurements
    }
}
