import SynthKit

/// GFLOPS of `Tensor.matrixProduct` at the shapes, 1 and 2 threads.
enum GemmBenchmark {
    static func run(threadCounts: [Int]) {
        let shapes: [(String, Int, Int, Int, Bool)] = [
            ("500x256x256", 500, 256, 256, false),
            ("500x256x256 (A·Bᵀ, Linear forward)", 500, 256, 256, true),
            ("1024x1024x1024", 1024, 1024, 1024, false),
        ]
        var stream = Seed(1).stream()
        for (name, rows, columns, depth, transposeRight) in shapes {
            let left = Tensor.normal(shape: [rows, depth], stream: &stream)
            let right = Tensor.normal(shape: transposeRight ? [columns, depth] : [depth, columns], stream: &stream)
            let flops = 2.0 * Double(rows * columns * depth)
            for threads in threadCounts {
                let time = Timing.measure {
                    _ = Tensor.matrixProduct(left, right, transposeRight: transposeRight, threads: threads)
                }
                print(
                    "gemm \(name) threads=\(threads): best \(format(flops / time.best / 1e9)) GFLOPS, median \(format(flops / time.median / 1e9)) GFLOPS")
            }
        }
    }

    static func format(_ value: Double) -> String {
        String(Double(Int(value * 10)) / 10)
    }
}
