import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("Training-row fingerprints for sample --reject-copies")
struct TrainingRowFingerprintsTests {
    static func table() throws -> Table {
        try Table(columns: [
            Column(name: "age", numbers: [30, 41.5, nil, 30]), Column(name: "city", strings: ["A", "B, \"C\"", "A", nil]),
            Column(name: "email", strings: ["a@x.org", "b@x.org", "c@x.org", "d@x.org"]),
        ])
    }

    static let schema = Schema(columns: [
        ColumnSchema(name: "age", kind: .numerical), ColumnSchema(name: "city", kind: .categorical), ColumnSchema(name: "email", kind: .pii),
    ])

    @Test("copies are found by content of the learned columns (PII ignored), quoted commas and missing values included")
    func findsCopies() throws {
        let training = try Self.table()
        let fingerprints = try TrainingRowFingerprints(fitting: training, schema: Self.schema, seed: Seed(1), inputSHA256: "abc")
        #expect(fingerprints.columns == ["age", "city"])
        #expect(fingerprints.count == 4)
        let candidate = try Table(columns: [
            Column(name: "age", numbers: [41.5, 30, 30, nil]), Column(name: "city", strings: ["B, \"C\"", "B", nil, "A"]),
            Column(name: "email", strings: ["new@x.org", "q@x.org", "r@x.org", "s@x.org"]),
        ])
        #expect(try fingerprints.copies(in: candidate, schema: Self.schema) == [0, 2, 3])
    }

    @Test("stored in the model envelope as the last key and read back; the rows themselves are not stored; salts differ per input")
    func roundTrip() throws {
        let fingerprints = try TrainingRowFingerprints(fitting: try Self.table(), schema: Self.schema, seed: Seed(1), inputSHA256: "abc")
        let model = Data(#"{"format":"synthkit-model","kind":"x"}"#.utf8)
        let attached = try fingerprints.attaching(to: model)
        let text = String(decoding: attached, as: UTF8.self)
        #expect(text.hasPrefix(#"{"format":"synthkit-model","kind":"x","trainingRowFingerprints":{"#))
        #expect(!text.contains("41.5") && !text.contains("a@x.org"))
        #expect(try TrainingRowFingerprints.stored(in: attached, file: "m.synth") == fingerprints)
        #expect(try TrainingRowFingerprints.stored(in: model, file: "m.synth") == nil)
        let other = try TrainingRowFingerprints(fitting: try Self.table(), schema: Self.schema, seed: Seed(1), inputSHA256: "abd")
        #expect(other.salt != fingerprints.salt && other.hashes.isDisjoint(with: fingerprints.hashes))
        #expect(throws: SynthKitError.self) { try TrainingRowFingerprints.stored(in: Data(#"{"trainingRowFingerprints":{"formatVersion":1}}"#.utf8), file: "m") }
    }
}
