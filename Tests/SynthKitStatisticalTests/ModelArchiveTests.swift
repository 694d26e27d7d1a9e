import Foundation
import SynthKit
import SynthKitTestSupport
import Testing

@Suite struct ModelArchiveTests {
    static let archive: Data = {
        let (table, schema) = SynthesisFixtures.mixed(rows: 60)
        let model = try? GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(0)))
        return model.flatMap { try? SynthesizerRegistry.standard.encode($0) } ?? Data()
    }()

    func decode(_ data: Data) -> SynthKitError? {
        do {
            _ = try SynthesizerRegistry.standard.decode(data, file: "model.synth")
            return nil
        } catch {
            return error
        }
    }

    func edited(_ transform: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: Self.archive) as? [String: Any])
        transform(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test func envelopeCarriesHeaderAndProvenance() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Self.archive) as? [String: Any])
        #expect(object["format"] as? String == "synthkit-model")
        #expect(object["formatVersion"] as? Int == 1)
        #expect(object["kind"] as? String == "gaussian-copula")
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect(provenance["privacy"] == nil || provenance["privacy"] is NSNull)
        #expect(provenance["seed"] as? String == "0")
        #expect(decode(Self.archive) == nil)
    }

    @Test func rejectsWhatIsNotAModelFile() throws {
        #expect(decode(Data("not json".utf8))?.code == .corruptArchive)
        #expect(decode(Data("[1, 2]".utf8))?.code == .corruptArchive)
        let wrongFormat = try edited { $0["format"] = "synthkit-schema" }
        #expect(decode(wrongFormat)?.location?.field == "format")
        let wrongType = try edited { $0["formatVersion"] = "one" }
        #expect(decode(wrongType)?.location?.field == "formatVersion")
    }

    @Test func explainsNewerVersionsAndUnknownKinds() throws {
        let newer = try #require(decode(try edited { $0["formatVersion"] = 2 }))
        #expect(newer.code == .unsupported && newer.message.contains("up to 1"))
        let unknown = try #require(decode(try edited { $0["kind"] = "tab-ddpm" }))
        #expect(unknown.code == .unsupported && unknown.message.contains("gaussian-copula"))
        #expect(decode(try edited { $0["kind"] = "" })?.code == .corruptArchive)
    }

    @Test func locatesCorruptPayloads() throws {
        let badCorrelation = try edited { object in
            var model = object["model"] as? [String: Any] ?? [:]
            model["correlation"] = "AAAA"
            object["model"] = model
        }
        let error = try #require(decode(badCorrelation))
        #expect(error.code == .corruptArchive && error.location?.field == "model.correlation")
        let badColumns = try edited { object in
            var model = object["model"] as? [String: Any] ?? [:]
            model["columns"] = 5
            object["model"] = model
        }
        #expect(decode(badColumns)?.location?.field == "model.columns")
        let badGroup = try edited { object in
            var model = object["model"] as? [String: Any] ?? [:]
            var groups = model["groups"] as? [[String: Any]] ?? []
            if !groups.isEmpty { groups[0]["combinations"] = [[0]] }
            model["groups"] = groups
            object["model"] = model
        }
        #expect(decode(badGroup)?.location?.field == "model.groups[0]")
    }

    @Test func neverCrashesOnTruncatedOrFlippedBytes() {
        let bytes = [UInt8](Self.archive)
        var failures = 0
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 150)) {
            if decode(Data(bytes[0..<cut])) != nil { failures += 1 }
        }
        #expect(failures > 140)
        var stream = Seed(99).stream()
        for _ in 0..<200 {
            var mutated = bytes
            let position = stream.nextIndex(below: mutated.count)
            mutated[position] ^= UInt8(1 << stream.nextIndex(below: 8))
            if let model = try? SynthesizerRegistry.standard.decode(Data(mutated), file: "x") {
                // A flip that still decodes must give a usable model.
                _ = try? model.sample(count: 20, seed: Seed(1))
            }
        }
    }

    @Test func base64DoublesRoundTripEveryBitPattern() throws {
        let values = [0, -0.0, 1.5, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, 123_456.789]
        let data = try JSONCoding.encode(Base64Doubles(values))
        let decoded = try JSONCoding.decode(Base64Doubles.self, from: data, file: "x")
        #expect(decoded.values.elementsEqual(values) { $0.bitPattern == $1.bitPattern })
        #expect(throws: SynthKitError.self) { try JSONCoding.decode(Base64Doubles.self, from: Data("\"AAA=\"".utf8), file: "x") }
        #expect(throws: SynthKitError.self) { try JSONCoding.decode(Base64Doubles.self, from: Data("\"%%\"".utf8), file: "x") }
    }
}
