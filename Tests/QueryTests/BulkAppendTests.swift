import EventStore
import Foundation
@testable import Projections
import Testing

/// Appending many events at once (an archive import): into an empty store the log goes in
/// alone and the query tables are built at the end, and no one can read them behind the log.
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

    @Test func intoAnEmptyStoreTheTablesAreMarkedOutdatedByEveryAppendAndBuiltAtTheEnd() throws {
        let (_, events, tables) = try source()
        let target = try TemporaryProjectedStore()
        let bulk = try ProjectionMaintenance.openForBulkAppend(path: target.path)
        let half = events.count / 2
        try bulk.appendVerbatim(Array(events[..<half]))
        #expect(try ProjectionMaintenance.outdated(in: bulk) == ProjectionSet.names)

        // Another process opening the store now (or the next command after a kill) builds the
        // tables from the events in so far, and marks them current.
        _ = try ProjectionMaintenance.open(path: target.path)
        #expect(try ProjectionMaintenance.outdated(in: bulk).isEmpty)
        // The next append marks them outdated again: they no longer hold every event.
        try bulk.appendVerbatim(Array(events[half...]))
        #expect(try ProjectionMaintenance.outdated(in: bulk) == ProjectionSet.names)

        try ProjectionMaintenance.rebuildOutdated(in: bulk)
        #expect(try ProjectionMaintenance.outdated(in: bulk).isEmpty)
        #expect(try target.dumpProjectionTables() == tables)
    }

    @Test func intoAStoreFileNotYetMadeTheTablesAreBuiltAtTheEnd() throws {
        let (source, events, tables) = try source()
        let path = source.directory.appendingPathComponent("new.sqlite").path
        let bulk = try ProjectionMaintenance.openForBulkAppend(path: path, create: true)
        try bulk.appendVerbatim(events)
        #expect(try ProjectionMaintenance.outdated(in: bulk) == ProjectionSet.names)
        try ProjectionMaintenance.rebuildOutdated(in: bulk)
        #expect(try TemporaryProjectedStore.dumpProjectionTables(of: bulk) == tables)
    }

    @Test func continuingAStoreWithCurrentTablesKeepsThemCurrentWithEveryAppend() throws {
        let (_, events, tables) = try source()
        let target = try TemporaryProjectedStore()
        let half = events.count / 2
        try target.store.appendVerbatim(Array(events[..<half]))
        let bulk = try ProjectionMaintenance.openForBulkAppend(path: target.path)
        try bulk.appendVerbatim(Array(events[half...]))
        #expect(try ProjectionMaintenance.outdated(in: bulk).isEmpty)
        #expect(try target.dumpProjectionTables() == tables)
    }

    @Test func anInterruptedBulkAppendIsFinishedTheSameWay() throws {
        let (_, events, tables) = try source()
        let target = try TemporaryProjectedStore()
        let half = events.count / 2
        // What a kill after the first batches leaves: part of the log, the tables outdated.
        try ProjectionMaintenance.openForBulkAppend(path: target.path).appendVerbatim(Array(events[..<half]))
        let resumed = try ProjectionMaintenance.openForBulkAppend(path: target.path)
        try resumed.appendVerbatim(Array(events[half...]))
        #expect(try ProjectionMaintenance.outdated(in: resumed) == ProjectionSet.names)
        try ProjectionMaintenance.rebuildOutdated(in: resumed)
        #expect(try target.dumpProjectionTables() == tables)
    }
}
