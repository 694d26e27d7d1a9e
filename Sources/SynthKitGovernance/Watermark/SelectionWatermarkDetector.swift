import Foundation
public import SynthKitTable
import SynthKitMath

/// The blind detector of ``SelectionWatermark``: counts rows whose keyed bit is 1 and tests
/// them against chance with the exact variance of repeated rows.
///
/// `z = (S − N/2)/√(Σ_t n_t²/4)`, `t` over distinct row features, `n_t` their counts (see
/// ``SelectionWatermark``); the p-value is one-sided, `1 − Φ(z)`. Cost: O(rows × columns).
public struct SelectionWatermarkDetector: Sendable {
    /// The scheme whose key is tested.
    public let watermark: SelectionWatermark

    /// Creates a detector for a scheme.
    public init(watermark: SelectionWatermark) {
        self.watermark = watermark
    }

    /// Creates a detector for `key` (the candidate count does not matter to detection).
    public init(key: WatermarkKey) {
        watermark = SelectionWatermark(key: key)
    }

    /// Tests `table` at false-positive rate `falsePositiveRate` (one-sided).
    public func detect(_ table: Table, falsePositiveRate: Double = 1e-3) -> SelectionWatermarkDetection {
        detect(features: SelectionWatermark.rowFeatures(table), falsePositiveRate: falsePositiveRate)
    }

    /// Tests rows given by their ``SelectionWatermark/rowFeatures(_:)`` (computed once, tested
    /// against many keys).
    public func detect(features: [String], falsePositiveRate: Double = 1e-3) -> SelectionWatermarkDetection {
        precondition(falsePositiveRate > 0 && falsePositiveRate < 1, "false-positive rate must be in (0, 1), got \(falsePositiveRate)")
        var counts: [String: Int] = [:]
        for feature in features { counts[feature, default: 0] += 1 }
        var ones = 0, variance = 0.0
        for (feature, count) in counts {
            if watermark.bit(of: feature) { ones += count }
            variance += Double(count * count) / 4
        }
        let excess = Double(ones) - Double(features.count) / 2
        let z = variance > 0 ? excess / variance.squareRoot() : 0
        let threshold = NormalDistribution.quantile(1 - falsePositiveRate)
        return SelectionWatermarkDetection(
            z: z, pValue: NormalDistribution.survival(z), rowsUsed: features.count, distinctRows: counts.count,
            markedRows: ones, falsePositiveRate: falsePositiveRate, threshold: threshold,
            isWatermarked: !features.isEmpty && z > threshold)
    }
}
