#!/bin/sh
# Interleaves EngineBench (Swift) with Scripts/engine_bench_pytorch.py (NumPy/PyTorch) in one run.
# Usage (from the repository root): sh Scripts/run_engine_bench.sh [python]
# Builds EngineBench twice: default flags (x86-64-v3 everywhere; the GEMM kernel is chosen at run
# time, AVX-512 where the CPU has it) and with every module for x86-64-v4 (-Xswiftc -DAVX512
# -Xcc -march=x86-64-v4, equivalent to the package's AVX512 trait). The default build also runs
# with SYNTHKIT_GEMM_KERNEL=avx2, the figure a CPU without AVX-512 would see.
# Scratch paths: ENGINE_SCRATCH (default .build-engine) and ENGINE_SCRATCH_AVX512 (default
# .build-engine-avx512), relative to Benchmarks/. THREADS (default "1 2") picks the thread counts.
# The step lines report wall time and the thread's CPU time (steadier on a shared machine).
set -e
PYTHON=${1:-$HOME/.cache/synthkit-anchors-venv/bin/python}
AVX2=${ENGINE_SCRATCH:-.build-engine}
AVX512=${ENGINE_SCRATCH_AVX512:-.build-engine-avx512}
cd Benchmarks
uptime
swift build -c release --scratch-path "$AVX2" --product EngineBench
swift build -c release --scratch-path "$AVX512" -Xswiftc -DAVX512 -Xcc -march=x86-64-v4 --product EngineBench
for threads in ${THREADS:-1 2}; do
    "$AVX2"/release/EngineBench gemm --threads "$threads"
    SYNTHKIT_GEMM_KERNEL=avx2 "$AVX2"/release/EngineBench gemm --threads "$threads"
    "$AVX512"/release/EngineBench gemm --threads "$threads"
    "$PYTHON" ../Scripts/engine_bench_pytorch.py gemm --threads "$threads"
    "$AVX2"/release/EngineBench step --threads "$threads" --steady-steps 0
    SYNTHKIT_GEMM_KERNEL=avx2 "$AVX2"/release/EngineBench step --threads "$threads" --steady-steps 0
    "$AVX512"/release/EngineBench step --threads "$threads" --steady-steps 0
    "$PYTHON" ../Scripts/engine_bench_pytorch.py step --threads "$threads"
    "$PYTHON" ../Scripts/engine_bench_pytorch.py step --threads "$threads" --plain-backward
done
"$AVX2"/release/EngineBench step --threads 1 --steady-steps 1000
uptime
