import Foundation
import SynthKitCore
import SynthKitEvaluation
import SynthKitGovernance
import SynthKitMath
import SynthKitTable
import Testing

/// Detection laws of collapse-dp-watermark.md §3.2 / §5 item 16 and the fidelity cost.
@Suite struct GreenListWatermarkTests {
    /// A continuous column with two decimals (distinct values), as a one-column table.
    func continuousTable(rows: Int, seed: UInt64, name: String = "amount") throws -> Table {
        var stream = Seed(seed).stream()
        let values = (0..<rows).map { _ in ((50_000 + 10_000 * stream.nextNormal()) * 100).rounded() / 100 }
        return try Table(columns: [Column(name: name, numbers: values)])
    }

    func schema(of table: Table) -> Schema { SchemaInference.infer(table: table) }

    let key = WatermarkKey.derived(from: Seed(2024))

    @Test func fullyMarkedColumnGivesSquareRootOfN() throws {
        let table = try continuousTable(rows: 2000, seed: 1)
        let watermark = GreenListWatermark(key: key)
        let marked = watermark.marking(table, schema: schema(of: table))
        let detection = WatermarkDetector(watermark: watermark).detect(marked)
        #expect(detection.columns == ["amount"] && detection.cellsUsed == 2000)
        #expect(abs(detection.z - 2000.0.squareRoot()) < 1.5, "z \(detection.z)")
        #expect(detection.isWatermarked && detection.pValue < 1e-30)
        let changes = zip(table["amount"]?.numbers ?? [], marked["amount"]?.numbers ?? []).map { abs($0 - $1) }
        #expect((changes.max() ?? 1) <= 0.0100001)
        let other = WatermarkDetector(key: WatermarkKey.derived(from: Seed(7))).detect(marked)
        #expect(!other.isWatermarked, "another key's z \(other.z)")
    }

    @Test func falsePositiveRateOverRandomKeysIsBounded() throws {
        // 1,000 keys on unmarked data at z > 3.09 (alpha = 1e-3): expect about 1, allow 5.
        let table = try continuousTable(rows: 400, seed: 3)
        var falsePositives = 0
        var scores: [Double] = []
        for index in 0..<1000 {
            let detection = WatermarkDetector(key: WatermarkKey.derived(from: Seed(UInt64(10_000 + index)))).detect(table)
            scores.append(detection.z)
            if detection.isWatermarked { falsePositives += 1 }
        }
        #expect(falsePositives <= 5)
        let mean = scores.reduce(0, +) / 1000
        let deviation = (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 999).squareRoot()
        #expect(abs(mean) < 0.15 && abs(deviation - 1) < 0.15, "z mean \(mean), sd \(deviation)")
    }

    @Test(arguments: [0.25, 0.5])
    func deletionKeepsSquareRootOfKeptCells(keptShare: Double) throws {
        let table = try continuousTable(rows: 2000, seed: 5)
        let watermark = GreenListWatermark(key: key)
        let marked = watermark.marking(table, schema: schema(of: table))
        let kept = marked.prefix(Int(keptShare * 2000))
        let detection = WatermarkDetector(watermark: watermark).detect(kept)
        #expect(abs(detection.z - (keptShare * 2000).squareRoot()) < 1.0, "z \(detection.z)")
    }

    @Test(arguments: [0.3, 0.6])
    func reRandomisingAShareScalesZByOneMinusIt(share: Double) throws {
        let table = try continuousTable(rows: 2000, seed: 6)
        let fresh = try continuousTable(rows: 2000, seed: 7)
        let watermark = GreenListWatermark(key: key)
        let marked = watermark.marking(table, schema: schema(of: table))
        let replaced = Int(share * 2000)
        let values = Array((fresh["amount"]?.numbers ?? [])[0..<replaced]) + Array((marked["amount"]?.numbers ?? [])[replaced...])
        let mixed = try Table(columns: [Column(name: "amount", numbers: values)])
        let detection = WatermarkDetector(watermark: watermark).detect(mixed)
        let expected = 2000.0.squareRoot() * (1 - share)
        #expect(abs(detection.z - expected) < 3, "z \(detection.z) vs \(expected)")
    }

