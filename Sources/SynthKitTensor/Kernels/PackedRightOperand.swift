import SynthKitGemm

/// A right operand B packed once, in the panel layout of the process's GEMM kernel, so several products
/// with the same B skip its packing.
///
/// A layer's weight is the right operand of its forward product (x·Wᵀ), of the input gradient
/// (g·W) and, with a gradient penalty, of second-order products; between two optimizer steps it
/// does not change. Packing Wᵀ is a strided transpose of the whole matrix, which for CTGAN's
/// critic (256 x 2,600, 50 packed rows) costs about as much as the product itself, so the
/// owning `Variable` keeps the packed form until its value is assigned again.
///
/// Layout (`PrepackedPanels`): for each depth block (`GemmBlocking.depthBlock` steps, the last
/// one shorter) the zero-padded panels of `GemmKernel.active.panelColumns` columns that the
/// kernel's `packB` would write, the block starting at `depthStart * paddedColumns`. Only B with
/// at most `GemmBlocking.columnBlock` columns is packed this way (one column block).
final class PackedRightOperand: @unchecked Sendable {
    private(set) var depth: Int
    private(set) var columns: Int
    private var capacity: Int
    private var storage: PackingBuffer

    /// Packs `b` (`depth x columns`).
    init(_ b: MatrixView, depth: Int, columns: Int) {
        self.depth = depth
        self.columns = columns
        capacity = PackedRightOperand.scalarCount(depth: depth, columns: columns)
        storage = PackingBuffer(count: capacity)
        pack(b)
    }

    /// Whether products with this depth and column count can use the packed panels.
    static func isSupported(depth: Int, columns: Int) -> Bool {
        columns <= GemmBlocking.columnBlock && columns >= 8 && depth >= 8
    }

    /// Packs a new B of the same or smaller size into the existing buffer.
    func repack(_ b: MatrixView, depth: Int, columns: Int) {
        let needed = PackedRightOperand.scalarCount(depth: depth, columns: columns)
        if needed > capacity {
            storage = PackingBuffer(count: needed)
            capacity = needed
        }
        self.depth = depth
        self.columns = columns
        pack(b)
    }

    func matches(depth: Int, columns: Int) -> Bool {
        depth == self.depth && columns == self.columns
    }

    /// The panels of the depth block starting at `depthStart`.
    func panels(depthStart: Int) -> UnsafeMutablePointer<Float> {
        prepacked.panels(depthStart: depthStart)
    }

    /// The panels as the GEMM driver takes them.
    var prepacked: PrepackedPanels {
        PrepackedPanels(base: storage.base, depth: depth, columns: columns, paddedColumns: paddedColumns)
    }

    private var paddedColumns: Int {
        PackedRightOperand.paddedColumns(columns)
    }

    private static func paddedColumns(_ columns: Int) -> Int {
        let width = GemmKernel.active.panelColumns
        return (columns + width - 1) / width * width
    }

    private static func scalarCount(depth: Int, columns: Int) -> Int {
        depth * paddedColumns(columns)
    }

    private func pack(_ b: MatrixView) {
        precondition(PackedRightOperand.isSupported(depth: depth, columns: columns), "cannot prepack B of \(depth) x \(columns)")
        var depthStart = 0
        while depthStart < depth {
            let steps = min(GemmBlocking.depthBlock, depth - depthStart)
            GemmKernel.active.packB(b, depthStart: depthStart, depth: steps, columnStart: 0, columns: columns, into: panels(depthStart: depthStart))
            depthStart += steps
        }
    }
}
