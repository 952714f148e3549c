// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "bedrock-emulator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bedrock-emulator", targets: ["bedrock-emulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "BedrockAPI",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/api-model.json")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EmulatorCore",
            dependencies: [
                "BedrockAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FakeModels",
            dependencies: ["BedrockAPI"],
            // The catalog and guardrail lexicons are data: fixtures/models.json and fixtures/guardrails/lexicons.json
            // link here, because SwiftPM bundles only files inside a target.
            resources: [.copy("Resources/models.json"), .copy("Resources/guardrail-lexicons.json")],
            swiftSettings: swiftSettings
        ),
        .target(name: "ControlPlane", dependencies: ["EmulatorCore", "FakeModels"], swiftSettings: swiftSettings),
        .target(name: "Runtime", dependencies: ["EmulatorCore", "FakeModels"], swiftSettings: swiftSettings),
        .target(name: "Agents", dependencies: ["EmulatorCore", "FakeModels"], swiftSettings: swiftSettings),
        .target(name: "AgentRuntime", dependencies: ["EmulatorCore", "FakeModels", "Runtime"], swiftSettings: swiftSettings),
        .target(
            name: "EmulatorServer",
            dependencies: [
                "BedrockAPI", "EmulatorCore", "ControlPlane", "Runtime", "Agents", "AgentRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "bedrock-emulator",
            dependencies: [
                "EmulatorServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings,
            // lld packs the executable's 38,000 relative relocations into a few KB (RELR, which
            // Debian 12's glibc reads): less to map and apply at start, about 0.7 MB less RSS.
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux]))]
        ),
        .testTarget(name: "BedrockAPITests", dependencies: ["BedrockAPI"], swiftSettings: swiftSettings),
        .testTarget(name: "EmulatorCoreTests", dependencies: ["EmulatorCore"], swiftSettings: swiftSettings),
        .testTarget(name: "FakeModelsTests", dependencies: ["FakeModels"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EmulatorServerTests",
            dependencies: [
                "EmulatorServer",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
