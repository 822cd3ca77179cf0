import Archive
import EventStore
import Foundation
import Testing

/// An import commits batch by batch; a killed one is finished by running it again.
@Suite struct ResumedImportTests {
    /// An archive of 300 events, the log it holds, and an empty store to import into.
    private func exported() throws -> (Fixture, ArchiveExportResult, [RecordedEvent], EventStore) {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 300, quarter: 1)
        let result = try fixture.export(.sinceLast)
        let original = try ArchiveRoundTripTests.allEvents(fixture.store).filter { $0.position <= result.manifest.lastPosition }
        let copy = try EventStore(path: fixture.path("copy.sqlite"), create: true)
        return (fixture, result, original, copy)
    }

    @Test func runningAnInterruptedImportAgainAddsOnlyWhatIsMissing() throws {
        let (fixture, result, original, copy) = try exported()
        // What a kill after the first committed batch leaves behind.
        try copy.appendVerbatim(Array(original.prefix(120)))
        let outcome = try ArchiveImporter.importArchive(result.path, into: copy, publicKey: fixture.key.publicKey)
        #expect(outcome.alreadyPresent == 120 && outcome.appended == Int64(original.count) - 120)
        #expect(try ArchiveRoundTripTests.allEvents(copy) == original)
        #expect(try copy.verifyChain().failure == nil)
    }

    @Test func importingAnArchiveTwiceAddsNothing() throws {
        let (fixture, result, original, copy) = try exported()
        try ArchiveImporter.importArchive(result.path, into: copy, publicKey: fixture.key.publicKey)
        let again = try ArchiveImporter.importArchive(result.path, into: copy, publicKey: fixture.key.publicKey)
        #expect(again.appended == 0 && again.alreadyPresent == Int64(original.count))
        #expect(try ArchiveRoundTripTests.allEvents(copy) == original)
    }

    @Test func aStoreHoldingOtherEventsAtThosePositionsIsRefusedUntouched() throws {
        let (fixture, result, original, copy) = try exported()
        try copy.append([NewEvent(
            type: "note.written", businessTime: "2026-01-01", payload: .object(["text": .string("另一份日志")]),
            metadata: EventMetadata(actor: "someone else"))], to: "notes", expecting: .any)
        let before = try ArchiveRoundTripTests.allEvents(copy)
        #expect(throws: ArchiveError.self) {
            try ArchiveImporter.importArchive(result.path, into: copy, publicKey: fixture.key.publicKey)
        }
        #expect(try ArchiveRoundTripTests.allEvents(copy) == before)
        #expect(original.count > 1)
    }
}
