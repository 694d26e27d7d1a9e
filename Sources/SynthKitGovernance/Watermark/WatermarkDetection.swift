import Foundation
import SynthKitTable

/// The outcome of ``WatermarkDetector/detect(_:falsePositiveRate:)``.
public struct WatermarkDetection: Codable, Sendable, Equatable {
    /// The scheme's name in output: `green-list`.
    public var scheme = "green-list"
    /// The standardised green count (≈ N(0, 1) without the watermark).
    public var z: Double
    /// One-sided p-value `1 − Φ(z)`.
    public var pValue: Double
    /// Cells in eligible columns.
    public var cellsUsed: Int
    /// `Σ|c₀ − c₁|` over pairs: the cells that carry evidence.
    public var informativeCells: Int
    /// Cells on their pair's green member.
    public var greenCells: Int
    /// The eligible columns, in table order.
    public var columns: [String]
    /// The false-positive rate the verdict is taken at.
    public var falsePositiveRate: Double
    /// `Φ⁻¹(1 − falsePositiveRate)`.
    public var threshold: Double
    /// Whether `z` exceeds the threshold.
    public var isWatermarked: Bool

    /// One line for people: verdict, z, p, cells and columns.
    public var verdictText: String {
        let verdict = cellsUsed == 0
            ? "no eligible numerical column: cannot test"
            : isWatermarked ? "watermarked" : "no watermark detected"
        return "\(verdict) (z = \(NumberFormatting.fixed(z, places: 2)), p = \(pValueText), threshold z > "
            + "\(NumberFormatting.fixed(threshold, places: 2)) for a false-positive rate of \(falsePositiveRate); "
            + "\(cellsUsed) cells in \(columns.isEmpty ? "no columns" : columns.joined(separator: ", ")))"
    }

    /// The p-value in scientific notation when small.
    var pValueText: String {
        pValue >= 1e-3 ? NumberFormatting.fixed(pValue, places: 4) : String(format: "%.2e", pValue)
    }
}
