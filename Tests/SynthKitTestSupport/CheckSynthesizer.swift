import Foundation
public import SynthKit
public import Testing

/// The conformance suite every synthesizer runs (scikit-learn's `check_estimator` in spirit).
///
/// Checks, each recorded as a Swift Testing expectation:
/// - the same seed gives the same sample bit for bit, for 1 and 4 threads, across chunk
///   boundaries, and in batches of rows; different seeds give different samples;
/// - fitting twice equals fitting once (same archive bytes apart from `createdAt`);
/// - encode → decode (through a registry) → sample equals sample;
/// - samples follow the schema: columns in order, categories seen in training, numbers within
///   the training range and integral where training was, ids unique, PII empty;
/// - `count: 0` gives an empty table with the right columns, a negative count throws;
/// - an empty table and a schema naming an absent column give located errors;
/// - a single row and a single column fit and sample.
///
/// - Parameters:
///   - synthesizer: the configuration under test (keep it cheap: this fits about six times).
///   - table: a small training table (a few hundred rows).
///   - schema: its schema.
public func checkSynthesizer<S: Synthesizer>(
    _ synthesizer: S, on table: Table, schema: Schema, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let options = FitOptions(seed: Seed(11))
    let model = try synthesizer.fit(table, schema: schema, options: options)
    let rows = S.Model.sampleChunkRows + 37

    // Determinism and thread independence.
    let first = try model.sample(count: rows, seed: Seed(5), threads: 1)
    let again = try model.sample(count: rows, seed: Seed(5), threads: 4)
    #expect(tablesAreIdentical(first, again), "same seed, different threads: samples differ", sourceLocation: sourceLocation)
    #expect(first.rowCount == rows, sourceLocation: sourceLocation)
    let batches = try Table.concatenating([
        model.sample(rows: 0..<1000, seed: Seed(5), threads: 2),
        model.sample(rows: 1000..<(rows - 20), seed: Seed(5), threads: 2),
        model.sample(rows: (rows - 20)..<rows, seed: Seed(5), threads: 1),
    ])
    #expect(tablesAreIdentical(first, batches), "sampling in batches differs from one call", sourceLocation: sourceLocation)
    let other = try model.sample(count: rows, seed: Seed(6))
    #expect(!tablesAreIdentical(first, other), "different seeds gave identical samples", sourceLocation: sourceLocation)

    // Fit is idempotent.
    var registry = SynthesizerRegistry()
    registry.register(S.self)
    let refit = try synthesizer.fit(table, schema: schema, options: options)
    #expect(
        withoutTimestamps(try registry.encode(model)) == withoutTimestamps(try registry.encode(refit)),
        "fitting twice gave different models", sourceLocation: sourceLocation)

    // Save and load.
    let archive = try registry.encode(model)
    let loaded = try registry.decode(archive, file: "check.synth")
    #expect(type(of: loaded) == S.Model.self, sourceLocation: sourceLocation)
    let reloadedSample = try loaded.sample(count: rows, seed: Seed(5))
    #expect(tablesAreIdentical(first, reloadedSample), "load -> sample differs from sample", sourceLocation: sourceLocation)
    #expect(try registry.encode(model) == archive, "encoding is not byte-stable", sourceLocation: sourceLocation)

    // Schema respected.
    checkFollowsSchema(first, training: table, schema: schema, sourceLocation: sourceLocation)

    // Counts.
    let empty = try model.sample(count: 0, seed: Seed(1))
    #expect(empty.rowCount == 0 && empty.columnNames == schema.columnNames, sourceLocation: sourceLocation)
    #expect(throws: SynthKitError.self, sourceLocation: sourceLocation) { try model.sample(count: -1, seed: Seed(1)) }

    // Bad inputs give located errors.
    do {
        _ = try synthesizer.fit(table.gatheringRows([]), schema: schema, options: options)
        Issue.record("fitting an empty table did not throw", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == .invalidInput, sourceLocation: sourceLocation)
    }
    var extended = schema
    extended.columns.append(ColumnSchema(name: "not-in-table", kind: .numerical))
    do {
        _ = try synthesizer.fit(table, schema: extended, options: options)
        Issue.record("a schema column missing from the table did not throw", sourceLocation: sourceLocation)
    } catch {
        #expect(error.location?.column == "not-in-table", "error not located: \(error)", sourceLocation: sourceLocation)
    }

    // One row, one column.
    let single = try synthesizer.fit(table.prefix(1), schema: schema, options: options)
    let fromSingle = try single.sample(count: 5, seed: Seed(2))
    #expect(fromSingle.rowCount == 5, sourceLocation: sourceLocation)
    checkFollowsSchema(fromSingle, training: table.prefix(1), schema: schema, sourceLocation: sourceLocation)
    if let learned = schema.columns.first(where: { $0.kind != .id && $0.kind != .pii }) {
        let narrow = Schema(columns: [learned])
        let column = try table.selecting([learned.name])
        let narrowModel = try synthesizer.fit(column, schema: narrow, options: options)
        let narrowSample = try narrowModel.sample(count: 50, seed: Seed(3))
        #expect(narrowSample.columnNames == [learned.name], sourceLocation: sourceLocation)
        checkFollowsSchema(narrowSample, training: column, schema: narrow, sourceLocation: sourceLocation)
    }
}

