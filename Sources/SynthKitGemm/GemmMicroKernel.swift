/// A register-tiled micro-kernel: `C[rows x columns] (+)= packedA[depth x rows] · packedB[depth x columns]`.
///
/// Each instruction set has one conforming type (``AVX2MicroKernel`` here, `AVX512MicroKernel`
/// in SynthKitGemmAVX512); ``GemmDriver`` is generic over it and is specialised in the module
/// that owns the kernel, so each kernel's loops are compiled with its own instruction set.
///
/// The driver and these types are `public` (in an internal module, not re-exported by the
/// SynthKit product) because Swift specialises `@inlinable` generics across modules only when
/// they are public: with `package` access the AVX-512 module called the unspecialised driver
/// through witness tables (measured: the CTGAN-shaped step 10-15% slower).
///
/// Every kernel adds the terms of an element of C in increasing k, starting from zero, and adds
/// the tile to C last when accumulating, so all kernels give bit-identical results.
public protocol GemmMicroKernel: SendableMetatype {
    /// Rows of C computed per call (MR).
    static var rows: Int { get }
    /// Columns of C computed per call (NR): the width of a packed B panel.
    static var columns: Int { get }

    /// Reads `depth` steps of a packed A panel (`rows` floats per step) and a packed B panel
    /// (`columns` floats per step); writes or adds the tile into `c` with row stride `leadingDimension`.
    static func run(
        depth: Int, packedA: UnsafePointer<Float>, packedB: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, leadingDimension: Int, accumulate: Bool)

    /// As `run`, with A read in place from a row-major matrix: row r of the panel starts at
    /// `a + r * rowStride` (no packing; same arithmetic and order as `run`).
    static func runRowMajor(
        depth: Int, a: UnsafePointer<Float>, rowStride: Int, packedB: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, leadingDimension: Int, accumulate: Bool)
}

/// Blocking constants shared by every kernel (so the depth blocks, and with them the rounding,
/// are the same whichever kernel runs).
public enum GemmBlocking {
    /// K slice per packed block (KC). 512 measured best for 1024^3 on this machine kind and
    /// equal to smaller values at 500x256x256.
    public static let depthBlock = 512
    /// Micro-panels of A packed per block: MC = 32 · MR rows.
    public static let rowPanelsPerBlock = 32
    /// Columns of B packed per block (NC).
    public static let columnBlock = 4096
}
