// swift-tools-version: 6.0
// Antibody — an immune system for DeFi protocols. Module map: see docs/ and the design notes.
import PackageDescription

let package = Package(
    name: "Antibody",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "antibody", targets: ["antibody"]),
        .library(name: "AntibodyMath", targets: ["AntibodyMath"]),
        .library(name: "AntibodyCore", targets: ["AntibodyCore"]),
        .library(name: "AntibodyDefense", targets: ["AntibodyDefense"]),
        .library(name: "AntibodyEngine", targets: ["AntibodyEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "AntibodyMath"),
        .target(name: "AntibodyCore", dependencies: ["AntibodyMath"]),
        .target(name: "AntibodyDefense", dependencies: ["AntibodyCore"]),
        .target(
            name: "AntibodyEngine",
            dependencies: [
                "AntibodyCore",
                "AntibodyDefense",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "antibody",
            dependencies: [
                "AntibodyCore",
                "AntibodyDefense",
                "AntibodyEngine",
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
            dependencies: ["AntibodyCore"]
        ),
        .testTarget(
            name: "AntibodyDefenseTests",
            dependencies: ["AntibodyDefense", "AntibodyCore"]
        ),
        .testTarget(
            name: "AntibodyEngineTests",
            dependencies: ["AntibodyEngine", "AntibodyDefense", "AntibodyCore"]
        ),
    ]
)
