import EventStore
import Foundation
import GRDBSQLite

/// The baseline for appends: the same rows inserted through SQLite's C API with one
/// prepared statement, 10,000 rows per transaction, WAL and synchronous=FULL like the store.
enum RawSQLite {
    static func insert(_ events: [RecordedEvent], into path: String) throws -> Double {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw BenchError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        func exec(_ sql: String) throws {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
        }
        try exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")
        try exec("""
            CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL,
              event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, schema_version INTEGER NOT NULL, business_time TEXT NOT NULL,
              recorded_time TEXT NOT NULL, actor TEXT NOT NULL, payload TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL,
              UNIQUE (stream_id, stream_version))
            """)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", -1, &statement, nil) == SQLITE_OK else {
            throw BenchError(String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        return try Measure.seconds {
            for start in stride(from: 0, to: events.count, by: 10_000) {
                try exec("BEGIN IMMEDIATE")
                for event in events[start..<min(start + 10_000, events.count)] {
                    sqlite3_bind_int64(statement, 1, event.position)
                    sqlite3_bind_text(statement, 2, event.streamID, -1, transient)
                    sqlite3_bind_int64(statement, 3, event.streamVersion)
                    sqlite3_bind_text(statement, 4, event.eventID, -1, transient)
                    sqlite3_bind_text(statement, 5, event.type, -1, transient)
                    sqlite3_bind_int64(statement, 6, Int64(event.schemaVersion))
                    sqlite3_bind_text(statement, 7, event.businessTime, -1, transient)
                    sqlite3_bind_text(statement, 8, event.recordedTime, -1, transient)
                    sqlite3_bind_text(statement, 9, event.metadata.actor, -1, transient)
                    sqlite3_bind_text(statement, 10, event.payloadJSON, -1, transient)
                    sqlite3_bind_text(statement, 11, event.previousHash, -1, transient)
                    sqlite3_bind_text(statement, 12, event.hash, -1, transient)
                    guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
                    sqlite3_reset(statement)
                }
                try exec("COMMIT")
            }
        }
    }
}
