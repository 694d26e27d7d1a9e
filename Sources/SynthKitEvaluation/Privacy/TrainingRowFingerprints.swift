public import Foundation
public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

/// Salted fingerprints of the training rows, stored in a model file so that `sample
/// --reject-copies` can redraw synthetic rows identical to a training row without the model
/// file holding any training row.
///
/// A row's fingerprint is the first 64 bits of SHA-256(salt ‖ the row's CSV text), the text
/// written by ``CSVWriter`` with the model's schema over the learned columns (id, PII and text
/// columns are regenerated, never learned, so they are left out). Comparing the texts compares
/// what a user would see in the output file. The salt (32 bytes from the fit's seed and the
/// input's SHA-256) makes fingerprints differ between files.
///
/// Privacy note: whoever holds the model file and the salt can test whether an exact row was in
/// the training data, so fingerprints are never stored for differentially private models.
/// False matches: with n training rows, a synthetic row is wrongly taken for a copy with
/// probability about n/2⁶⁴.
///
/// Envelope: `"trainingRowFingerprints": {"formatVersion": 1, "columns": [...], "salt": "hex",
/// "hashes": "base64 of sorted little-endian UInt64"}`, the last key of the sorted envelope.
///
/// Complexity: O(n · row length) to fingerprint n rows.
public struct TrainingRowFingerprints: Sendable, Equatable {
    /// The envelope key.
    public static let envelopeKey = "trainingRowFingerprints"
    /// The version of the stored object.
    public static let currentFormatVersion = 1
    /// The columns compared, in order.
    public let columns: [String]
    /// The salt, 32 bytes.
    let salt: [UInt8]
    /// The fingerprints of the training rows.
    let hashes: Set<UInt64>

    /// The number of distinct training fingerprints.
    public var count: Int { hashes.count }

    /// Fingerprints the rows of `table` (the fit's input, conformed to `schema`).
    /// - Throws: what ``CSVWriter`` throws for a bad datetime format in `schema`.
    public init(fitting table: Table, schema: Schema, seed: Seed, inputSHA256: String) throws(SynthKitError) {
        let columns = Self.learnedColumns(of: table, schema: schema)
        var stream = seed.derived("row-fingerprints.salt").stream()
        var digest = SHA256Digest()
        digest.update(Data((0..<4).flatMap { _ in withUnsafeBytes(of: stream.next().littleEndian, Array.init) }))
        digest.update(Data(inputSHA256.utf8))
        let unfilled = TrainingRowFingerprints(columns: columns, salt: Self.bytes(fromHex: digest.finalizeHex()), hashes: [])
        self = TrainingRowFingerprints(
            columns: columns, salt: unfilled.salt, hashes: Set(try unfilled.fingerprints(of: table, schema: schema)))
    }

    init(columns: [String], salt: [UInt8], hashes: Set<UInt64>) {
        self.columns = columns
        self.salt = salt
        self.hashes = hashes
    }

    /// The columns a model learns: all but id, PII and text columns.
    static func learnedColumns(of table: Table, schema: Schema) -> [String] {
        table.columnNames.filter { name in
            guard let kind = schema[name]?.kind else { return true }
            return kind != .id && kind != .pii && kind.rawValue != "text"
        }
    }

