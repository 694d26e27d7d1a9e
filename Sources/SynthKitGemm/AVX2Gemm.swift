/// The GEMM entry points compiled for AVX2 + FMA (this module's x86-64-v3 flags): the generic
/// ``GemmDriver`` specialised for ``AVX2MicroKernel`` here, so callers in other modules get the
/// specialised code without inlining it.
package enum AVX2Gemm {
    /// Rows of C per micro-kernel call (MR).
    package static var panelRows: Int { AVX2MicroKernel.rows }
    /// Columns of a packed B panel (NR).
    package static var panelColumns: Int { AVX2MicroKernel.columns }

    /// `C (+)= A · B`; see ``GemmDriver/multiply(rowCount:columnCount:depth:a:b:c:ldc:accumulate:threads:prepackedB:)``.
    package static func multiply(
        rowCount: Int, columnCount: Int, depth: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, threads: Int, prepackedB: PrepackedPanels?
    ) {
        GemmDriver<AVX2MicroKernel>.multiply(
            rowCount: rowCount, columnCount: columnCount, depth: depth, a: a, b: b, c: c, ldc: ldc,
            accumulate: accumulate, threads: threads, prepackedB: prepackedB)
    }

    /// Packs B's block into this kernel's panels; see ``GemmDriver/packB(_:depthStart:depth:columnStart:columns:into:)``.
    package static func packB(
        _ b: MatrixView, depthStart: Int, depth: Int, columnStart: Int, columns: Int,
        into destination: UnsafeMutablePointer<Float>
    ) {
        GemmDriver<AVX2MicroKernel>.packB(
            b, depthStart: depthStart, depth: depth, columnStart: columnStart, columns: columns, into: destination)
    }
}
