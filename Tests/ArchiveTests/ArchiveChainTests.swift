import Archive
import EventStore
import Foundation
import SystemCrypto
import Testing

@Suite struct ArchiveChainTests {
    /// A year of quarterly exports, with a Q1 meeting logged late (during Q2) and Q2 events
    /// logged before the Q1 export.
    static func fourQuarters() throws -> (Fixture, [ArchiveExportResult]) {
        let fixture = try Fixture()
        var results: [ArchiveExportResult] = []
        try fixture.appendEvents(count: 40, quarter: 1)
        try fixture.appendEvents(count: 3, quarter: 2)
        try fixture.appendEvents(count: 2, quarter: 1)
        results.append(try fixture.export(.period(try ArchivePeriod(parsing: "2026-Q1")), period: "2026-Q1"))
        for quarter in 2...4 {
            try fixture.appendEvents(count: 25, quarter: quarter)
            if quarter == 2 { try fixture.appendEvents(count: 1, quarter: 1) }
            let period = "2026-Q\(quarter)"
            results.append(try fixture.export(.period(try ArchivePeriod(parsing: period)), period: period))
        }
        return (fixture, results)
    }

    @Test func fourQuarterlyArchivesVerifyAsAChain() throws {
        let (fixture, archives) = try Self.fourQuarters()
        // Q1 runs through the late-logged Q1 events, carrying the Q2 events logged between.
        #expect(archives[0].manifest.firstPosition == 1 && archives[0].manifest.lastPosition == 45)
        for (index, archive) in archives.enumerated() {
            let anchor: ContinuityAnchor? = index == 0 ? nil : .previousArchive(path: archives[index - 1].path)
            let verified = try ArchiveVerifier.verify(archive.path, publicKey: fixture.key.publicKey, continuing: anchor)
            #expect(verified.signature == .trustedKey(publicKey: archive.manifest.signature!.publicKey))
            if index > 0 {
                #expect(archive.manifest.firstPosition == archives[index - 1].manifest.lastPosition + 1)
                let root = try #require(Hash256(hex: archives[index - 1].manifest.merkle.root))
                _ = try ArchiveVerifier.verify(archive.path, publicKey: fixture.key.publicKey, continuing: .trustedRoot(root))
            }
        }
        // Importing the four in order rebuilds the log through Q4's last position.
        let copy = try EventStore(path: fixture.path("copy.sqlite"), create: true)
        for (index, archive) in archives.enumerated() {
            try ArchiveImporter.importArchive(
                archive.path, into: copy, publicKey: fixture.key.publicKey,
                continuing: index == 0 ? nil : .previousArchive(path: archives[index - 1].path))
        }
        #expect(try copy.head()?.hash == archives[3].manifest.lastHash)
    }

    @Test func anArchiveThatSkipsOneDoesNotContinueIt() throws {
        let (fixture, archives) = try Self.fourQuarters()
        #expect(throws: ArchiveError.self) {
            try ArchiveVerifier.verify(archives[2].path, publicKey: fixture.key.publicKey, continuing: .previousArchive(path: archives[0].path))
        }
        let wrongRoot = try #require(Hash256(hex: archives[0].manifest.merkle.root))
        #expect(throws: ArchiveError.self) {
            try ArchiveVerifier.verify(archives[2].path, continuing: .trustedRoot(wrongRoot))
        }
    }

    @Test func aKeyOtherThanTheHubsIsRefused() throws {
        let (_, archives) = try Self.fourQuarters()
        let other = Fixture.otherKey.publicKey
        #expect(throws: ArchiveError.self) { try ArchiveVerifier.verify(archives[0].path, publicKey: other) }
    }
}

extension Fixture {
    static let otherKey = Curve25519.Signing.PrivateKey()
}
