import Foundation
import SynthKitCore
import SynthKitGemm
#if arch(x86_64)
import SynthKitGemmAVX512
#endif

/// The GEMM micro-kernel that dense products run on, chosen once per process.
///
/// Both kernels are compiled into every x86-64 build: `avx2` (SIMD8, 6x16 tile, the package's
/// x86-64-v3 flags; on arm64 the same code compiled for NEON) and `avx512` (SIMD16, 10x32 tile,
/// SynthKitGemmAVX512 compiled with x86-64-v4 flags). `avx512` is chosen when the CPU and
/// operating system support it (CPUID/XGETBV, `CPUFeatures`), so a default build runs the wide
/// kernel on AVX-512 machines and stays safe elsewhere. `SYNTHKIT_GEMM_KERNEL=avx2` forces the
/// narrow kernel (comparisons, benchmarks); `avx512` is honoured only where supported, and any
/// other value than `auto` is reported on standard error and ignored.
///
/// Every kernel adds each element's terms in the same order with the same depth blocks, so the
/// choice does not change a single bit of any result (tested in `GemmKernelTests`).
enum GemmKernel: Sendable, Equatable, CaseIterable {
    case avx2
    case avx512

    /// The kernel this process uses.
    static let active: GemmKernel = {
        #if AVX512 && arch(x86_64)
        return .avx512
        #else
        let supported: GemmKernel = GemmKernel.avx512.isSupported ? .avx512 : .avx2
        guard let requested = ProcessEnvironment.value(of: "SYNTHKIT_GEMM_KERNEL")?.lowercased() else { return supported }
        switch requested {
        case "", "auto": return supported
        case "avx2": return .avx2
        case "avx512":
            if supported != .avx512 { warn("SYNTHKIT_GEMM_KERNEL=avx512 asks for AVX-512, which this CPU lacks; using avx2") }
            return supported
        default:
            warn("SYNTHKIT_GEMM_KERNEL=\(requested) is not auto, avx2 or avx512; using \(supported)")
            return supported
        }
        #endif
    }()

    /// One line on standard error (the choice happens once, before any product).
    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data("synthkit: \(message)\n".utf8))
    }

    /// Whether this processor can run the kernel.
    var isSupported: Bool {
        switch self {
        case .avx2: return true
        case .avx512:
            #if arch(x86_64)
            return CPUFeatures.supportsX86_64_v4
            #else
            return false
            #endif
        }
    }

    /// Rows of C per micro-kernel call (MR).
    var panelRows: Int {
        switch self {
        case .avx2: return AVX2Gemm.panelRows
        case .avx512:
            #if arch(x86_64)
            return AVX512Gemm.panelRows
            #else
            preconditionFailure("the AVX-512 GEMM kernel exists only on x86-64")
            #endif
        }
    }

    /// Columns of a packed B panel (NR).
    var panelColumns: Int {
        switch self {
        case .avx2: return AVX2Gemm.panelColumns
        case .avx512:
            #if arch(x86_64)
            return AVX512Gemm.panelColumns
            #else
            preconditionFailure("the AVX-512 GEMM kernel exists only on x86-64")
            #endif
        }
    }

    /// `C (+)= A · B` with this kernel (see SynthKitGemm's `GemmDriver`).
    func multiply(
        rowCount: Int, columnCount: Int, depth: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, threads: Int, prepackedB: PrepackedPanels? = nil
    ) {
        switch self {
        case .avx2:
            AVX2Gemm.multiply(
                rowCount: rowCount, columnCount: columnCount, depth: depth, a: a, b: b, c: c, ldc: ldc,
                accumulate: accumulate, threads: threads, prepackedB: prepackedB)
        case .avx512:
            #if arch(x86_64)
            precondition(isSupported, "the AVX-512 GEMM kernel was asked for on a CPU without AVX-512")
            AVX512Gemm.multiply(
                rowCount: rowCount, columnCount: columnCount, depth: depth, a: a, b: b, c: c, ldc: ldc,
                accumulate: accumulate, threads: threads, prepackedB: prepackedB)
            #else
            preconditionFailure("the AVX-512 GEMM kernel exists only on x86-64")
            #endif
        }
    }

    /// Packs a block of B into this kernel's panels (see SynthKitGemm's `GemmDriver.packB`).
    func packB(
        _ b: MatrixView, depthStart: Int, depth: Int, columnStart: Int, columns: Int,
        into destination: UnsafeMutablePointer<Float>
    ) {
        switch self {
        case .avx2:
            AVX2Gemm.packB(b, depthStart: depthStart, depth: depth, columnStart: columnStart, columns: columns, into: destination)
        case .avx512:
            #if arch(x86_64)
            precondition(isSupported, "the AVX-512 GEMM kernel was asked for on a CPU without AVX-512")
            AVX512Gemm.packB(b, depthStart: depthStart, depth: depth, columnStart: columnStart, columns: columns, into: destination)
            #else
            preconditionFailure("the AVX-512 GEMM kernel exists only on x86-64")
            #endif
        }
    }
}
