// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "dangjian",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dangjian", targets: ["dangjian"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .library(name: "PartyBuilding", targets: ["PartyBuilding"]),
        .library(name: "Projections", targets: ["Projections"]),
        .library(name: "EarlyWarning", targets: ["EarlyWarning"]),
        .library(name: "Archive", targets: ["Archive"]),
        .plugin(name: "ExportArchivePlugin", targets: ["ExportArchivePlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: Foundation

        // Chinese/English text and the error protocol every module speaks.
        .target(name: "Bilingual"),
        // The system OpenSSL 3 libcrypto (libssl-dev).
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        // SHA-256's compression function with the x86 SHA extensions, one message or two
        // interleaved (SystemCrypto's SHA256State.swift says why it is hand-written).
        .target(name: "CSHA256Lanes"),
        // SHA-256, Ed25519 and AES-GCM with swift-crypto's names, on the system libcrypto.
        .target(
            name: "SystemCrypto",
            dependencies: ["COpenSSL", "CSHA256Lanes"]),
        // The append-only, hash-chained event log on SQLite. Knows no party-building words.
        .target(
            name: "EventStore",
            dependencies: [
                "Bilingual",
                "SystemCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),

        // MARK: Domain

        // Organisations, members, meetings, study, dues: events, commands, decide/evolve.
        .target(
            name: "PartyBuilding",
            dependencies: ["Bilingual", "EventStore", "SystemCrypto"]),

        // MARK: Query views

        // Query tables kept in step with the log inside each append; rebuilt from position 1
        // when their definition changes; the reports operators read.
        .target(
            name: "Projections",
            dependencies: [
                "Bilingual",
                "EventStore",
                "PartyBuilding",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),

        // MARK: Early warnings

        // The official rule table as data, evaluated as of a day over the query tables.
        .target(
            name: "EarlyWarning",
            dependencies: [
                "Bilingual",
                "EventStore",
                "PartyBuilding",
                "Projections",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.embedInCode("Resources/default-rules.json")]),

        // MARK: Synthetic district

        // A deterministic, seeded district that records life through the secretaries' commands.
        .target(
            name: "DistrictSimulator",
            dependencies: ["Bilingual", "EventStore", "PartyBuilding"]),

        // MARK: Archive

        // The system zlib (zlib1g-dev).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // The system libdeflate (libdeflate-dev): whole-buffer deflate, several times faster
        // than zlib; archives are written as many small gzip members.
        .systemLibrary(
            name: "CLibdeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]),
        // The system ISA-L (libisal-dev), for its inflate.
        .systemLibrary(
            name: "CIsal",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]),
        // One gzip member inflated with ISA-L, a fifth faster than libdeflate on archive
        // members; its C file says why Swift does not call ISA-L directly.
        .target(
            name: "CIsalInflate",
            dependencies: ["CIsal"]),
        // Compressed, signed, verifiable audit archives.
        .target(
            name: "Archive",
            dependencies: [
                "Bilingual",
                "EventStore",
                "CZlib",
                "CLibdeflate",
                "CIsalInflate",
                "SystemCrypto",
            ]),
        // `swift package export-archive`: runs `dangjian archive export`.
        .plugin(
            name: "ExportArchivePlugin",
            capability: .command(
                intent: .custom(verb: "export-archive", description: "Export an audit archive with the dangjian tool"),
                permissions: [.writeToPackageDirectory(reason: "writes the archive into the chosen --out folder")]),
            dependencies: ["dangjian"]),

        // MARK: Command line

        // glibc's malloc settings for `archive verify` (its C file says why it is C).
        .target(name: "CMallocTuning"),
        .executableTarget(
            name: "dangjian",
            dependencies: [
                "Bilingual",
                "EventStore",
                "PartyBuilding",
                "Projections",
                "EarlyWarning",
                "DistrictSimulator",
                "Archive",
                "SystemCrypto",
                "CMallocTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Appends synthetic events from a separate process: drives the
        // multi-process, crash and benchmark checks of the event store.
        .executableTarget(
            name: "store-load",
            dependencies: ["EventStore"]),

        // MARK: Tests

        // Known-answer tests of the libcrypto wrapper, and swift-crypto's wire formats.
        .testTarget(
            name: "SystemCryptoTests",
            dependencies: ["SystemCrypto"]),
        .testTarget(
            name: "EventStoreTests",
            dependencies: ["EventStore", "store-load", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "PartyBuildingTests",
            dependencies: ["PartyBuilding"]),
        // Query tables, reports and early warnings, on stores built through the domain's rules.
        .testTarget(
            name: "QueryTests",
            dependencies: ["Projections", "EarlyWarning", "DistrictSimulator", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "DistrictSimulatorTests",
            dependencies: ["DistrictSimulator", "EarlyWarning", "Projections"]),
        .testTarget(
            name: "ArchiveTests",
            dependencies: ["Archive", "SystemCrypto"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["dangjian", "EventStore", "DistrictSimulator", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
