internal import SynthKitIntrinsics

/// What the processor running this process can execute, probed once.
package enum CPUFeatures {
    /// Whether this CPU and operating system run x86-64-v4 code: AVX-512 F, BW, CD, DQ and VL,
    /// with the operating system saving the ZMM and mask registers (CPUID leaves 1 and 7, XGETBV).
    /// Always false off x86-64.
    package static let supportsX86_64_v4: Bool = synthkit_cpu_supports_x86_64_v4() != 0
}
