import SynthKit
import SynthKitTestSupport
import Testing

/// The parts of the synthesizer contract a DP synthesizer can keep (`checkSynthesizer` also
/// demands facts only the data can give: no missing values where training had none, values
/// seen in a one-row training table). Fits use the insecure reproducible mode.
func checkPrivateSynthesizer<S: Synthesizer>(
    _ synthesizer: S, on table: Table, schema: Schema, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let options = FitOptions(seed: Seed(11))
    let model = try synthesizer.fit(table, schema: schema, options: options)
    let rows = S.Model.sampleChunkRows + 37
    let first = try model.sample(count: rows, seed: Seed(5), threads: 1)
    #expect(tablesAreIdentical(first, try model.sample(count: rows, seed: Seed(5), threads: 4)), "threads change the sample", sourceLocation: sourceLocation)
    let batches = try Table.concatenating([
        model.sample(rows: 0..<1000, seed: Seed(5), threads: 2), model.sample(rows: 1000..<rows, seed: Seed(5), threads: 2),
    ])
    #expect(tablesAreIdentical(first, batches), "batches differ from one call", sourceLocation: sourceLocation)
    #expect(!tablesAreIdentical(first, try model.sample(count: rows, seed: Seed(6))), sourceLocation: sourceLocation)
    var registry = SynthesizerRegistry()
    registry.register(S.self)
    let archive = try registry.encode(model)
    let loaded = try registry.decode(archive, file: "check.synth")
    #expect(tablesAreIdentical(first, try loaded.sample(count: rows, seed: Seed(5))), "load -> sample differs", sourceLocation: sourceLocation)
    #expect(try registry.encode(loaded) == archive, "encoding is not byte-stable", sourceLocation: sourceLocation)
    let refit = try synthesizer.fit(table, schema: schema, options: options)
    #expect(try registry.encode(refit).count == archive.count, "a reproducible refit differs", sourceLocation: sourceLocation)
    checkFollowsSchema(first, training: table, schema: schema, sourceLocation: sourceLocation)
    #expect(model.provenance.privacy?.testMode == true, sourceLocation: sourceLocation)
}
