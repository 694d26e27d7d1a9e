// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every target (Hummingbird's set): existentials spelled out, imports
/// internal unless re-exported on purpose, members visible only from imported modules.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Code generation flags for the numeric kernels, kept in this one place.
///
/// x86-64 release builds target x86-64-v3 (AVX2 + FMA) so SIMD kernels compile to fused
/// multiply-adds instead of calls to C `fmaf`; the `AVX512` trait widens this to x86-64-v4.
/// `unsafeFlags` are allowed only in a root package: SynthKit cannot be a remote dependency
/// of another package while these are present (see README, "Build flags").
#if arch(x86_64)
let kernelSettings: [SwiftSetting] = swiftSettings + [
    .unsafeFlags(["-Xcc", "-march=x86-64-v3"]),
    .unsafeFlags(["-Xcc", "-march=x86-64-v4"], .when(traits: ["AVX512"])),
]
/// The AVX-512 GEMM kernel's module is always compiled for x86-64-v4; SynthKitTensor calls it
/// only after a CPUID check (`CPUFeatures.supportsX86_64_v4`), so default builds stay safe on
/// CPUs without AVX-512.
let avx512KernelSettings: [SwiftSetting] = swiftSettings + [.unsafeFlags(["-Xcc", "-march=x86-64-v4"])]
#else
let kernelSettings: [SwiftSetting] = swiftSettings
let avx512KernelSettings: [SwiftSetting] = swiftSettings
#endif

/// Declares a library target under Sources/<name>.
func library(
    _ name: String, _ dependencies: [Target.Dependency], resources: [Resource]? = nil,
    settings: [SwiftSetting] = swiftSettings
) -> Target {
    .target(name: name, dependencies: dependencies, resources: resources, swiftSettings: settings)
}

/// Declares Tests/<name>Tests for a library target.
func tests(
    for name: String, _ extra: [Target.Dependency] = [], resources: [Resource]? = nil
) -> Target {
    .testTarget(
        name: "\(name)Tests",
        dependencies: [.byName(name: name), "SynthKitTestSupport"] + extra,
        resources: resources,
        swiftSettings: swiftSettings)
}

let realModule = Target.Dependency.product(name: "RealModule", package: "swift-numerics")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "SynthKit",
    products: [
        .library(name: "SynthKit", targets: ["SynthKit"]),
        .executable(name: "synthkit", targets: ["synthkit"]),
    ],
    traits: [
        .trait(name: "AVX512", description: "Compile every numeric kernel for x86-64-v4 (AVX-512) and use the AVX-512 GEMM kernel without a CPU check."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        library("SynthKitCore", [], settings: kernelSettings),
        library("SynthKitTable", ["SynthKitCore"], settings: kernelSettings),
        library("SynthKitMath", ["SynthKitCore", realModule], settings: kernelSettings),
        .target(name: "SynthKitIntrinsics"),
        library("SynthKitGemm", ["SynthKitCore", "SynthKitIntrinsics"], settings: kernelSettings),
        library("SynthKitGemmAVX512", ["SynthKitGemm"], settings: avx512KernelSettings),
        library("SynthKitTensor", ["SynthKitCore", "SynthKitIntrinsics", "SynthKitGemm", "SynthKitGemmAVX512"], settings: kernelSettings),
        library("SynthKitNN", ["SynthKitCore", "SynthKitTensor"], settings: kernelSettings),
        library("SynthKitTransforms", ["SynthKitCore", "SynthKitTable", "SynthKitMath"]),
        library("SynthKitSynthesis", ["SynthKitCore", "SynthKitTable", "SynthKitTransforms"]),
        library(
            "SynthKitStatistical",
            ["SynthKitCore", "SynthKitTable", "SynthKitMath", "SynthKitTransforms", "SynthKitSynthesis"],
            settings: kernelSettings),
        library(
            "SynthKitPrivacy",
            [
                "SynthKitCore", "SynthKitTable", "SynthKitMath", "SynthKitTransforms", "SynthKitSynthesis",
                "SynthKitStatistical",
            ],
            settings: kernelSettings),
        library(
            "SynthKitDeep",
            [
                "SynthKitCore", "SynthKitTable", "SynthKitMath", "SynthKitTransforms", "SynthKitSynthesis",
                "SynthKitTensor", "SynthKitNN", "SynthKitIntrinsics",
            ],
            settings: kernelSettings),
        library(
            "SynthKitEvaluation",
            ["SynthKitCore", "SynthKitTable", "SynthKitMath", "SynthKitSynthesis"],
            settings: kernelSettings),
        library(
            "SynthKitGovernance",
            ["SynthKitCore", "SynthKitTable", "SynthKitMath", "SynthKitSynthesis", grdb, crypto]),
        library(
            "SynthKitLab",
            [
                "SynthKitCore", "SynthKitTable", "SynthKitMath", "SynthKitSynthesis",
                "SynthKitStatistical", "SynthKitEvaluation", "SynthKitGovernance",
            ]),
        library(
            "SynthKit",
            [
                "SynthKitCore", "SynthKitTable", "SynthKitMath", "SynthKitTensor", "SynthKitNN",
                "SynthKitTransforms", "SynthKitSynthesis", "SynthKitStatistical", "SynthKitDeep",
                "SynthKitPrivacy", "SynthKitEvaluation", "SynthKitGovernance", "SynthKitLab",
            ],
            resources: [.copy("Resources/demo")]),
        .executableTarget(
            name: "synthkit",
            dependencies: [
                "SynthKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),

        .target(
            name: "SynthKitTestSupport", dependencies: ["SynthKit"],
            path: "Tests/SynthKitTestSupport", swiftSettings: swiftSettings),
        tests(for: "SynthKitCore"),
        tests(for: "SynthKitTable", resources: [.copy("Fixtures")]),
        tests(for: "SynthKitMath"),
        tests(for: "SynthKitTensor"),
        tests(for: "SynthKitNN", resources: [.copy("Fixtures")]),
        tests(for: "SynthKitStatistical"),
        tests(for: "SynthKitDeep", resources: [.copy("Fixtures")]),
        tests(for: "SynthKitSynthesis"),
        tests(for: "SynthKitPrivacy"),
        tests(for: "SynthKitEvaluation", resources: [.copy("Fixtures")]),
        tests(for: "SynthKitGovernance"),
        tests(for: "SynthKitLab"),
        .testTarget(
            name: "synthkitTests", dependencies: ["synthkit", "SynthKitTestSupport"],
            swiftSettings: swiftSettings),
    ]
)
