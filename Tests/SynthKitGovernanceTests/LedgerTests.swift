import Foundation
import SynthKitCore
import SynthKitGovernance
import Testing

@Suite struct LedgerTests {
    /// Records a committed entry reading `inputs` and writing one data output with `facts`.
    static func record(
        _ ledger: Ledger, command: String, inputs: [LedgerArtifact], output: String, sha256: String, kind: LedgerArtifact.Kind,
        facts: DatasetFacts, rows: Int? = nil
    ) throws -> Int64 {
        let planned = LedgerArtifact(path: output, sha256: nil, kind: kind, rows: rows, facts: facts)
        let id = try ledger.begin(LedgerEntry(command: command, inputs: inputs, outputs: [planned]))
        var written = planned
        written.sha256 = sha256
        try ledger.commit(id, outputs: [written])
        return id
    }

    @Test func depthAndShareFollowFitSampleMixFit() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = try Ledger(path: directory + "/ledger.sqlite")
        let realFacts = try ledger.resolve(sha256: "real", declared: .real, file: "real.csv")
        #expect(realFacts.generationDepth == 0 && realFacts.syntheticShare == 0)
        let real = LedgerArtifact(path: "real.csv", sha256: "real", kind: .data, rows: 700, facts: realFacts)
        _ = try Self.record(ledger, command: "fit", inputs: [real], output: "m1", sha256: "m1", kind: .model, facts: realFacts)
        let model = try #require(try ledger.facts(of: "m1", kind: .model))
        let sampled = model.sampled()
        #expect(sampled.generationDepth == 1 && sampled.syntheticShare == 1 && sampled.origin == .synthetic)
        let modelInput = LedgerArtifact(path: "m1", sha256: "m1", kind: .model, facts: model)
        _ = try Self.record(ledger, command: "sample", inputs: [modelInput], output: "s1", sha256: "s1", kind: .data, facts: sampled, rows: 300)

        // A mix of 700 real rows and 300 depth-1 synthetic rows: depth 1, share 0.3.
        let s1 = try ledger.resolve(sha256: "s1", declared: .synthetic, file: "s1.csv")
        let mixed = DatasetFacts.mixing([(realFacts, 700), (s1, 300)])
        #expect(mixed.generationDepth == 1)
        #expect(abs((mixed.syntheticShare ?? -1) - 0.3) < 1e-12)
        #expect(mixed.origin == .mixed)
        let mixId = try Self.record(
            ledger, command: "mix",
            inputs: [real, LedgerArtifact(path: "s1", sha256: "s1", kind: .data, rows: 300, facts: s1)],
            output: "mix", sha256: "mix", kind: .data, facts: mixed, rows: 1000)

        // Fit on the mix, sample: depth 2, share 1; mixing that with the first mix (500 + 500 rows):
        // depth max(1, 2) = 2, share (0.3·500 + 1·500)/1000 = 0.65.
        let mixKnown = try ledger.resolve(sha256: "mix", declared: nil, file: "mix.csv")
        #expect(mixKnown.producedBy == mixId)
        _ = try Self.record(
            ledger, command: "fit", inputs: [LedgerArtifact(path: "mix", sha256: "mix", kind: .data, facts: mixKnown)],
            output: "m2", sha256: "m2", kind: .model, facts: mixKnown)
        let second = try #require(try ledger.facts(of: "m2", kind: .model)).sampled()
        #expect(second.generationDepth == 2)
        let remix = DatasetFacts.mixing([(mixKnown, 500), (second, 500)])
        #expect(remix.generationDepth == 2)
        #expect(abs((remix.syntheticShare ?? -1) - 0.65) < 1e-12)
        let lineage = try ledger.lineage(of: mixId)
        #expect(lineage.entries.map(\.command) == ["mix", "sample", "fit"])
        #expect(lineage.sources.count == 2)  // real.csv read by the mix and by the fit
        #expect(lineage.renderDot().contains("e2 -> e3"))
    }

    @Test func unknownStaysUnknownAndPoisonsArithmetic() {
        let unknown = DatasetFacts.declared(nil)
        #expect(unknown.origin == .unknown && unknown.generationDepth == nil)
        #expect(unknown.sampled().generationDepth == nil && unknown.sampled().syntheticShare == 1)
        let mixed = DatasetFacts.mixing([(.declared(.real), 10), (unknown, 10)])
        #expect(mixed.syntheticShare == nil && mixed.origin == .unknown)
        #expect(DatasetFacts.mixing([(.declared(.real), 10), (unknown, 0)]).syntheticShare == 0)
    }

    @Test func declarationContradictingTheLedgerIsAnError() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = try Ledger(path: directory + "/ledger.sqlite")
        _ = try Self.record(
            ledger, command: "sample", inputs: [], output: "s.csv", sha256: "abc", kind: .data,
            facts: DatasetFacts(origin: .synthetic, generationDepth: 1, syntheticShare: 1))
        #expect(throws: SynthKitError.self) { try ledger.resolve(sha256: "abc", declared: .real, file: "s.csv") }
        // The ledger overrides a missing or agreeing declaration.
        #expect(try ledger.resolve(sha256: "abc", declared: nil, file: "s.csv").generationDepth == 1)
        #expect(try ledger.resolve(sha256: "abc", declared: .synthetic, file: "s.csv").generationDepth == 1)
    }

    @Test func pendingEntriesStayPendingAndDoNotCount() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = try Ledger(path: directory + "/ledger.sqlite")
        let planned = LedgerArtifact(path: "out.csv", sha256: "zzz", kind: .data, facts: .declared(.synthetic))
        let id = try ledger.begin(LedgerEntry(command: "sample", outputs: [planned]))
        #expect(try ledger.entry(id).status == .pending)
        #expect(try ledger.facts(of: "zzz", kind: .data) == nil)
        // Reopening migrates nothing and keeps the entry.
        let reopened = try Ledger(path: directory + "/ledger.sqlite")
        #expect(try reopened.entries().count == 1)
        #expect(throws: SynthKitError.self) { try reopened.entry(99) }
    }

    @Test func corruptedLedgerIsAClearErrorAndIsNotRewritten() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/ledger.sqlite"
        let garbage = Data(repeating: 0x5a, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try Ledger(path: path)
            Issue.record("opening a corrupted ledger must fail")
        } catch {
            #expect(error.code == .corruptArchive)
            #expect(error.description.contains(".recover"))
            #expect(error.description.contains(path))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }
}
