import SynthKitCore

extension Tensor {
    /// The matrix product `op(left) * op(right)`, where `op` transposes when asked.
    ///
    /// `left` is `[M, K]` (or `[K, M]` when `transposeLeft`), `right` is `[K, N]` (or `[N, K]`
    /// when `transposeRight`); the result is `[M, N]`. Transposes cost nothing: the kernel reads
    /// through strides, so backward passes (`dX = dY * W`, `dW = dYᵀ * X`) need no copies.
    ///
    /// Complexity: 2·M·N·K flops on a packed, register-tiled SIMD kernel (see SynthKitGemm's `GemmDriver`).
    /// - Parameter threads: worker threads; `nil` uses ``TensorDefaults/threadCount`` when the
    ///   product has at least 2^21 multiply-adds and one thread otherwise. The result is
    ///   bit-identical for any thread count.
    public static func matrixProduct(
        _ left: Tensor, _ right: Tensor, transposeLeft: Bool = false, transposeRight: Bool = false,
        threads: Int? = nil
    ) -> Tensor {
        precondition(left.rank == 2 && right.rank == 2, "matrixProduct needs matrices, got \(left.shape) and \(right.shape)")
        let rows = transposeLeft ? left.shape[1] : left.shape[0]
        let depth = transposeLeft ? left.shape[0] : left.shape[1]
        let rightDepth = transposeRight ? right.shape[1] : right.shape[0]
        let columns = transposeRight ? right.shape[0] : right.shape[1]
        precondition(
            depth == rightDepth,
            "matrixProduct: inner sizes differ: \(left.shape)\(transposeLeft ? "ᵀ" : "") x \(right.shape)\(transposeRight ? "ᵀ" : "")")
        if rows * columns == 0 || depth == 0 { return Tensor(zeros: [rows, columns]) }
        return product(
            ProductOperand(left, transposed: transposeLeft), ProductOperand(right, transposed: transposeRight),
            threads: threads)
    }
}

/// Process-wide defaults for tensor kernels, read once.
public enum TensorDefaults {
    /// Threads used by large matrix products when the caller does not say: the
    /// `SYNTHKIT_THREADS` environment variable if set, else every active core. Read once per
    /// process, so set the variable before the first large product.
    public static let threadCount: Int = ParallelismDefaults.threadCount

    /// The GEMM kernel this process runs (chosen at start from the CPU's features, see
    /// `GemmKernel`) and the element-wise vector width of this build: e.g.
    /// "avx512 (SIMD16, 10x32 tile; element-wise SIMD8)".
    public static var kernelName: String {
        let kernel = GemmKernel.active
        let lanes = kernel == .avx512 ? 16 : 8
        return "\(kernel) (SIMD\(lanes), \(kernel.panelRows)x\(kernel.panelColumns) tile; element-wise SIMD\(FloatVector.scalarCount))"
    }
}
