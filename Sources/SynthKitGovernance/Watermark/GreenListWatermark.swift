import Foundation
import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

/// A keyed, blind, distribution-free watermark on numerical cells: a green list over the
/// lowest printed digit (He, Yu, Ren, Wu, Cheng 2024, "Watermarking Generative Tabular Data",
/// arXiv 2405.14018, at the resolution of the column's decimal places).
///
/// A value `x` with `d` decimal places is the integer `k = round(x·10^d)`. Integers are paired,
/// `(2p, 2p+1)`, and the key picks one member of each pair as green:
/// `green(p) = mix(key ⊕ mix(p)) mod 2` (SplitMix64 finaliser, key from ``WatermarkKey/greenListKey``).
/// Marking moves a red value to the green member of its pair, a change of exactly one unit of
/// the last digit (`10^−d`); a move that would leave the column's observed range is skipped.
///
/// Eligible columns (``eligibleColumns(in:)``) have at least ``minimumCells`` present values,
/// no value holding more than ``maximumValueShare`` of them (or ``smallPointMass`` cells) (Adult's `capital_gain`, 92%
/// zeros, is left alone), and an informative share of at least ``minimumInformativeShare``
/// (see ``WatermarkDetector``). Other columns are never touched.
///
/// Robustness (reference §3.2): row deletion keeps `z ≈ √(ρN)`; re-randomising a share `a` of
/// cells gives `z ≈ √N·(1 − a)`; rounding to a coarser grid or noise of a unit or more removes it.
/// Cost: O(N) hashing per column.
public struct GreenListWatermark: Sendable, Hashable {
    /// The 64-bit scheme key.
    public let key: UInt64

    /// Fewest present cells for a column to be eligible.
    public static let minimumCells = 20
    /// Largest share of a column's present cells one value may hold.
    public static let maximumValueShare = 0.01
    /// A value may repeat this many times in any column (small tables resample values).
    public static let smallPointMass = 10
    /// Smallest informative share `Σ|c₀−c₁|/N` over a column's pairs.
    public static let minimumInformativeShare = 0.25
    /// Most decimal places considered.
    public static let maximumDecimalPlaces = 6

    /// Creates the scheme for `key`.
    public init(key: WatermarkKey) {
        self.key = key.greenListKey
    }

    /// Whether member `position` (0 or 1) of pair `pair` is green.
    public func isGreen(pair: Int64, position: Int64) -> Bool {
        let mixed = SplitMix64.mix(key ^ SplitMix64.mix(UInt64(bitPattern: pair)))
        return Int64(mixed & 1) == position
    }

    /// The unit integer of `value` at `decimalPlaces`, or nil when it is too large to represent.
    static func unitInteger(_ value: Double, decimalPlaces: Int) -> Int64? {
        let scaled = (value * pow(10, Double(decimalPlaces))).rounded()
        guard scaled.isFinite, abs(scaled) < 4.0e15 else { return nil }
        return Int64(scaled)
    }

    /// `(pair, position)` of a unit integer: `k = 2·pair + position`, floor division.
    static func pairOf(_ unit: Int64) -> (pair: Int64, position: Int64) {
        let pair = unit >= 0 ? unit / 2 : -((-unit + 1) / 2)
        return (pair, unit - 2 * pair)
    }