    /// The fingerprint of each row of `table` (which must hold ``columns``).
    func fingerprints(of table: Table, schema: Schema) throws(SynthKitError) -> [UInt64] {
        let selected = try table.selecting(columns.filter { table[$0] != nil })
        let text = [UInt8](try CSVWriter().encode(selected, schema: schema))
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var quoted = false
        for (index, byte) in text.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == 10 && !quoted {
                lines.append(text[start..<index])
                start = index + 1
            }
        }
        return lines.dropFirst().map { line in
            var digest = SHA256Digest()
            digest.update(Data(salt))
            digest.update(Data(line))
            return UInt64(digest.finalizeHex().prefix(16), radix: 16) ?? 0
        }
    }

    /// The rows of `table` identical to a training row in the compared columns.
    public func copies(in table: Table, schema: Schema) throws(SynthKitError) -> [Int] {
        try fingerprints(of: table, schema: schema).enumerated().filter { hashes.contains($0.element) }.map(\.offset)
    }

    /// `drawn` with every copy of a training row replaced in place by a fresh row of `model`, and
    /// how many rows were rejected as copies (the drawn ones plus any fresh ones that were copies too).
    ///
    /// `drawn` holds rows `firstRow ..< firstRow + drawn.rowCount` of the output. The replacement
    /// for output row i comes from its own stream (`seed` derived by i and the attempt), through
    /// `constraints` when there are any, so the result does not depend on how the output is split
    /// into batches. Each attempt draws 8 candidates and keeps the first that is not a copy.
    /// - Throws: `.conditionUnsatisfiable` when a row still has no replacement after
    ///   `maximumRounds` attempts (a model that only reproduces training rows); what sampling throws.
    public func replacingCopies(
        in drawn: Table, firstRow: Int, model: any SynthesisModel, constraints: ConstraintSet, seed: Seed, threads: Int?,
        maximumRounds: Int = 50
    ) throws(SynthKitError) -> (table: Table, rejected: Int) {
        let copies = try self.copies(in: drawn, schema: model.schema)
        guard !copies.isEmpty else { return (drawn, 0) }
        var rejected = copies.count
        var segments: [Table] = []
        var next = 0
        for row in copies {
            segments.append(drawn.gatheringRows(Array(next..<row)))
            var replacement: Table?
            for round in 0..<maximumRounds where replacement == nil {
                let candidates = try constraints.enforce(
                    sampling: model, rowCount: 8, seed: seed.derived("reject-copies", index: firstRow + row).derived("round", index: round),
                    threads: threads)
                let candidateCopies = Set(try self.copies(in: candidates, schema: model.schema))
                if let kept = (0..<candidates.rowCount).first(where: { !candidateCopies.contains($0) }) {
                    rejected += kept
                    replacement = candidates.gatheringRows([kept])
                } else {
                    rejected += candidates.rowCount
                }
            }
            guard let replacement else {
                throw SynthKitError(
                    .conditionUnsatisfiable,
                    "output row \(firstRow + row + 1) could not be drawn without copying a training row after \(maximumRounds) attempts: "
                        + "the model reproduces its training data")
            }
            segments.append(replacement)
            next = row + 1
        }
        segments.append(drawn.gatheringRows(Array(next..<drawn.rowCount)))
        return (try Table.concatenating(segments), rejected)
    }

    /// A model file with these fingerprints stored under ``envelopeKey`` (appended as the last
    /// key, so the rest of the bytes are unchanged).
    /// - Throws: `.corruptArchive` when `model` is not a JSON object.
    public func attaching(to model: Data) throws(SynthKitError) -> Data {
        guard let brace = model.lastIndex(of: UInt8(ascii: "}")) else {
            throw SynthKitError(.corruptArchive, "the model file is not a JSON object")
        }
        var packed = Data()
        for hash in hashes.sorted() { withUnsafeBytes(of: hash.littleEndian) { packed.append(contentsOf: $0) } }
        let object: [String: Any] = [
            "formatVersion": Self.currentFormatVersion, "columns": columns,
            "salt": salt.map { String(format: "%02x", $0) }.joined(), "hashes": packed.base64EncodedString(),
        ]
        guard let encoded = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            throw SynthKitError(.internalFailure, "row fingerprints could not be encoded")
        }
        var result = Data(model[..<brace])
        result.append(Data(",\"\(Self.envelopeKey)\":".utf8))
        result.append(encoded)
        result.append(model[brace...])
        return result
    }

    /// The fingerprints stored in a model file, or `nil` when it has none.
    /// - Throws: `.corruptArchive` for a malformed entry; `.unsupported` for a newer version.
    public static func stored(in model: Data, file: String) throws(SynthKitError) -> TrainingRowFingerprints? {
        guard let object = try? JSONSerialization.jsonObject(with: model) as? [String: Any],
              let entry = object[envelopeKey] else { return nil }
        let location = SynthKitError.Location(file: file, field: envelopeKey)
        guard let fields = entry as? [String: Any], let version = fields["formatVersion"] as? Int,
              let columns = fields["columns"] as? [String], let saltText = fields["salt"] as? String,
              let packedText = fields["hashes"] as? String, let packed = Data(base64Encoded: packedText), packed.count % 8 == 0
        else { throw SynthKitError(.corruptArchive, "the stored training-row fingerprints are malformed", location: location) }
        guard version <= currentFormatVersion else {
            throw SynthKitError(.unsupported, "training-row fingerprints of version \(version) need a newer SynthKit", location: location)
        }
        var hashes = Set<UInt64>()
        for offset in stride(from: 0, to: packed.count, by: 8) {
            var value: UInt64 = 0
            for byte in 0..<8 { value |= UInt64(packed[packed.startIndex + offset + byte]) << (8 * UInt64(byte)) }
            hashes.insert(value)
        }
        return TrainingRowFingerprints(columns: columns, salt: bytes(fromHex: saltText), hashes: hashes)
    }

    /// The fingerprints stored in the model file at `path`, for `sample --reject-copies`.
    /// - Throws: `.io` when the file cannot be read; `.invalidInput` when it holds no
    ///   fingerprints (a differentially private model, or one fitted before they were stored).
    public static func load(modelFile path: String) throws(SynthKitError) -> TrainingRowFingerprints {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            throw SynthKitError(.io, "cannot read the model file", location: .init(file: path))
        }
        guard let stored = try stored(in: data, file: path) else {
            throw SynthKitError(
                .invalidInput,
                "this model file holds no training-row fingerprints, so copies cannot be rejected: differentially private models never "
                    + "store them (they would leak membership); refit other models with this version of SynthKit",
                location: .init(file: path, field: envelopeKey))
        }
        return stored
    }

    /// Bytes from lowercase hex digits.
    static func bytes(fromHex text: String) -> [UInt8] {
        let characters = Array(text.utf8)
        return stride(from: 0, to: characters.count - 1, by: 2).compactMap { UInt8(String(decoding: characters[$0...($0 + 1)], as: UTF8.self), radix: 16) }
    }
}