    /// Green share after adding N(0, s²) noise (in units of the last digit) and rounding back:
    /// with `q_j = P(round(noise) = j)`, `P(green) = q₀ + (1 − q₀ − q₁ − q₋₁)/2 + (q₁ + q₋₁)/4`,
    /// since a shift of one unit lands on the red partner half the time and on a random pair
    /// otherwise, and longer shifts land on random pairs [derived for this discrete scheme].
    ///
    /// Against reference §3.2 (continuous fractional scheme, `2m` sub-intervals, `m = 10`): one
    /// unit here is one sub-interval there, so the reference's noise `s` is `2m·s = 20·s` units;
    /// the arguments are its `s = 0.01, 0.02, 0.03, 0.05, 0.08`. Exact curves at those points:
    ///
    /// | s | units | this scheme | §3.2 alternating (closed form) | §3.2 keyed random (MC) |
    /// |---|---|---|---|---|
    /// | 0.01 | 0.2 | 0.9907 | 0.8404 | 0.858 |
    /// | 0.02 | 0.4 | 0.8416 | 0.6841 | 0.777 |
    /// | 0.03 | 0.6 | 0.6996 | 0.5686 | 0.684 |
    /// | 0.05 | 1.0 | 0.5706 | 0.5029 | 0.618 |
    /// | 0.08 | 1.6 | 0.5211 | 0.5000 | 0.52 |
    ///
    /// Marked values here sit at the centre of their unit, where the reference's are spread over
    /// the sub-interval, so small noise rarely crosses a boundary: the curve starts higher, falls
    /// faster near one unit and is gone at 1.6 units, as the reference's is at `s = 0.08`
    /// ("essentially gone once s ≳ 1/m"). The test checks the exact curve within 3 SE, that it
    /// never falls below §3.2's alternating closed form, and that it is gone at `s = 0.08`.
    @Test(arguments: [0.01, 0.02, 0.03, 0.05, 0.08])
    func noiseDecayFollowsTheDiscreteCurveAndTheReferenceScale(referenceNoise: Double) throws {
        let noise = 20 * referenceNoise
        let table = try continuousTable(rows: 20_000, seed: 21)
        let watermark = GreenListWatermark(key: key)
        let marked = watermark.marking(table, schema: schema(of: table))
        var stream = Seed(22).stream()
        let noisy = (marked["amount"]?.numbers ?? []).map { (($0 * 100).rounded() + (noise * stream.nextNormal()).rounded()) / 100 }
        let detection = WatermarkDetector(watermark: watermark).detect(try Table(columns: [Column(name: "amount", numbers: noisy)]))
        func roundsTo(_ shift: Double) -> Double {
            NormalDistribution.cdf((shift + 0.5) / noise) - NormalDistribution.cdf((shift - 0.5) / noise)
        }
        let stay = roundsTo(0), neighbours = roundsTo(1) + roundsTo(-1)
        let expected = stay + (1 - stay - neighbours) / 2 + neighbours / 4
        let observed = Double(detection.greenCells) / Double(detection.cellsUsed)
        let standardError = (expected * (1 - expected) / Double(detection.cellsUsed)).squareRoot()
        #expect(abs(observed - expected) <= 3 * standardError + 1e-9, "green share \(observed) vs \(expected)")
        let alternating = 0.5 + stride(from: 1, through: 199, by: 2).reduce(0.0) { sum, harmonic in
            let k = Double(harmonic)
            return sum + 4 / (Double.pi * Double.pi * k * k) * exp(-2 * Double.pi * Double.pi * k * k * referenceNoise * referenceNoise * 100)
        }
        #expect(observed >= alternating - 3 * standardError, "green share \(observed) below the §3.2 alternating curve \(alternating)")
        if referenceNoise >= 0.08 { #expect(observed < 0.53, "green share \(observed) at s = 0.08") }
    }

    @Test func adultLikeColumnsKeepFidelityAndPointMassesAreLeftAlone() throws {
        func adultLike(seed: UInt64) throws -> Table {
            var stream = Seed(seed).stream()
            var weight: [Double] = [], gain: [Double] = [], age: [Double] = []
            for _ in 0..<5000 {
                weight.append(exp(12.1 + 0.5 * stream.nextNormal()).rounded())
                gain.append(stream.nextUniform() < 0.92 ? 0 : Double(1000 + stream.nextIndex(below: 99_000)))
                age.append(Double(17 + stream.nextIndex(below: 74)))
            }
            return try Table(columns: [
                Column(name: "fnlwgt", numbers: weight), Column(name: "capital_gain", numbers: gain), Column(name: "age", numbers: age),
            ])
        }
        let real = try adultLike(seed: 11), synthetic = try adultLike(seed: 12)
        let marked = GreenListWatermark(key: key).marking(synthetic, schema: schema(of: synthetic))
        #expect(GreenListWatermark.eligibleColumns(in: synthetic).map(\.name) == ["fnlwgt"])
        #expect(marked["capital_gain"] == synthetic["capital_gain"] && marked["age"] == synthetic["age"])
        let before = try KSComplement().score(real: try #require(real["fnlwgt"]), synthetic: try #require(synthetic["fnlwgt"])) ?? 0
        let after = try KSComplement().score(real: try #require(real["fnlwgt"]), synthetic: try #require(marked["fnlwgt"])) ?? 0
        #expect(before - after <= 0.005, "KSComplement \(before) -> \(after)")
        #expect(WatermarkDetector(key: key).detect(marked).isWatermarked)
    }

    @Test func filteringRemovesMarkedRowsAndAboutHalfOfOthers() throws {
        let table = try continuousTable(rows: 1000, seed: 8)
        let watermark = GreenListWatermark(key: key)
        #expect(watermark.removingMarkedRows(watermark.marking(table, schema: schema(of: table))).rowCount <= 5)
        let kept = watermark.removingMarkedRows(table).rowCount
        #expect(kept > 420 && kept < 580, "kept \(kept) of 1000 unmarked rows")
    }

    @Test func keyFilesRoundTripAndShortKeysAreRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/k"
        let generated = WatermarkKey.generate()
        try (generated.fileText + "  \n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try WatermarkKey.load(path: path) == generated)
        #expect(generated != WatermarkKey.generate())
        try (Data([1, 2, 3]).base64EncodedString() + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: SynthKitError.self) { try WatermarkKey.load(path: path) }
        #expect(throws: SynthKitError.self) { try WatermarkKey.load(path: directory + "/missing") }
    }

    @Test func keyIdentifierIsTheSHA256PrefixOfTheKey() throws {
        let key = try WatermarkKey(bytes: Array(0..<32))
        // python3 -c "import hashlib; print(hashlib.sha256(bytes(range(32))).hexdigest()[:16])"
        #expect(key.identifier == "630dcd2966c43366")
        #expect(WatermarkKey.generate().identifier != key.identifier)
    }

    @Test func excludedColumnsAreLeftUntouched() throws {
        let table = try Table(columns: [
            try #require(try continuousTable(rows: 500, seed: 31)["amount"]),
            try #require(try continuousTable(rows: 500, seed: 32, name: "weight")["weight"]),
        ])
        let watermark = GreenListWatermark(key: key)
        let marked = watermark.marking(table, schema: schema(of: table), excluding: ["amount"])
        #expect(marked["amount"] == table["amount"])
        #expect(marked["weight"] != table["weight"])
        #expect(WatermarkDetector(watermark: watermark).detect(try marked.selecting(["weight"])).isWatermarked)
    }
}
