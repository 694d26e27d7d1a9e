import Foundation
import SynthKitCore
public import SynthKitTable
import SynthKitMath

/// The blind detector of ``GreenListWatermark``: counts green cells in the eligible numerical
/// columns of a suspect table and tests them against chance.
///
/// Statistic. For each pair `p` of unit integers let `c₀, c₁` be how many cells fall on its two
/// members (over every eligible column) and `dₚ = c₀ − c₁`. With a key independent of the data
/// the green member is a fair coin, so `G − N/2 = Σₚ ±dₚ/2` with variance `Σₚ dₚ²/4`, and
/// `z = (G − N/2)/√(Σₚ dₚ²/4)` is the exact standardised statistic under H0. When every value is
/// distinct it is He et al.'s `z = (G − N/2)/√(N/4)`; repeated values and sequential ids (whose
/// pairs hold both members) are counted for what they are worth instead of inflating `z`. A fully
/// marked column of `N` distinct values gives `z = √N`. The p-value is one-sided, `1 − Φ(z)`.
/// Cost: O(N) with a hash map of pairs.
public struct WatermarkDetector: Sendable {
    /// The scheme whose key is tested.
    public let watermark: GreenListWatermark

    /// Creates a detector for `key`.
    public init(key: WatermarkKey) {
        watermark = GreenListWatermark(key: key)
    }

    /// Creates a detector for a scheme.
    public init(watermark: GreenListWatermark) {
        self.watermark = watermark
    }

    /// Tests `table` at false-positive rate `falsePositiveRate` (one-sided).
    public func detect(_ table: Table, falsePositiveRate: Double = 1e-3) -> WatermarkDetection {
        precondition(falsePositiveRate > 0 && falsePositiveRate < 1, "false-positive rate must be in (0, 1), got \(falsePositiveRate)")
        let columns = GreenListWatermark.eligibleColumns(in: table)
        var pairs: [Int64: (Int, Int)] = [:]
        var cells = 0, green = 0
        for (name, places) in columns {
            guard let numbers = table[name]?.numbers else { continue }
            for value in numbers where !value.isNaN {
                guard let unit = GreenListWatermark.unitInteger(value, decimalPlaces: places) else { continue }
                let (pair, position) = GreenListWatermark.pairOf(unit)
                cells += 1
                if watermark.isGreen(pair: pair, position: position) { green += 1 }
                var counts = pairs[pair] ?? (0, 0)
                if position == 0 { counts.0 += 1 } else { counts.1 += 1 }
                pairs[pair] = counts
            }
        }
        var variance = 0.0, informative = 0
        for counts in pairs.values {
            let difference = counts.0 - counts.1
            variance += Double(difference * difference) / 4
            informative += abs(difference)
        }
        let excess = Double(green) - Double(cells) / 2
        let z = variance > 0 ? excess / variance.squareRoot() : 0
        let threshold = NormalDistribution.quantile(1 - falsePositiveRate)
        return WatermarkDetection(
            z: z, pValue: NormalDistribution.survival(z), cellsUsed: cells, informativeCells: informative,
            greenCells: green, columns: columns.map(\.name), falsePositiveRate: falsePositiveRate,
            threshold: threshold, isWatermarked: cells > 0 && z > threshold)
    }
}
