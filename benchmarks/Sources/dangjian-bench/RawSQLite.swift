import EventStore
import Foundation
import GRDBSQLite

/// The baseline for appends: the same rows inserted through SQLite's C API with one
/// prepared statement, 10,000 rows per transaction, WAL and synchronous=FULL like the
/// store, into a table shaped like the store's `events` table (same columns and constraints).
enum RawSQLite {
    static let rowsPerTransaction = 10_000

    /// Inserts the events into a new file at `path`; returns the seconds the inserts took.
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
              recorded_time TEXT NOT NULL, actor TEXT NOT NULL, correlation_id TEXT, causation_id TEXT, payload TEXT NOT NULL,
              prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, stream_version))
            """)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &statement, nil) == SQLITE_OK else {
            throw BenchError(String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func bind(_ index: Int32, _ text: String?) {
            if let text { sqlite3_bind_text(statement, index, text, -1, transient) } else { sqlite3_bind_null(statement, index) }
        }
        return try Measure.seconds {
            for start in stride(from: 0, to: events.count, by: rowsPerTransaction) {
                try exec("BEGIN IMMEDIATE")
                for event in events[start..<min(start + rowsPerTransaction, events.count)] {
                    sqlite3_bind_int64(statement, 1, event.position)
                    bind(2, event.streamID)
                    sqlite3_bind_int64(statement, 3, event.streamVersion)
                    bind(4, event.eventID)
                    bind(5, event.type)
                    sqlite3_bind_int64(statement, 6, Int64(event.schemaVersion))
                    bind(7, event.businessTime)
                    bind(8, event.recordedTime)
                    bind(9, event.metadata.actor)
                    bind(10, event.metadata.correlationID)
                    bind(11, event.metadata.causationID)
                    bind(12, event.payloadJSON)
                    bind(13, event.previousHash)
                    bind(14, event.hash)
                    guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
                    sqlite3_reset(statement)
                }
                try exec("COMMIT")
            }
        }
    }
}
