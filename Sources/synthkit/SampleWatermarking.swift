import ArgumentParser
import Foundation
import SynthKit

/// The watermark schemes `sample` and `watermark detect` accept.
enum WatermarkScheme: String, ExpressibleByArgument, CaseIterable {
    /// The green list when the table has an eligible numerical column, else selection.
    case auto
    /// Keyed moves of the last digit of eligible numerical cells.
    case greenList = "green-list"
    /// Keyed choice of one of two candidate rows per output row.
    case selection
}

/// How `sample` watermarks its rows once the scheme is resolved: the green list edits eligible
/// numerical cells of the drawn rows; selection draws ``candidatesPerRow`` rows per output row
/// and keeps one by the keyed bit of the row as the written CSV will read back.
struct SampleWatermarking {
    /// The secret key.
    let key: WatermarkKey
    /// `greenList` or `selection` (never `auto`).
    let scheme: WatermarkScheme

    /// Resolves `requested` for rows like `pilot`: `auto` is the green list when `pilot` has an
    /// eligible numerical column outside `excluded`, else selection.
    init(key: WatermarkKey, requested: WatermarkScheme, pilot: Table, schema: Schema, excluding excluded: Set<String>) {
        self.key = key
        if requested == .auto {
            let eligible = GreenListWatermark.eligibleColumns(in: pilot, schema: schema).filter { !excluded.contains($0.name) }
            scheme = eligible.isEmpty ? .selection : .greenList
        } else {
            scheme = requested
        }
    }

    /// Rows to draw per output row.
    var candidatesPerRow: Int { scheme == .selection ? 2 : 1 }

    /// The ledger note naming the key and scheme.
    var note: String { "watermark key \(key.identifier) (\(scheme.rawValue))" }

    /// The output rows from `candidates` (``candidatesPerRow`` consecutive rows per output row):
    /// marked cells, or the selected rows. Constraints are re-checked after green-list moves;
    /// `excluded` columns (conditioned ones) are never edited.
    func finish(
        _ candidates: Table, schema: Schema, constraints: ConstraintSet, excluding excluded: Set<String>
    ) throws(SynthKitError) -> Table {
        switch scheme {
        case .selection:
            let view = try CSVReader().read(data: try CSVWriter().encode(candidates, schema: schema), name: "candidates")
            return SelectionWatermark(key: key, candidates: candidatesPerRow).selecting(from: candidates, view: view)
        case .greenList, .auto:
            return GreenListWatermark(key: key).marking(candidates, schema: schema, constraints: constraints, excluding: excluded)
        }
    }
}
