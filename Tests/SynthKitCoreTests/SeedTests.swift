import SynthKitCore
import Testing

@Suite struct SeedTests {
    @Test func derivedSeedsAreStableAndDistinct() {
        let root = Seed(42)
        #expect(root.derived("a") == Seed(42).derived("a"))
        #expect(root.derived("a") != root.derived("b"))
        #expect(root.derived("a") != Seed(43).derived("a"))
        #expect(root.derived("chunk", index: 1) != root.derived("chunk", index: 2))
    }

    @Test func streamIsReproducible() {
        var first = Seed(7).stream()
        var second = Seed(7).stream()
        for _ in 0..<100 { #expect(first.next() == second.next()) }
    }

    @Test func uniformsLieInUnitInterval() {
        var stream = Seed(1).stream()
        var sum = 0.0
        for _ in 0..<100_000 {
            let value = stream.nextUniform()
            #expect(value >= 0 && value < 1)
            sum += value
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.01)
    }

    @Test func normalsHaveUnitMoments() {
        var stream = Seed(3).stream()
        var sum = 0.0
        var sumSquares = 0.0
        let count = 200_000
        for _ in 0..<count {
            let value = stream.nextNormal()
            sum += value
            sumSquares += value * value
        }
        let mean = sum / Double(count)
        #expect(abs(mean) < 0.01)
        #expect(abs(sumSquares / Double(count) - mean * mean - 1) < 0.02)
    }

    @Test func seedRoundTripsThroughJSON() throws {
        for raw: UInt64 in [0, 7, 1 << 60, .max] {
            let data = try JSONCoding.encode(Seed(raw))
            #expect(try JSONCoding.decode(Seed.self, from: data, file: "seed.json") == Seed(raw))
        }
    }
}
