// CPU feature probe for the runtime choice of GEMM kernel (see SynthKitGemm's CPUFeatures).
// Swift has no CPUID or XGETBV, so these two instructions are read here.
#include "SynthKitIntrinsics.h"

#if defined(__x86_64__)
#include <cpuid.h>

static unsigned long long read_xcr0(void) {
    unsigned int low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    return ((unsigned long long)high << 32) | low;
}

int synthkit_cpu_supports_x86_64_v4(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const unsigned int osxsave = 1u << 27;
    if (!(ecx & osxsave)) return 0;
    // XCR0: SSE (1), AVX (2), opmask (5), ZMM_Hi256 (6), Hi16_ZMM (7).
    const unsigned long long zmmState = (1ull << 1) | (1ull << 2) | (1ull << 5) | (1ull << 6) | (1ull << 7);
    if ((read_xcr0() & zmmState) != zmmState) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    // Leaf 7 EBX: AVX512F (16), AVX512DQ (17), AVX512CD (28), AVX512BW (30), AVX512VL (31).
    const unsigned int avx512 = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);
    return (ebx & avx512) == avx512;
}
#else
int synthkit_cpu_supports_x86_64_v4(void) { return 0; }
#endif
