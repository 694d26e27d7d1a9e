import Foundation
import SynthKitCore
import SynthKitGovernance
import SynthKitTable
import Testing

/// The MUSE-style selection watermark (collapse-dp-watermark.md §3.1, §3.3 item 2): detection
/// on marked output, false-positive rate over random keys, and what it survives.
@Suite struct SelectionWatermarkTests {
    let key = WatermarkKey.derived(from: Seed(77))

    /// `rows` rows of six categorical columns of eight levels and a small integer column (no
    /// column the green list can use); rows are almost all distinct.
    func categoricalTable(rows: Int, seed: UInt64, levels: Int = 8, columns: Int = 6) throws -> Table {
        var stream = Seed(seed).stream()
        var result: [Column] = []
        for index in 0..<columns {
            result.append(Column(
                name: "c\(index)", strings: (0..<rows).map { _ in "level\(stream.nextIndex(below: levels))" }))
        }
        result.append(Column(name: "years", numbers: (0..<rows).map { _ in Double(18 + stream.nextIndex(below: 40)) }))
        return try Table(columns: result)
    }

    @Test func markedOutputIsDetectedAtTheExpectedRate() throws {
        let candidates = try categoricalTable(rows: 2000, seed: 1)
        #expect(GreenListWatermark.eligibleColumns(in: candidates).isEmpty)
        let watermark = SelectionWatermark(key: key)
        let marked = watermark.selecting(from: candidates)
        #expect(marked.rowCount == 1000)
        let detection = SelectionWatermarkDetector(watermark: watermark).detect(marked)
        // P(bit = 1) = 1 − 2^−2 = 0.75 for distinct rows; z ≈ 0.5·√N = 15.8.
        let share = Double(detection.markedRows) / 1000
        #expect(abs(share - 0.75) < 3.3 * (0.75 * 0.25 / 1000).squareRoot(), "share \(share)")
        #expect(detection.distinctRows > 990 && detection.isWatermarked && detection.z > 12, "z \(detection.z)")
        let other = SelectionWatermarkDetector(key: WatermarkKey.derived(from: Seed(78))).detect(marked)
        #expect(!other.isWatermarked, "another key's z \(other.z)")
    }

    @Test(arguments: [(8, 6), (3, 2)])
    func falsePositiveRateOverRandomKeysIsBounded(levels: Int, columns: Int) throws {
        // (3, 2) has 9 distinct rows among 2,000: the exact variance keeps z standardised.
        let table = try categoricalTable(rows: 2000, seed: 3, levels: levels, columns: columns).selecting((0..<columns).map { "c\($0)" })
        let features = SelectionWatermark.rowFeatures(table)
        var falsePositives = 0
        var scores: [Double] = []
        for index in 0..<1000 {
            let detection = SelectionWatermarkDetector(key: WatermarkKey.derived(from: Seed(UInt64(50_000 + index))))
                .detect(features: features)
            scores.append(detection.z)
            if detection.isWatermarked { falsePositives += 1 }
        }
        #expect(falsePositives <= 5)
        let mean = scores.reduce(0, +) / 1000
        let deviation = (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 999).squareRoot()
        #expect(abs(mean) < 0.15 && abs(deviation - 1) < 0.15, "z mean \(mean), sd \(deviation)")
    }

    @Test(arguments: [0.25, 0.5])
    func deletionKeepsHalfTheSquareRootOfKeptRows(keptShare: Double) throws {
        let watermark = SelectionWatermark(key: key)
        let marked = watermark.selecting(from: try categoricalTable(rows: 4000, seed: 5))
        let kept = marked.prefix(Int(keptShare * 2000))
        let detection = SelectionWatermarkDetector(watermark: watermark).detect(kept)
        let expected = 0.5 * (keptShare * 2000).squareRoot()
        #expect(abs(detection.z - expected) < 3.5, "z \(detection.z) vs \(expected)")
    }

    @Test func survivesReorderingAndRoundingButNotADroppedColumn() throws {
        var stream = Seed(9).stream()
        let base = try categoricalTable(rows: 1200, seed: 7)
        let amounts = (0..<1200).map { _ in ((5000 + 1500 * stream.nextNormal()) * 100).rounded() / 100 }
        let candidates = try Table(columns: base.columns + [Column(name: "amount", numbers: amounts)])
        let watermark = SelectionWatermark(key: key)
        let detector = SelectionWatermarkDetector(watermark: watermark)
        let marked = watermark.selecting(from: candidates)
        let reordered = try Table(columns: marked.columns.reversed())
        #expect(detector.detect(reordered).z == detector.detect(marked).z)
        let rounded = marked.replacing(Column(name: "amount", numbers: (marked["amount"]?.numbers ?? []).map { $0.rounded() }))
        #expect(detector.detect(rounded).z > 0.8 * detector.detect(marked).z, "rounded z \(detector.detect(rounded).z)")
        let dropped = try marked.selecting(marked.columnNames.filter { $0 != "c0" })
        #expect(abs(detector.detect(dropped).z) < 4, "dropped-column z \(detector.detect(dropped).z)")
    }

    @Test func viewChoosesTheSameRowsAsTheDetectorReads() throws {
        let candidates = try categoricalTable(rows: 600, seed: 11)
        let watermark = SelectionWatermark(key: key)
        let text = String(decoding: try CSVWriter().encode(candidates), as: UTF8.self)
        let view = try CSVReader().read(data: Data(text.utf8), name: "candidates.csv")
        let chosen = watermark.selectedRows(features: SelectionWatermark.rowFeatures(view))
        #expect(chosen == watermark.selectedRows(features: SelectionWatermark.rowFeatures(candidates)))
        #expect(chosen.enumerated().allSatisfy { group, row in row / 2 == group })
    }
}
