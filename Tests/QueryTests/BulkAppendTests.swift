import EventStore
import Foundation
@testable import Projections
import Testing

/// Appending many events at once (an archive import): into an empty store the log goes in
/// alone and the query tables are built at the end, and no command reads them behind the log.
@Suite struct BulkAppendTests {
    /// A store with a random history, its log, and the query tables it built inline.
    private func source() throws -> (store: TemporaryProjectedStore, events: [RecordedEvent], tables: [String: [String]]) {
        let source = try TemporaryProjectedStore()
        var history = RandomHistory(seed: 4, store: source.store)
        try history.run(steps: 200)
        let events = try source.store.readAll(from: 1, limit: 1_000_000)
        #expect(events.count > 100)
        return (source, events, try source.dumpProjectionTables())
    }

    /// The tables an inline append of `events` builds.
    private func tablesBuiltInline(_ events: [RecordedEvent]) throws -> [String: [String]] {
        let store = try TemporaryProjectedStore()
        try store.store.appendVerbatim(events)
        return try store.dumpProjectionTables()
    }

    @Test func intoAnEmptyStoreTheTablesAreBuiltAtTheEndAndCommandsWaitTillThen() throws {
        let (_, events, tables) = try source()
        let target = try TemporaryProjectedStore()
        let bulk = try BulkAppend(path: target.path)
        let half = events.count / 2
        try bulk.store.appendVerbatim(Array(events[..<half]))
        #expect(try ProjectionMaintenance.outdated(in: bulk.store) == ProjectionSet.names)
        // Another command, or another import, is told to wait instead of rebuilding.
        #expect(throws: MaintenanceError.bulkAppendInProgress(store: target.path)) { try ProjectionMaintenance.open(path: target.path) }
        #expect(throws: MaintenanceError.bulkAppendInProgress(store: target.path)) { try BulkAppend(path: target.path) }
        try bulk.store.appendVerbatim(Array(events[half...]))
        try bulk.finish()
        #expect(try ProjectionMaintenance.outdated(in: bulk.store).isEmpty)
        #expect(try target.dumpProjectionTables() == tables)
        #expect(!FileManager.default.fileExists(atPath: BulkAppendLock.path(forStore: target.path)))
        _ = try ProjectionMaintenance.open(path: target.path)
    }

    /// What a command that checked before the lock was taken, and rebuilt part way, would meet.
    @Test func everyAppendMarksTheTablesOutdatedAgain() throws {
        let (_, events, tables) = try source()
        let target = try TemporaryProjectedStore()
        let marking = try EventStore(path: target.path, projectors: [OutdatedMarker()])
        let half = events.count / 2
        try marking.appendVerbatim(Array(events[..<half]))
        #expect(try ProjectionMaintenance.outdated(in: marking) == ProjectionSet.names)
        _ = try ProjectionMaintenance.open(path: target.path)
        #expect(try ProjectionMaintenance.outdated(in: marking).isEmpty)
        #expect(try target.dumpProjectionTables() == tablesBuiltInline(Array(events[..<half])))
        try marking.appendVerbatim(Array(events[half...]))
        #expect(try ProjectionMaintenance.outdated(in: marking) == ProjectionSet.names)
        _ = try ProjectionMaintenance.open(path: target.path)
        #expect(try target.dumpProjectionTables() == tables)
    }

    @Test func aKilledBulkAppendLeavesTablesThatTheNextCommandBuilds() throws {
        let (_, events, tables) = try source()
        let target = try TemporaryProjectedStore()
        let half = events.count / 2
        do {
            // A kill: the process ends before `finish`, and the kernel lets go of its lock.
            let bulk = try BulkAppend(path: target.path)
            try bulk.store.appendVerbatim(Array(events[..<half]))
        }
        #expect(try ProjectionMaintenance.outdated(in: target.store) == ProjectionSet.names)
        // Running the import again finds every table outdated and appends in bulk again.
        let resumed = try BulkAppend(path: target.path)
        try resumed.store.appendVerbatim(Array(events[half...]))
        #expect(try ProjectionMaintenance.outdated(in: resumed.store) == ProjectionSet.names)
        try resumed.finish()
        #expect(try target.dumpProjectionTables() == tables)
    }

    @Test func intoAStoreFileNotYetMadeTheTablesAreBuiltAtTheEnd() throws {
        let (source, events, tables) = try source()
        let path = source.directory.appendingPathComponent("new.sqlite").path
        let bulk = try BulkAppend(path: path, create: true)
        try bulk.store.appendVerbatim(events)
        #expect(try ProjectionMaintenance.outdated(in: bulk.store) == ProjectionSet.names)
        try bulk.finish()
        #expect(try TemporaryProjectedStore.dumpProjectionTables(of: bulk.store) == tables)
    }

    @Test func continuingAStoreWithCurrentTablesKeepsThemCurrentWithEveryAppend() throws {
        let (_, events, tables) = try source()
        let target = try TemporaryProjectedStore()
        let half = events.count / 2
        try target.store.appendVerbatim(Array(events[..<half]))
        let bulk = try BulkAppend(path: target.path)
        try bulk.store.appendVerbatim(Array(events[half...]))
        #expect(try ProjectionMaintenance.outdated(in: bulk.store).isEmpty)
        try bulk.finish()
        #expect(try target.dumpProjectionTables() == tables)
    }

    /// After an upgrade that changed one projection, a small import does not rebuild them all.
    @Test func continuingAStoreWithOneOutdatedProjectionRebuildsOnlyThatOneFirst() throws {
        let (_, events, tables) = try source()
        let target = try TemporaryProjectedStore()
        let half = events.count / 2
        try target.store.appendVerbatim(Array(events[..<half]))
        try target.store.withWriteTransaction { db in
            try db.execute(sql: "UPDATE projection_versions SET version = 0 WHERE name = 'meetings'")
        }
        var rebuilt: [String] = []
        let bulk = try BulkAppend(path: target.path) { names, _, _ in rebuilt = names }
        #expect(rebuilt == ["meetings"])
        try bulk.store.appendVerbatim(Array(events[half...]))
        #expect(try ProjectionMaintenance.outdated(in: bulk.store).isEmpty)
        #expect(try target.dumpProjectionTables() == tables)
    }
}
