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

    /// The products of one CTGAN step (forward x·Wᵀ, input gradient g·W, weight gradient gᵀ·x).
    static func runTrainingShapes() {
        let shapes: [(String, Int, Int, Int, Bool, Bool)] = [
            ("G1 fwd", 500, 256, 168, false, true), ("G1 dX", 500, 168, 256, false, false), ("G1 dW", 256, 168, 500, true, false),
            ("G2 fwd", 500, 256, 424, false, true), ("G3 fwd", 500, 150, 680, false, true), ("G3 dX", 500, 680, 150, false, false),
            ("G3 dW", 150, 680, 500, true, false), ("D1 fwd", 50, 256, 1900, false, true), ("D1 dX", 50, 1900, 256, false, false),
            ("D1 dW", 256, 1900, 50, true, false), ("D2 fwd", 50, 256, 256, false, true), ("D3 fwd", 50, 1, 256, false, true),
        ]
        var stream = Seed(2).stream()
        for (name, rows, columns, depth, transposeLeft, transposeRight) in shapes {
            let left = Tensor.normal(shape: transposeLeft ? [depth, rows] : [rows, depth], stream: &stream)
            let right = Tensor.normal(shape: transposeRight ? [columns, depth] : [depth, columns], stream: &stream)
            let time = Timing.measure(rounds: 5, minimumRoundSeconds: 0.05) {
                _ = Tensor.matrixProduct(left, right, transposeLeft: transposeLeft, transposeRight: transposeRight, threads: 1)
            }
            let flops = 2.0 * Double(rows * columns * depth)
            print("gemm \(name) \(rows)x\(columns)x\(depth): \(format(time.best * 1e6)) us, \(format(flops / time.best / 1e9)) GFLOPS")
        }
    }

    static func format(_ value: Double) -> String {
        String(Double(Int(value * 10)) / 10)
    }
}
