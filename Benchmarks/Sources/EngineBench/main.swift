// Engine benchmarks: GEMM GFLOPS and a CTGAN-shaped training step.
// Run from Benchmarks/: `swift run -c release --scratch-path .build-engine EngineBench [gemm|step|all] [--threads N]`
// (add `--traits AVX512` for the AVX-512 kernel). Compare with Scripts/engine_bench_pytorch.py in
// the same run (Scripts/run_engine_bench.sh interleaves both).
import Foundation
import SynthKit

let arguments = CommandLine.arguments.dropFirst()
let mode = arguments.first { !$0.hasPrefix("--") && Int($0) == nil } ?? "all"
let threadOption = arguments.firstIndex(of: "--threads").flatMap { index in
    arguments.index(after: index) < arguments.endIndex ? Int(arguments[arguments.index(after: index)]) : nil
}

if let threadOption { setenv("SYNTHKIT_THREADS", String(threadOption), 1) }
let steadySteps = arguments.firstIndex(of: "--steady-steps").flatMap { index in
    arguments.index(after: index) < arguments.endIndex ? Int(arguments[arguments.index(after: index)]) : nil
} ?? 1000
print("kernel: \(TensorDefaults.kernelName)")
if mode == "gemm" || mode == "all" {
    GemmBenchmark.run(threadCounts: threadOption.map { [$0] } ?? [1, 2])
}
if mode == "shapes" {
    GemmBenchmark.runTrainingShapes()
}
if mode == "step" || mode == "all" {
    TrainingStepBenchmark.run(threads: threadOption ?? TensorDefaults.threadCount, steadySteps: steadySteps)
}
