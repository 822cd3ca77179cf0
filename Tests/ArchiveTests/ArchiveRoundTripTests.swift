import Archive
import EventStore
import Foundation
import Testing

@Suite struct ArchiveRoundTripTests {
    static func allEvents(_ store: EventStore) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        try store.forEachBatch(batchSize: 500) { events += $0 }
        return events
    }

    @Test func exportThenImportIntoAnEmptyStoreGivesTheSameLog() throws {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 300, quarter: 1)
        let result = try fixture.export(.sinceLast)
        let original = try Self.allEvents(fixture.store).filter { $0.position <= result.manifest.lastPosition }

        let copy = try EventStore(path: fixture.path("copy.sqlite"), create: true)
        try ArchiveImporter.importArchive(result.path, into: copy, publicKey: fixture.key.publicKey)
        #expect(try Self.allEvents(copy) == original)
        #expect(try copy.head()?.hash == result.manifest.lastHash)
        #expect(try copy.verifyChain().failure == nil)
        // The query tables are compared after an import through the command line, which
        // keeps them (Tests/CLITests/Archive/ArchiveSnapshotTests.swift).
    }

    /// The snapshots are made while the events are written; when making them fails, nothing
    /// is left behind: no archive, no partial file, no export recorded.
    @Test func aFailingSnapshotLeavesNoArchiveAndRecordsNoExport() throws {
        struct SnapshotFailed: Error {}
        let fixture = try Fixture()
        try fixture.appendEvents(count: 40, quarter: 1)
        let request = ArchiveExportRequest(
            positions: 1...40, outputDirectory: fixture.path("out"), hubID: "guandu", toolVersion: "dangjian test",
            actor: "tester", documents: { throw SnapshotFailed() })
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: false)
        #expect(throws: SnapshotFailed.self) { try ArchiveExporter.export(request, from: fixture.store) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.path("out")).isEmpty)
        #expect(try fixture.store.head()?.position == 40)
    }

    @Test func theExportIsRecordedAndTheNextExportContinuesAfterIt() throws {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 20, quarter: 1)
        let first = try fixture.export(.sinceLast)
        #expect(first.event.type == ExportRecord.eventType && first.event.position == 21)
        try fixture.appendEvents(count: 5, quarter: 2)
        let second = try fixture.export(.sinceLast)
        #expect(second.manifest.firstPosition == 21 && second.manifest.lastPosition == 26)
        #expect(second.manifest.previous.archive == (first.path as NSString).lastPathComponent)
        let history = try fixture.store.exportHistory()
        #expect(history.map(\.record.lastPosition) == [20, 26])
        #expect(history[0].record.merkleRoot == first.manifest.merkle.root)
    }

    @Test func importRefusesAnArchiveThatDoesNotContinueTheStore() throws {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 10, quarter: 1)
        try fixture.export(.sinceLast)
        try fixture.appendEvents(count: 10, quarter: 2)
        let second = try fixture.export(.sinceLast)
        let empty = try EventStore(path: fixture.path("empty.sqlite"), create: true)
        #expect(throws: ArchiveError.self) { try ArchiveImporter.importArchive(second.path, into: empty) }
        #expect(try empty.head() == nil)
    }
}
