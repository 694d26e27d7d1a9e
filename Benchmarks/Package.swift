// swift-tools-version:6.1
// Benchmarks live in their own package (swift-collections' layout) so `swift test` at the root
// never builds them. Run from this folder: `swift run -c release <BenchName> [options]`.
import PackageDescription

let package = Package(
    name: "SynthKitBenchmarks",
    traits: [
        .trait(name: "AVX512", description: "Build SynthKit's AVX-512 kernels (x86-64-v4)."),
    ],
    dependencies: [
        .package(
            name: "SynthKit", path: "..",
            traits: [.defaults, .trait(name: "AVX512", condition: .when(traits: ["AVX512"]))]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBench",
            dependencies: [.product(name: "SynthKit", package: "SynthKit")]),
        .executableTarget(
            name: "TableBench",
            dependencies: [.product(name: "SynthKit", package: "SynthKit")]),
        .executableTarget(
            name: "PrivacyBench",
            dependencies: [.product(name: "SynthKit", package: "SynthKit")]),
        .executableTarget(
            name: "SynthesisBench",
            dependencies: [.product(name: "SynthKit", package: "SynthKit")]),
        .executableTarget(
            name: "ConditionalBench",
            dependencies: [.product(name: "SynthKit", package: "SynthKit")]),
        .executableTarget(
            name: "EvaluationBench",
            dependencies: [.product(name: "SynthKit", package: "SynthKit")]),
    ]
)
