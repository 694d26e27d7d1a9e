import SynthKitCore
import SynthKitGemm
import Testing

@testable import SynthKitTensor

/// Every compiled GEMM kernel against the naive twin, and the kernels against each other bit for
/// bit (the AVX-512 kernel runs only where the CPU has it; elsewhere its cases check nothing more).
@Suite("GEMM kernels")
struct GemmKernelTests {
    /// (rows, columns, depth, transposeLeft, transposeRight, extra row stride of the stored left
    /// factor). Chosen to hit: partial row panels of both kernels (6 and 10 rows), partial column
    /// panels (16 and 32), two depth blocks (> 512), the 8 x 8 transposed packing with remainders,
    /// row-major A read in place, and A rows 4 KB apart (packed instead).
    static let cases: [(Int, Int, Int, Bool, Bool, Int)] = [
        (110, 72, 60, false, true, 0), (53, 47, 29, false, false, 0), (61, 150, 700, false, true, 0),
        (37, 70, 1030, true, false, 0), (20, 33, 19, true, true, 0), (23, 64, 40, false, false, 1024 - 40),
        (10, 32, 8, false, true, 0), (6, 16, 9, false, false, 5),
    ]

    /// Runs one kernel on the case; returns C after `C = A·B` then `C += A·B` when `accumulate`.
    static func product(
        kernel: GemmKernel, left: [Float], leftStride: Int, right: [Float], shape: (Int, Int, Int, Bool, Bool, Int),
        accumulate: Bool
    ) -> [Float] {
        let (rows, columns, depth, transposeLeft, transposeRight, _) = shape
        var output = [Float](repeating: 0, count: rows * columns)
        left.withUnsafeBufferPointer { leftBuffer in
            right.withUnsafeBufferPointer { rightBuffer in
                output.withUnsafeMutableBufferPointer { outputBuffer in
                    guard let a = leftBuffer.baseAddress, let b = rightBuffer.baseAddress, let c = outputBuffer.baseAddress else { return }
                    let leftView = transposeLeft
                        ? MatrixView(base: a, rowStride: 1, columnStride: leftStride)
                        : MatrixView(base: a, rowStride: leftStride, columnStride: 1)
                    let rightView = transposeRight
                        ? MatrixView(base: b, rowStride: 1, columnStride: depth)
                        : MatrixView(base: b, rowStride: columns, columnStride: 1)
                    for pass in 0..<(accumulate ? 2 : 1) {
                        kernel.multiply(
                            rowCount: rows, columnCount: columns, depth: depth, a: leftView, b: rightView, c: c, ldc: columns,
                            accumulate: pass > 0, threads: 1)
                    }
                }
            }
        }
        return output
    }

    @Test("each kernel matches the naive twin and the kernels agree bit for bit", arguments: cases)
    func kernelsAgree(shape: (Int, Int, Int, Bool, Bool, Int)) {
        let (rows, columns, depth, transposeLeft, transposeRight, extraStride) = shape
        var stream = Seed(23).stream()
        // The stored left factor: rows x depth (or depth x rows), each stored row padded by extraStride.
        let (storedRows, storedColumns) = transposeLeft ? (depth, rows) : (rows, depth)
        let leftStride = storedColumns + extraStride
        let leftTensor = Tensor.normal(shape: [storedRows, leftStride], stream: &stream)
        let rightTensor = Tensor.normal(shape: transposeRight ? [columns, depth] : [depth, columns], stream: &stream)
        let unpadded = leftTensor.columns(0..<storedColumns)
        let expected = naiveProduct(unpadded, rightTensor, transposeLeft: transposeLeft, transposeRight: transposeRight)
        var results: [[Float]] = []
        for kernel in GemmKernel.allCases where kernel.isSupported {
            for accumulate in [false, true] {
                let result = Self.product(
                    kernel: kernel, left: leftTensor.scalars, leftStride: leftStride, right: rightTensor.scalars, shape: shape,
                    accumulate: accumulate)
                let factor: Double = accumulate ? 2 : 1
                let worst = zip(result, expected).map { abs(Double($0) - factor * $1) / (1 + abs(factor * $1)) }.max() ?? 0
                #expect(worst < 1e-4 * Double(max(1, depth / 64)), "\(kernel) \(shape) accumulate \(accumulate): \(worst)")
                if !accumulate { results.append(result) }
            }
        }
        #expect(!results.isEmpty)
        for other in results.dropFirst() { #expect(other == results[0], "kernels differ on \(shape)") }
    }

    @Test("the active kernel is the widest one this CPU supports unless the environment asks for avx2")
    func activeKernel() {
        let requested = ProcessEnvironment.value(of: "SYNTHKIT_GEMM_KERNEL")?.lowercased()
        #if AVX512 && arch(x86_64)
        #expect(GemmKernel.active == .avx512)
        #else
        let expected: GemmKernel = requested != "avx2" && GemmKernel.avx512.isSupported ? .avx512 : .avx2
        #expect(GemmKernel.active == expected)
        #endif
        #expect(TensorDefaults.kernelName.hasPrefix("\(GemmKernel.active)"))
    }
}
