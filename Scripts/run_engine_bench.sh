#!/bin/sh
# Interleaves EngineBench (Swift) with Scripts/engine_bench_pytorch.py (NumPy/PyTorch) in one run.
# Usage (from the repository root): sh Scripts/run_engine_bench.sh [python]
# Builds EngineBench twice: default flags (x86-64-v3, AVX2+FMA) and with the AVX-512 kernel
# (-Xswiftc -DAVX512 -Xcc -march=x86-64-v4, equivalent to the package's AVX512 trait).
set -e
PYTHON=${1:-$HOME/.cache/synthkit-anchors-venv/bin/python}
cd Benchmarks
swift build -c release --scratch-path .build-engine --product EngineBench
swift build -c release --scratch-path .build-engine-avx512 -Xswiftc -DAVX512 -Xcc -march=x86-64-v4 --product EngineBench
for threads in 1 2; do
    .build-engine/release/EngineBench gemm --threads "$threads"
    .build-engine-avx512/release/EngineBench gemm --threads "$threads"
    "$PYTHON" ../Scripts/engine_bench_pytorch.py gemm --threads "$threads"
    .build-engine/release/EngineBench step --threads "$threads" --steady-steps 0
    .build-engine-avx512/release/EngineBench step --threads "$threads" --steady-steps 0
    "$PYTHON" ../Scripts/engine_bench_pytorch.py step --threads "$threads"
    "$PYTHON" ../Scripts/engine_bench_pytorch.py step --threads "$threads" --plain-backward
done
.build-engine/release/EngineBench step --threads 1 --steady-steps 1000
