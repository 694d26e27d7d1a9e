import Foundation
import SynthKitCore
public import SynthKitTable

/// A keyed, blind, model-agnostic selection watermark for tables with no column the green list
/// can use (MUSE, Fang et al. 2025, arXiv 2505.24267; reference collapse-dp-watermark.md §3.1
/// and §3.3 item 2): the generator draws ``candidates`` rows per output row and keeps the first
/// whose keyed bit is 1 (the first candidate when none is).
///
/// Row bit. Each cell is reduced to a coarse feature: a number (stored as one, or text that
/// parses as one) to two significant digits (`1234.56` → `1.2e+03`), other text as written,
/// missing as empty. The row's feature is the cells' features joined in column-name order, so
/// reordering columns and rounding numbers to fewer decimals keep it. The bit is the low bit of
/// `SplitMix64.mix(key ⊕ FNV-1a(feature))`, the key from HMAC-SHA256 of the watermark key
/// (``WatermarkKey/selectionKey``).
///
/// Detection (``SelectionWatermarkDetector``): with `S` rows whose bit is 1 among `N`, and `n_t`
/// rows sharing distinct feature `t`, the bits of distinct features are fair coins under H0, so
/// `z = (S − N/2)/√(Σ_t n_t²/4)` (exact; `(S − N/2)/√(N/4)` when every row is distinct). A
/// marked table of distinct rows has `P(bit = 1) = 1 − 2^−c`, so `E[z] ≈ (1/2 − 2^−c)·2√N`
/// (`0.5·√N` for `c = 2`, `z ≈ 5` at `N = 100`).
///
/// Cost to fidelity: rows are reweighted, never edited, so every value stays a value the model
/// drew and constraints and conditions hold; a row feature `t` of probability `p_t` is kept
/// with probability `p_t·(1 + π₀)` when its bit is 1 and `p_t·π₀` when 0 (`c = 2`, `π₀` the
/// probability mass of bit-0 features), which averages out when features are many and fine (wide
/// tables, numbers) and shows as marginal distortion on narrow, low-cardinality tables.
/// Editing any cell's coarse feature, or dropping or renaming a column, re-randomises the row.
public struct SelectionWatermark: Sendable, Hashable {
    /// The 64-bit scheme key.
    public let key: UInt64
    /// Candidate rows drawn per output row (at least 2).
    public let candidates: Int

    /// Creates the scheme for `key` with `candidates` rows per output row.
    public init(key: WatermarkKey, candidates: Int = 2) {
        precondition(candidates >= 2, "a selection watermark needs at least 2 candidates per row, got \(candidates)")
        self.key = key.selectionKey
        self.candidates = candidates
    }

    /// The keyed bit of a row feature.
    public func bit(of feature: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in feature.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return SplitMix64.mix(key ^ hash) & 1 == 1
    }

    /// The feature of every row of `table` (see the type's documentation). O(rows × columns).
    public static func rowFeatures(_ table: Table) -> [String] {
        let columns = table.columns.sorted { $0.name < $1.name }
        return (0..<table.rowCount).map { row in
            var feature = ""
            for column in columns {
                feature += column.name + "\u{1F}" + cellFeature(column, row: row) + "\u{1E}"
            }
            return feature
        }
    }

    /// One cell's coarse feature.
    static func cellFeature(_ column: Column, row: Int) -> String {
        if let numbers = column.numbers {
            return numbers[row].isNaN ? "" : coarse(numbers[row])
        }
        guard let text = column.text(at: row) else { return "" }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed), value.isFinite { return coarse(value) }
        return trimmed
    }

    /// A number to two significant digits.
    static func coarse(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.1e", value)
    }

    /// The index of the kept candidate of each group of ``candidates`` consecutive rows (the last
    /// group may be shorter): the first whose bit is 1, else the group's first row.
    /// - Parameter features: the candidates' ``rowFeatures(_:)``, as a detector will read them.
    public func selectedRows(features: [String]) -> [Int] {
        stride(from: 0, to: features.count, by: candidates).map { start in
            let end = min(start + candidates, features.count)
            return (start..<end).first { bit(of: features[$0]) } ?? start
        }
    }

    /// One row per group of ``candidates`` consecutive rows of `candidateRows`, chosen by the
    /// features of `view` (the same rows as a detector will read them back, for example from the
    /// written CSV; `candidateRows` itself when `nil`).
    public func selecting(from candidateRows: Table, view: Table? = nil) -> Table {
        let reading = view ?? candidateRows
        precondition(reading.rowCount == candidateRows.rowCount, "view has \(reading.rowCount) rows, candidates \(candidateRows.rowCount)")
        return candidateRows.gatheringRows(selectedRows(features: Self.rowFeatures(reading)))
    }
}
