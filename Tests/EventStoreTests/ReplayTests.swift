import EventStore
import Foundation
import GRDB
import Testing

/// Copies each event's text into a table, in log order; refuses the event whose text is
/// `refuse` while preparing it (on the replay's reading thread).
private struct TextCopy: ReplayProjector {
    var refuse: String?

    struct Refused: Error {}

    func prepare(_ events: [RecordedEvent]) throws -> [(Int64, String)] {
        try events.map { event in
            let text = try event.decodePayload(as: [String: String].self)["text"] ?? ""
            if text == refuse { throw Refused() }
            return (event.position, text)
        }
    }

    func apply(prepared: [(Int64, String)], in db: Database) throws {
        for (position, text) in prepared {
            try db.execute(sql: "INSERT INTO copies (position, text) VALUES (?, ?)", arguments: [position, text])
        }
    }
}

@Suite struct ReplayTests {
    /// A store holding `count` events (the fixture removes its folder when released).
    private func store(events count: Int, in fixture: TemporaryStore) throws -> EventStore {
        let store = try fixture.open()
        try store.append((1...count).map { event("第\($0)条") }, to: "s", expecting: .any)
        return store
    }

    private func replay(_ projector: TextCopy, into store: EventStore, batchSize: Int) throws {
        try store.replay(into: projector, batchSize: batchSize, prepare: { db in
            try db.execute(sql: "DROP TABLE IF EXISTS copies")
            try db.execute(sql: "CREATE TABLE copies (position INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        })
    }

    @Test func everyEventArrivesOnceInLogOrderAcrossManyBatches() throws {
        let fixture = try TemporaryStore()
        let store = try store(events: 1_000, in: fixture)
        var reported: [Int64] = []
        try store.replay(into: TextCopy(), batchSize: 7, prepare: { db in
            try db.execute(sql: "CREATE TABLE copies (position INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        }, progress: { done, total in
            #expect(total == 1_000)
            reported.append(done)
        })
        let copies = try store.snapshot { try Row.fetchAll($0, sql: "SELECT position, text FROM copies ORDER BY rowid") }
        #expect(copies.map { $0[0] as Int64 } == Array(1...1_000))
        #expect(copies.map { $0[1] as String } == (1...1_000).map { "第\($0)条" })
        #expect(reported.last == 1_000 && reported == reported.sorted())
        withExtendedLifetime(fixture) {}
    }

    @Test func aFailureWhilePreparingRollsTheWholeReplayBack() throws {
        let fixture = try TemporaryStore()
        let store = try store(events: 200, in: fixture)
        try replay(TextCopy(), into: store, batchSize: 50)
        #expect(throws: TextCopy.Refused.self) { try replay(TextCopy(refuse: "第180条"), into: store, batchSize: 50) }
        // The tables are as the last successful replay left them; the store still takes appends.
        #expect(try store.snapshot { try Int.fetchOne($0, sql: "SELECT count(*) FROM copies") } == 200)
        try store.append([event()], to: "s", expecting: .any)
        withExtendedLifetime(fixture) {}
    }

    @Test func theReplaysConnectionSettingsHoldForItsTransactionOnly() throws {
        let fixture = try TemporaryStore()
        let store = try store(events: 20, in: fixture)
        let settings = "SELECT (SELECT temp_store FROM pragma_temp_store), (SELECT cache_size FROM pragma_cache_size)"
        let before = try store.withWriteTransaction { try Row.fetchOne($0, sql: settings)! }
        var during: Row?
        try store.replay(into: TextCopy(), prepare: { db in
            during = try Row.fetchOne(db, sql: settings)
            try db.execute(sql: "CREATE TABLE copies (position INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        })
        // Statement journals in memory (temp_store = MEMORY) on every connection; a larger
        // page cache during the replay only.
        #expect(before[0] as Int == 2 && during?[0] as Int? == 2)
        #expect((during?[1] as Int? ?? 0) < (before[1] as Int))
        #expect(try store.withWriteTransaction { try Row.fetchOne($0, sql: settings) } == before)
        withExtendedLifetime(fixture) {}
    }

    @Test func parallelSnapshotsSeeTheSameLog() throws {
        let fixture = try TemporaryStore()
        let store = try store(events: 30, in: fixture)
        let (first, second) = try store.parallelSnapshots {
            ({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") },
             { db in try Int.fetchOne(db, sql: "SELECT max(position) FROM events") })
        }
        #expect(first == 30 && second == 30)
        withExtendedLifetime(fixture) {}
    }
}
