"""Generates the GEMM micro-kernels, one file per instruction set:

    python3 Scripts/generate_gemm_kernels.py avx2 > Sources/SynthKitGemm/AVX2MicroKernel.swift
    python3 Scripts/generate_gemm_kernels.py avx512 > Sources/SynthKitGemmAVX512/AVX512MicroKernel.swift

Register-tiled micro-kernels C[rows x columns] (+)= packedA[k x rows] * packedB[k x columns]
conforming to SynthKitGemm's GemmMicroKernel protocol (plain Python 3, no packages).
"""
import sys

CONFIGS = {
    # name: (type name, guard, width, rows, vectors per row, doc)
    "avx2": ("AVX2MicroKernel", None, 8, 6, 2,
     "AVX2 + FMA (x86-64-v3): 6 rows x 16 columns = 12 ymm accumulators, 2 B loads and 6 broadcasts per k."),
    "avx512": ("AVX512MicroKernel", "arch(x86_64)", 16, 10, 2,
     "AVX-512 (x86-64-v4): 10 rows x 32 columns = 20 zmm accumulators, 2 B loads and 10 broadcasts per k\n"
     "/// (10 rows: CTGAN's batches of 500 rows and 50 packs split into whole panels).\n"
     "/// Compiled with -march=x86-64-v4 in its own module; called only when the CPU has AVX-512."),
}


def stores(lines, rows, vectors, width, vector):
    """Appends the tile write-back: C += tile when accumulating, else C = tile."""
    lines.append("        if accumulate {")
    for r in range(rows):
        for v in range(vectors):
            off = f"{r} &* rowBytes &+ {v * width * 4}"
            lines.append(f"            output.storeBytes(of: output.loadUnaligned(fromByteOffset: {off}, as: {vector}.self) + c{r}_{v}, toByteOffset: {off}, as: {vector}.self)")
    lines.append("        } else {")
    for r in range(rows):
        for v in range(vectors):
            off = f"{r} &* rowBytes &+ {v * width * 4}"
            lines.append(f"            output.storeBytes(of: c{r}_{v}, toByteOffset: {off}, as: {vector}.self)")
    lines.append("        }")


def body(lines, rows, vectors, width, vector, columns, setup, broadcast, advance):
    """Appends a kernel body: zeroed accumulators, `setup`, the k loop (B loads, one broadcast of
    `broadcast(r)` per row, FMAs, `advance`), then the tile write-back."""
    for r in range(rows):
        lines.append("        " + "; ".join(f"var c{r}_{v} = {vector}()" for v in range(vectors)))
    lines.extend(setup)
    for v in range(vectors):
        lines.append(f"            let b{v} = b.loadUnaligned(fromByteOffset: {v * width * 4}, as: {vector}.self)")
    for r in range(rows):
        lines.append(f"            let a{r} = {vector}(repeating: {broadcast(r)})")
        for v in range(vectors):
            lines.append(f"            c{r}_{v} = c{r}_{v}.addingProduct(a{r}, b{v})")
    lines += advance + [f"            b += {columns * 4}", "        }",
                        "        let output = UnsafeMutableRawPointer(c)",
                        "        let rowBytes = leadingDimension &* 4"]
    stores(lines, rows, vectors, width, vector)


def kernel(name, condition, width, rows, vectors, doc):
    vector = f"SIMD{width}<Float>"
    columns = width * vectors
    lines = ([f"#if {condition}"] if condition else []) + (["import SynthKitGemm", ""] if condition else []) + [f"/// {doc}", "///",
             "/// Reads `depth` steps of a packed A panel (`rows` floats per step) and a packed B panel",
             "/// (`columns` floats per step); writes or adds the tile into `c` with row stride `leadingDimension`.",
             f"package enum {name}: GemmMicroKernel {{",
             f"    /// Rows of C computed per call (MR).",
             f"    package static var rows: Int {{ {rows} }}",
             f"    /// Columns of C computed per call (NR).",
             f"    package static var columns: Int {{ {columns} }}",
             "",
             "    @inline(__always)",
             "    package static func run(",
             "        depth: Int, packedA: UnsafePointer<Float>, packedB: UnsafePointer<Float>,",
             "        c: UnsafeMutablePointer<Float>, leadingDimension: Int, accumulate: Bool",
             "    ) {"]
    body(lines, rows, vectors, width, vector, columns,
         setup=["        var a = packedA", "        var b = UnsafeRawPointer(packedB)", "        for _ in 0..<depth {"],
         broadcast=lambda r: f"a[{r}]", advance=[f"            a += {rows}"])
    lines += ["    }", ""]
    lines += ["    /// As `run`, reading A unpacked: row r of the panel at `a + r * rowStride`, step k at",
              "    /// offset k (row-major A needs no packing; the broadcasts read it in place).",
              "    @inline(__always)",
              "    package static func runRowMajor(",
              "        depth: Int, a: UnsafePointer<Float>, rowStride: Int, packedB: UnsafePointer<Float>,",
              "        c: UnsafeMutablePointer<Float>, leadingDimension: Int, accumulate: Bool",
              "    ) {"]
    body(lines, rows, vectors, width, vector, columns,
         setup=[f"        let row{r} = a + {r} &* rowStride" for r in range(rows)]
         + ["        var b = UnsafeRawPointer(packedB)", "        var step = 0", "        while step < depth {"],
         broadcast=lambda r: f"row{r}[step]", advance=["            step &+= 1"])
    lines += ["    }", "}"] + (["#endif"] if condition else [])
    return "\n".join(lines)


print("// GENERATED by Scripts/generate_gemm_kernels.py; edit the script, not this file.")
print("// The register tile is the only part of GEMM that must be unrolled by hand: Swift has no")
print("// way to keep an array of SIMD accumulators in registers, so each accumulator is a named variable.")
print()
print(kernel(*CONFIGS[sys.argv[1]]))
