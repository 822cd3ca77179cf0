// swift-tools-version:6.1
import PackageDescription

// The benchmark harness: its own package, so `swift test` at the root never runs it.
// Build and run it in release mode (benchmarks/README.md).
let package = Package(
    name: "dangjian-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "dangjian", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "dangjian-bench",
            dependencies: [
                .product(name: "EventStore", package: "dangjian"),
                .product(name: "PartyBuilding", package: "dangjian"),
                .product(name: "Projections", package: "dangjian"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