    /// The decimal places a column is printed with: the fewest (up to 6) that represent every
    /// present value to 1e-7 relative precision. Used by the detector, which has no schema.
    public static func decimalPlaces(of values: [Double]) -> Int {
        for places in 0...maximumDecimalPlaces {
            let scale = pow(10, Double(places))
            if values.allSatisfy({ value in
                let scaled = value * scale
                return abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled) * 1e-3)
            }) {
                return places
            }
        }
        return maximumDecimalPlaces
    }

    /// Whether a column's present values at `decimalPlaces` may carry the watermark.
    public static func isEligible(_ values: [Double], decimalPlaces: Int) -> Bool {
        guard values.count >= minimumCells else { return false }
        var valueCounts: [Int64: Int] = [:]
        var pairCounts: [Int64: (Int, Int)] = [:]
        for value in values {
            guard let unit = unitInteger(value, decimalPlaces: decimalPlaces) else { return false }
            valueCounts[unit, default: 0] += 1
            let (pair, position) = pairOf(unit)
            var counts = pairCounts[pair] ?? (0, 0)
            if position == 0 { counts.0 += 1 } else { counts.1 += 1 }
            pairCounts[pair] = counts
        }
        let largest = valueCounts.values.max() ?? 0
        let informative = pairCounts.values.reduce(0) { $0 + abs($1.0 - $1.1) }
        return Double(largest) <= max(maximumValueShare * Double(values.count), Double(smallPointMass))
            && Double(informative) >= minimumInformativeShare * Double(values.count)
    }

    /// The columns of `table` the watermark uses, with their decimal places: numeric storage,
    /// eligible values. `schema` (when given) restricts to `numerical` columns and supplies
    /// decimal places; without it they are read from the values (the detector's view).
    public static func eligibleColumns(in table: Table, schema: Schema? = nil) -> [(name: String, decimalPlaces: Int)] {
        var result: [(String, Int)] = []
        for column in table.columns {
            guard let numbers = column.numbers else { continue }
            let present = numbers.filter { !$0.isNaN }
            var places = decimalPlaces(of: present)
            if let schema {
                guard let columnSchema = schema.columns.first(where: { $0.name == column.name }),
                    columnSchema.kind == .numerical else { continue }
                if let facts = columnSchema.numerical {
                    places = facts.isInteger ? 0 : min(facts.decimalPlaces, maximumDecimalPlaces)
                }
            }
            if isEligible(present, decimalPlaces: places) { result.append((column.name, places)) }
        }
        return result
    }

    /// `table` with every eligible numerical column marked, except the `excluded` ones (for
    /// example columns fixed by conditioning, whose values must stay as asked); rows whose marked
    /// values break one of `constraints` are restored to their unmarked values (constraints are
    /// re-checked).
    public func marking(
        _ table: Table, schema: Schema, constraints: ConstraintSet? = nil, excluding excluded: Set<String> = []
    ) -> Table {
        var marked = table
        for (name, places) in Self.eligibleColumns(in: table, schema: schema) where !excluded.contains(name) {
            guard let column = table[name], let numbers = column.numbers else { continue }
            let present = numbers.filter { !$0.isNaN }
            guard let lowest = present.min(), let highest = present.max() else { continue }
            let scale = pow(10, Double(places))
            let moved = numbers.map { value -> Double in
                guard !value.isNaN, let unit = Self.unitInteger(value, decimalPlaces: places) else { return value }
                let (pair, position) = Self.pairOf(unit)
                if isGreen(pair: pair, position: position) { return value }
                let candidate = Double(2 * pair + (1 - position)) / scale
                return candidate >= lowest && candidate <= highest ? candidate : value
            }
            marked = marked.replacing(Column(name: name, values: .numeric(moved)))
        }
        guard let constraints, !constraints.constraints.isEmpty else { return marked }
        let violating = Set(constraints.violations(in: marked)).subtracting(constraints.violations(in: table))
        guard !violating.isEmpty else { return marked }
        var restored = marked
        for column in marked.columns {
            guard let markedNumbers = column.numbers, let original = table[column.name]?.numbers else { continue }
            var numbers = markedNumbers
            for row in violating { numbers[row] = original[row] }
            restored = restored.replacing(Column(name: column.name, values: .numeric(numbers)))
        }
        return restored
    }

    /// The rows of `table` that do not look marked: rows with at least one red cell among the
    /// eligible columns, or with no eligible cell. Every row this scheme marked is removed,
    /// and unmarked rows are removed with probability `2^−(eligible cells)`, at random by key.
    public func removingMarkedRows(_ table: Table) -> Table {
        let columns = Self.eligibleColumns(in: table)
        guard !columns.isEmpty else { return table }
        var keep: [Int] = []
        for row in 0..<table.rowCount {
            var cells = 0, green = 0
            for (name, places) in columns {
                guard let value = table[name]?.numbers?[row], !value.isNaN,
                    let unit = Self.unitInteger(value, decimalPlaces: places) else { continue }
                let (pair, position) = Self.pairOf(unit)
                cells += 1
                if isGreen(pair: pair, position: position) { green += 1 }
            }
            if cells == 0 || green < cells { keep.append(row) }
        }
        return table.gatheringRows(keep)
    }
}
