// swift-tools-version: 6.0
// Antibody — an immune system for DeFi protocols. Module map: docs/ and DESIGN.md.
import PackageDescription

let package = Package(
    name: "Antibody",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "antibody", targets: ["antibody"]),
        .library(name: "AntibodyMath", targets: ["AntibodyMath"]),
        .library(name: "AntibodyCore", targets: ["AntibodyCore"]),
        .library(name: "AntibodySense", targets: ["AntibodySense"]),
        .library(name: "AntibodyDetect", targets: ["AntibodyDetect"]),
        .library(name: "AntibodyDefense", targets: ["AntibodyDefense"]),
        .library(name: "AntibodyTrust", targets: ["AntibodyTrust"]),
        .library(name: "AntibodyModels", targets: ["AntibodyModels"]),
        .library(name: "AntibodySim", targets: ["AntibodySim"]),
        .library(name: "AntibodyEngine", targets: ["AntibodyEngine"]),
        .library(name: "AntibodyChain", targets: ["AntibodyChain"]),
        .library(name: "AntibodyReport", targets: ["AntibodyReport"]),
        .library(name: "AntibodyScenario", targets: ["AntibodyScenario"]),
        .library(name: "AntibodyTOML", targets: ["AntibodyTOML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "AntibodyMath"),
        .target(name: "AntibodyTOML"),
        .target(
            name: "AntibodyCore",
            dependencies: [
                "AntibodyMath"
            ]
        ),
        .target(
            name: "AntibodySense",
            dependencies: [
                "AntibodyCore",
                "AntibodyMath",
            ]
        ),
        .target(
            name: "AntibodyDetect",
            dependencies: [
                "AntibodyCore"
            ]
        ),
        .target(
            name: "AntibodyDefense",
            dependencies: [
                "AntibodyCore"
            ]
        ),
        .systemLibrary(
            name: "CSecp256k1",
            pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]
        ),
        .target(
            name: "AntibodyTrust",
            dependencies: [
                "AntibodyCore",
                "CSecp256k1",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "AntibodyModels",
            dependencies: [
                "AntibodyCore",
                "AntibodyTrust",
            ]
        ),
        .target(
            name: "AntibodySim",
            dependencies: [
                "AntibodyCore",
                "AntibodyMath",
            ]
        ),
        .target(
            name: "AntibodyEngine",
            dependencies: [
                "AntibodyCore",
                "AntibodySense",
                "AntibodyDetect",
                "AntibodyDefense",
                "AntibodyTOML",
                "AntibodyTrust",
                "AntibodyModels",
            ]
        ),
        .target(
            name: "AntibodyChain",
            dependencies: [
                "AntibodyCore",
                "AntibodyMath",
                "AntibodyTrust",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "AntibodyReport",
            dependencies: [
                "AntibodyCore"
            ]
        ),
        .target(
            name: "AntibodyScenario",
            dependencies: [
                "AntibodyChain",
                "AntibodyTrust",
                "AntibodyCore",
                "AntibodyMath",
                "AntibodySim",
                "AntibodyEngine",
                "AntibodyDefense",
                "AntibodyReport",
                "AntibodyTOML",
            ]
        ),
        .executableTarget(
            name: "antibody",
            dependencies: [
                "AntibodyMath",
                "AntibodyCore",
                "AntibodySense",
                "AntibodyDetect",
                "AntibodyDefense",
                "AntibodyTrust",
                "AntibodyModels",
                "AntibodySim",
                "AntibodyEngine",
                "AntibodyChain",
                "AntibodyReport",
                "AntibodyScenario",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AntibodyMathTests",
            dependencies: [
                "AntibodyMath",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "AntibodyCoreTests",
            dependencies: [
                "AntibodyCore"
            ]
        ),
        .testTarget(
            name: "AntibodySenseTests",
            dependencies: [
                "AntibodySense",
                "AntibodyCore",
                "AntibodyMath",
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        .testTarget(
            name: "AntibodyDetectTests",
            dependencies: [
                "AntibodyDetect",
                "AntibodyCore",
            ]
        ),
        .testTarget(
            name: "AntibodyDefenseTests",
            dependencies: [
                "AntibodyDefense",
                "AntibodyCore",
            ]
        ),
        .testTarget(
            name: "AntibodyTrustTests",
            dependencies: [
                "AntibodyTrust",
                "AntibodyCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "AntibodySimTests",
            dependencies: [
                "AntibodySim",
                "AntibodyCore",
                "AntibodyMath",
                "AntibodyEngine",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AntibodyModelsTests",
            dependencies: [
                "AntibodyModels",
                "AntibodySim",
                "AntibodyTrust",
                "AntibodyCore",
            ]
        ),
        .testTarget(
            name: "AntibodyEngineTests",
            dependencies: [
                "AntibodyEngine",
                "AntibodyDefense",
                "AntibodyCore",
                "AntibodyModels",
                "AntibodyTrust",
                "AntibodySim",
            ]
        ),
        .testTarget(
            name: "AntibodyChainTests",
            dependencies: [
                "AntibodyChain",
                "AntibodyCore",
                "AntibodyMath",
                "AntibodyTrust",
                "AntibodyEngine",
                "AntibodyScenario",
            ]
        ),
        .testTarget(
            name: "AntibodyReportTests",
            dependencies: [
                "AntibodyReport"
            ]
        ),
        .testTarget(
            name: "AntibodyScenarioTests",
            dependencies: [
                "AntibodyScenario",
                "AntibodyReport",
                "AntibodySim",
                "AntibodyEngine",
            ]
        ),
        .testTarget(
            name: "AntibodyCLITests"
        ),
        .testTarget(
            name: "AntibodyTOMLTests",
            dependencies: [
                "AntibodyTOML"
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
