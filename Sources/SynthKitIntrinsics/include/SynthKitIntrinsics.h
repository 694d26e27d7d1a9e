#ifndef SYNTHKIT_INTRINSICS_H
#define SYNTHKIT_INTRINSICS_H

// What Swift cannot spell for SynthKit's kernels and training loops, kept to this header and two C files.

/// 1 when the CPU and the operating system support x86-64-v4 (AVX-512 F, BW, CD, DQ, VL with
/// the opmask, ZMM_Hi256 and Hi16_ZMM states enabled in XCR0), else 0 (always 0 off x86-64).
int synthkit_cpu_supports_x86_64_v4(void);

/// Returns the heap's free pages to the operating system: glibc `malloc_trim(0)`, which Swift's
/// Glibc module does not export; does nothing with other C libraries.
void synthkit_release_free_heap_pages(void);

/// Eight and sixteen Float lanes; Swift imports these as SIMD8<Float> and SIMD16<Float>.
typedef float synthkit_float8 __attribute__((ext_vector_type(8)));
typedef float synthkit_float16 __attribute__((ext_vector_type(16)));

/// Lane-wise IEEE square root (one vsqrtps). Swift's SIMD `squareRoot()` calls the C library's
/// `sqrtf` lane by lane behind an errno check, which keeps loops that use it from vectorising;
/// this builtin has no errno side effect. Inlined into the Swift caller.
static inline __attribute__((always_inline)) synthkit_float8 synthkit_square_root8(synthkit_float8 x) {
    return __builtin_elementwise_sqrt(x);
}

/// Lane-wise IEEE square root of sixteen lanes (see `synthkit_square_root8`).
static inline __attribute__((always_inline)) synthkit_float16 synthkit_square_root16(synthkit_float16 x) {
    return __builtin_elementwise_sqrt(x);
}

#endif
