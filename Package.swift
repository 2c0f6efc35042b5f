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
        .library(name: "AntibodySim", targets: ["AntibodySim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        .target(name: "AntibodyMath"),
        .target(name: "AntibodyCore", dependencies: ["AntibodyMath"]),
        .executableTarget(
            name: "antibody",
            dependencies: [
                "AntibodyCore",
                "AntibodyMath",
                "AntibodySim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "AntibodySim", dependencies: ["AntibodyCore", "AntibodyMath"]),
        .testTarget(
            name: "AntibodySimTests",
            dependencies: ["AntibodySim", "AntibodyCore", "AntibodyMath"],
            exclude: ["Fixtures"]
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
    ]
)