/// Checks that `sample` has the schema's columns and stays within what training showed.
public func checkFollowsSchema(
    _ sample: Table, training: Table, schema: Schema, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(sample.columnNames == schema.columnNames, sourceLocation: sourceLocation)
    for columnSchema in schema.columns {
        guard let generated = sample[columnSchema.name], let original = training[columnSchema.name] else { continue }
        switch columnSchema.kind {
        case .categorical, .boolean:
            let seen = Set((0..<original.count).compactMap { original.text(at: $0) })
            for row in 0..<generated.count {
                if let value = generated.text(at: row) {
                    #expect(seen.contains(value), "'\(columnSchema.name)' has unseen value '\(value)'", sourceLocation: sourceLocation)
                }
            }
            if original.missingCount == 0 {
                #expect(generated.missingCount == 0, "'\(columnSchema.name)' gained missing values", sourceLocation: sourceLocation)
            }
        case .numerical, .datetime:
            let known = (original.numbers ?? []).filter { !$0.isNaN }
            let values = (generated.numbers ?? []).filter { !$0.isNaN }
            #expect(generated.numbers != nil, "'\(columnSchema.name)' is not numeric", sourceLocation: sourceLocation)
            guard let low = known.min(), let high = known.max() else {
                #expect(values.isEmpty, "'\(columnSchema.name)' was all missing", sourceLocation: sourceLocation)
                continue
            }
            let lower = columnSchema.numerical?.minimum ?? columnSchema.datetime?.minimum ?? low
            let upper = columnSchema.numerical?.maximum ?? columnSchema.datetime?.maximum ?? high
            #expect(values.allSatisfy { $0 >= lower && $0 <= upper }, "'\(columnSchema.name)' leaves [\(lower), \(upper)]", sourceLocation: sourceLocation)
            if known.allSatisfy({ $0 == $0.rounded() }) {
                #expect(values.allSatisfy { $0 == $0.rounded() }, "'\(columnSchema.name)' lost integer-ness", sourceLocation: sourceLocation)
            }
            if original.missingCount == 0 {
                #expect(generated.missingCount == 0, "'\(columnSchema.name)' gained missing values", sourceLocation: sourceLocation)
            }
        case .id:
            let texts = (0..<generated.count).compactMap { generated.text(at: $0) }
            #expect(Set(texts).count == generated.count, "ids of '\(columnSchema.name)' are not unique", sourceLocation: sourceLocation)
        case .pii, .text:
            #expect(generated.missingCount == generated.count, "'\(columnSchema.name)' must be written empty", sourceLocation: sourceLocation)
        }
    }
}

/// The archive text without its `createdAt` values, which legitimately differ between fits.
func withoutTimestamps(_ data: Data) -> String {
    let text = String(decoding: data, as: UTF8.self)
    return text.replacingOccurrences(
        of: "\"createdAt\" : \"[^\"]*\"", with: "\"createdAt\" : \"\"", options: .regularExpression)
}
