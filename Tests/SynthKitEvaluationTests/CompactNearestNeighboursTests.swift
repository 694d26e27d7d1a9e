import Foundation
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("Compact one-hot nearest neighbours")
struct CompactNearestNeighboursTests {
    @Test("compact distances equal the dense one-hot kernel up to rounding, unseen and missing levels included", arguments: [1, 3])
    func equalsDense(k: Int) throws {
        let real = try Population.table(count: 300, seed: 81)
        var synthetic = try Population.table(count: 700, seed: 82)
        // An unseen level and missing categories in the synthetic rows.
        let cities = (0..<synthetic.rowCount).map { row -> String? in row % 50 == 0 ? "Atlantis" : (row % 37 == 0 ? nil : synthetic["city"]?.text(at: row)) }
        synthetic = synthetic.replacing(Column(name: "city", strings: cities))
        let roles = ColumnRoles(table: real, metadata: SDVMetadata.inferred(from: real))
        let encoder = RowEncoder(fitting: real, roles: roles)
        let dense = NearestNeighbours.distances(from: encoder.encode(synthetic), to: encoder.encode(real), k: k, threads: 1)
        let compact = NearestNeighbours.distances(from: encoder.encodeCompact(synthetic), to: encoder.encodeCompact(real), k: k, threads: 4)
        #expect(dense.count == compact.count)
        #expect(zip(dense, compact).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, $0) }, "largest difference \(zip(dense, compact).map { abs($0 - $1) }.max() ?? 0)")
    }

    @Test("whole-table DCR and NNDR: a copied row has DCR 0; ratios lie in [0, 1]")
    func wholeTables() throws {
        let real = try Population.table(count: 200, seed: 91)
        let synthetic = real.gatheringRows([0, 5]).appendingRowsForTest(try Population.table(count: 50, seed: 92))
        let result = EuclideanRecordDistances.compute(synthetic: synthetic, training: real, threads: 2)
        #expect(result.closest.count == 52)
        #expect(result.closest[0] == 0 && result.closest[1] == 0)
        #expect(result.ratios.allSatisfy { $0 >= 0 && $0 <= 1 })
    }
}

extension Table {
    /// These rows followed by `other`'s (same columns).
    func appendingRowsForTest(_ other: Table) -> Table {
        (try? Table.concatenating([self, other])) ?? self
    }
}
