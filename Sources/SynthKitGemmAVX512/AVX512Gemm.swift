#if arch(x86_64)
package import SynthKitGemm

/// The GEMM entry points compiled for AVX-512 (this module's x86-64-v4 flags): the generic
/// `GemmDriver` specialised for ``AVX512MicroKernel`` here, so callers in other modules get the
/// specialised code without inlining it.
///
/// Call only when `CPUFeatures.supportsX86_64_v4` (SynthKitGemm): every instruction in this
/// module may be AVX-512, so nothing here runs before that check.
package enum AVX512Gemm {
    /// Rows of C per micro-kernel call (MR).
    package static var panelRows: Int { AVX512MicroKernel.rows }
    /// Columns of a packed B panel (NR).
    package static var panelColumns: Int { AVX512MicroKernel.columns }

    /// `C (+)= A · B`; see `GemmDriver/multiply(rowCount:columnCount:depth:a:b:c:ldc:accumulate:threads:prepackedB:)`.
    package static func multiply(
        rowCount: Int, columnCount: Int, depth: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, threads: Int, prepackedB: PrepackedPanels?
    ) {
        GemmDriver<AVX512MicroKernel>.multiply(
            rowCount: rowCount, columnCount: columnCount, depth: depth, a: a, b: b, c: c, ldc: ldc,
            accumulate: accumulate, threads: threads, prepackedB: prepackedB)
    }

    /// Packs B's block into this kernel's panels; see `GemmDriver/packB(_:depthStart:depth:columnStart:columns:into:)`.
    package static func packB(
        _ b: MatrixView, depthStart: Int, depth: Int, columnStart: Int, columns: Int,
        into destination: UnsafeMutablePointer<Float>
    ) {
        GemmDriver<AVX512MicroKernel>.packB(
            b, depthStart: depthStart, depth: depth, columnStart: columnStart, columns: columns, into: destination)
    }
}
#endif
