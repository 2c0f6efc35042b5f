// swift-tools-version: 6.1
// Antibody's benchmarks: a separate package so the main build and CI stay lean.
// Run from the repository root with `make bench` (= `swift package --package-path Benchmarks benchmark`).
// Each benchmark target lives in Benchmarks/<Name>/<Name>.swift; add yours to `benchmarkTargets`.
import PackageDescription

/// The root package's identity: SwiftPM names a path dependency after its directory, which differs
/// between clones and worktrees.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "antibody").lowercased()

let package = Package(
    name: "AntibodyBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        // Naming only this trait keeps the default "RuntimeInterposer" trait (and its dependency) out.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: []
)

/// The benchmark executables: name → extra dependencies.
let benchmarkTargets: [(name: String, dependencies: [Target.Dependency])] = [
    // UInt256 arithmetic, mulDiv (and the same with BigInt, for the speed ratio), sqrt, WAD/RAY.
    (
        "MathBenchmarks",
        [
            .product(name: "AntibodyMath", package: root),
            .product(name: "BigInt", package: "BigInt"),
        ]
    ),
    // secp256k1 sign and recover, 7-signature quorum certificate verification (docs/trust.md).
    (
        "TrustBenchmarks",
        [
            .product(name: "AntibodyTrust", package: root),
            .product(name: "AntibodyCore", package: root),
        ]
    ),
    // Invariant evaluation (10 nodes) and engine throughput with the example lending policy.
    (
        "DefenseBenchmarks",
        [
            .product(name: "AntibodyCore", package: root),
            .product(name: "AntibodyDefense", package: root),
            .product(name: "AntibodyEngine", package: root),
        ]
    ),
    // The oracle guard: a verdict over 7 sources, a feed-round check, a sequencer assessment.
    (
        "SenseBenchmarks",
        [
            .product(name: "AntibodySense", package: root),
            .product(name: "AntibodyCore", package: root),
        ]
    ),
    // The Guardian's pause call data (specialised and generic ABI encoders), EIP-1559 signing.
    (
        "ChainBenchmarks",
        [
            .product(name: "AntibodyChain", package: root),
            .product(name: "AntibodyTrust", package: root),
            .product(name: "AntibodyCore", package: root),
            .product(name: "AntibodyMath", package: root),
        ]
    ),
    // Keccak-256 of 32 and 1,024 bytes.
    ("CoreBenchmarks", [.product(name: "AntibodyCore", package: root)]),
    // The AMM + arbitrageur block, a Uniswap V2 quote, one path of the lending + AMM market.
    (
        "SimBenchmarks",
        [
            .product(name: "AntibodySim", package: root),
            .product(name: "AntibodyMath", package: root),
        ]
    ),
    // Streaming detectors: EWMA z, CUSUM, Page–Hinkley, robust z and KS per event over a 10 M-point series.
    (
        "DetectBenchmarks",
        [
            .product(name: "AntibodyDetect", package: root),
            .product(name: "AntibodyCore", package: root),
        ]
    ),
    // Transaction-classifier inference: logistic regression and the 12→24→1 MLP; one transaction
    // event through the engine with the MLP ([models.flow]: input validation, drift window, score).
    (
        "ModelsBenchmarks",
        [
            .product(name: "AntibodyModels", package: root),
            .product(name: "AntibodyEngine", package: root),
            .product(name: "AntibodyCore", package: root),
            .product(name: "AntibodyTrust", package: root),
            .product(name: "AntibodySim", package: root),
        ]
    ),
]

package.targets += benchmarkTargets.map { target in
    .executableTarget(
        name: target.name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")] + target.dependencies,
        path: "Benchmarks/\(target.name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
