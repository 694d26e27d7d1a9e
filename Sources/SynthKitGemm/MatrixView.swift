/// A read-only strided matrix view: element (row, column) is at
/// `base[row * rowStride + column * columnStride]`, so a transpose is a swap of the strides.
public struct MatrixView: @unchecked Sendable {
    public let base: UnsafePointer<Float>
    public let rowStride: Int
    public let columnStride: Int

    @inlinable
    public init(base: UnsafePointer<Float>, rowStride: Int, columnStride: Int) {
        self.base = base
        self.rowStride = rowStride
        self.columnStride = columnStride
    }
}

/// A mutable pointer that may cross into the worker closures of one GEMM call; every worker
/// writes a disjoint set of rows of C.
public struct SharedOutput: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Float>

    @inlinable
    public init(base: UnsafeMutablePointer<Float>) { self.base = base }
}

/// An aligned scratch buffer for packed panels, freed with its owner.
public final class PackingBuffer: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Float>

    @inlinable
    public init(count: Int) {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 16) * 4, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(count, 16))
    }

    @inlinable
    deinit { base.deallocate() }
}

/// A right operand B already packed in a kernel's panel layout (see `GemmDriver.packB`): for each
/// depth block of ``GemmBlocking/depthBlock`` steps, the zero-padded panels of all columns, the
/// block starting at `base + depthStart * paddedColumns`.
public struct PrepackedPanels: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Float>
    public let depth: Int
    public let columns: Int
    public let paddedColumns: Int

    @inlinable
    public init(base: UnsafeMutablePointer<Float>, depth: Int, columns: Int, paddedColumns: Int) {
        self.base = base
        self.depth = depth
        self.columns = columns
        self.paddedColumns = paddedColumns
    }

    /// The panels of the depth block starting at `depthStart`.
    @inlinable
    public func panels(depthStart: Int) -> UnsafeMutablePointer<Float> {
        base + depthStart &* paddedColumns
    }
}
