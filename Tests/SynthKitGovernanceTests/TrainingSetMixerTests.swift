import SynthKitCore
import SynthKitGovernance
import SynthKitTable
import Testing

@Suite struct TrainingSetMixerTests {
    static let real = DatasetFacts.declared(.real)
    static let synthetic = DatasetFacts(origin: .synthetic, generationDepth: 1, syntheticShare: 1)

    @Test func scalesSyntheticPartsDownToTheCap() throws {
        // 700 real + 600 synthetic at cap 0.3: f = 0.3·700 / (600 − 0.3·600) = 0.5 -> 300 synthetic rows.
        let plan = try TrainingSetMixer.plan(
            sizes: [700, 600], facts: [Self.real, Self.synthetic], paths: ["r", "s"], caps: .init(maxSyntheticShare: 0.3))
        #expect(plan.counts == [700, 300])
        #expect(plan.facts.syntheticShare == 0.3)
        #expect(plan.facts.generationDepth == 1)
    }

    @Test func refusesWithTheShareItWouldHaveMade() {
        do {
            _ = try TrainingSetMixer.plan(
                sizes: [100, 600], facts: [Self.real, Self.synthetic], paths: ["r", "s"],
                caps: .init(maxSyntheticShare: 0.3, rows: 400))
            Issue.record("a 400-row mix with 100 real rows cannot stay at 0.3")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("synthetic share 0.75"))
        }
    }

    @Test func seededChoiceIsReproducibleAndColumnsMustAgree() throws {
        let first = try Table(columns: [Column(name: "x", numbers: (0..<50).map { Double($0) })])
        let second = try Table(columns: [Column(name: "x", numbers: (0..<50).map { Double($0 + 100) })])
        let parts = [
            TrainingSetMixer.Part(path: "r.csv", table: first, facts: Self.real),
            TrainingSetMixer.Part(path: "s.csv", table: second, facts: Self.synthetic),
        ]
        let caps = TrainingSetMixer.Caps(maxSyntheticShare: 0.2)
        let one = try TrainingSetMixer.mix(parts, caps: caps, seed: Seed(3), provenanceColumn: "origin")
        let two = try TrainingSetMixer.mix(parts, caps: caps, seed: Seed(3), provenanceColumn: "origin")
        #expect(one.table == two.table)
        #expect(one.table.rowCount == 62)  // 50 real + floor(0.25·50) synthetic
        #expect(one.table.columnNames == ["x", "origin"])
        let renamed = try Table(columns: [Column(name: "y", numbers: [1])])
        #expect(throws: SynthKitError.self) {
            try TrainingSetMixer.mix(
                parts + [.init(path: "bad.csv", table: renamed, facts: Self.real)], caps: caps, seed: Seed(3), provenanceColumn: nil)
        }
    }
}
