import Foundation
import SynthKitTable

/// The outcome of ``SelectionWatermarkDetector/detect(_:falsePositiveRate:)``.
public struct SelectionWatermarkDetection: Codable, Sendable, Equatable {
    /// The scheme's name in output: `selection`.
    public var scheme = "selection"
    /// The standardised count of rows whose bit is 1 (≈ N(0, 1) without the watermark).
    public var z: Double
    /// One-sided p-value `1 − Φ(z)`.
    public var pValue: Double
    /// Rows tested.
    public var rowsUsed: Int
    /// Distinct row features (repeated rows count once in the variance's coins).
    public var distinctRows: Int
    /// Rows whose keyed bit is 1 (half, by chance, without the watermark).
    public var markedRows: Int
    /// The false-positive rate the verdict is taken at.
    public var falsePositiveRate: Double
    /// `Φ⁻¹(1 − falsePositiveRate)`.
    public var threshold: Double
    /// Whether `z` exceeds the threshold.
    public var isWatermarked: Bool

    /// One line for people: verdict, z, p and rows.
    public var verdictText: String {
        let verdict = rowsUsed == 0 ? "no rows: cannot test" : isWatermarked ? "watermarked" : "no watermark detected"
        let pText = pValue >= 1e-3 ? NumberFormatting.fixed(pValue, places: 4) : String(format: "%.2e", pValue)
        return "\(verdict) (selection scheme: z = \(NumberFormatting.fixed(z, places: 2)), p = \(pText), threshold z > "
            + "\(NumberFormatting.fixed(threshold, places: 2)) for a false-positive rate of \(falsePositiveRate); "
            + "\(markedRows) of \(rowsUsed) rows carry the keyed bit, \(distinctRows) distinct)"
    }
}
