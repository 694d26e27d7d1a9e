import SynthKitCore
@testable import SynthKitDeep
import Testing

@Suite struct KMeans1DTests {
    /// Three tight, far-apart groups: greedy k-means++ seeds one centre in each, and the
    /// labels split the rows by group, for every seed tried.
    @Test func separatedGroupsGetOneCentreEach() {
        var stream = Seed(5).stream()
        let values = (0..<300).map { Double(($0 % 3) * 100) + stream.nextNormal() }
        for seed in 0..<10 {
            var seeding = Seed(UInt64(seed)).stream()
            let centres = KMeans1D.seeding(values, clusters: 3, stream: &seeding)
            #expect(Set(centres.map { Int(($0 / 100).rounded()) }) == [0, 1, 2], "seed \(seed): \(centres)")
            let responsibilities = KMeans1D.labels(values, clusters: 3, seed: Seed(UInt64(seed)))
            let labels = (0..<values.count).map { row in (0..<3).first { responsibilities[row * 3 + $0] == 1 } ?? -1 }
            for row in 3..<values.count { #expect(labels[row] == labels[row % 3]) }
            #expect(Set(labels).count == 3)
        }
    }
}
