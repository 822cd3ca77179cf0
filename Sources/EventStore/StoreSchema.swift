import GRDB

/// The tables of the event store and how the file says it is one.
enum StoreSchema {
    /// `PRAGMA application_id` of every dangjian store: "DJ" "ES" in ASCII.
    static let applicationID: Int32 = 0x444A_4553

    /// Every schema change is a new migration appended here; a store that has applied a
    /// migration this list does not know was written by a newer dangjian.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("event-store-v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE events (
                    position INTEGER PRIMARY KEY,
                    stream_id TEXT NOT NULL,
                    stream_version INTEGER NOT NULL,
                    event_id TEXT NOT NULL UNIQUE,
                    type TEXT NOT NULL,
                    schema_version INTEGER NOT NULL,
                    business_time TEXT NOT NULL,
                    recorded_time TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    correlation_id TEXT,
                    causation_id TEXT,
                    payload TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    UNIQUE (stream_id, stream_version)
                );
                CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE is refused; record a correction event instead'); END;
                CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE is refused; record a retraction event instead'); END;
                CREATE TABLE checkpoints (
                    consumer TEXT PRIMARY KEY,
                    position INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("personal-keys-v1") { db in
            // The one table whose rows may change or go: keys kept outside the hash chain, so
            // that destroying one makes what it sealed unreadable without touching `events`.
            try db.execute(sql: """
                CREATE TABLE personal_keys (
                    id TEXT PRIMARY KEY,
                    key BLOB NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }

    /// The envelope columns in the order `RecordedEvent(row:)` reads them.
    static let envelopeColumns = """
        position, stream_id, stream_version, event_id, type, schema_version, business_time, \
        recorded_time, actor, correlation_id, causation_id, payload, prev_hash, hash
        """

    /// Up to `limit` rows of events after global position `position`, in order.
    static func rows(after position: Int64, limit: Int, in db: Database) throws -> [Row] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT \(envelopeColumns) FROM events WHERE position > ? ORDER BY position LIMIT ?"),
            arguments: [position, limit])
    }

    /// The last event's position and hash, or nil when the log is empty.
    static func head(in db: Database) throws -> LogHead? {
        guard let row = try Row.fetchOne(db, sql: "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1") else {
            return nil
        }
        guard let position = Int64.fromDatabaseValue(row[0] as DatabaseValue),
              let hash = String.fromDatabaseValue(row[1] as DatabaseValue)
        else { throw EventStoreError.damagedRecord(position: Int64.fromDatabaseValue(row[0] as DatabaseValue)) }
        return LogHead(position: position, hash: hash)
    }

    static let insertSQL = "INSERT INTO events (\(envelopeColumns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
}

extension RecordedEvent {
    /// Up to `limit` events after global position `position`, in order.
    static func fetch(after position: Int64, limit: Int, in db: Database) throws -> [RecordedEvent] {
        try StoreSchema.rows(after: position, limit: limit, in: db).map(RecordedEvent.init(row:))
    }

    /// The event of a row of `events`; a row whose columns hold what the schema does not allow
    /// (altered outside dangjian) is an error, never a crash.
    init(row: Row) throws {
        guard let event = ChainVerifier.decode(row) else {
            throw EventStoreError.damagedRecord(position: Int64.fromDatabaseValue(row[0] as DatabaseValue))
        }
        self = event
    }

    /// The envelope's values in the order of `StoreSchema.envelopeColumns`.
    var databaseArguments: StatementArguments {
        [
            position, streamID, streamVersion, eventID, type, schemaVersion, businessTime,
            recordedTime, metadata.actor, metadata.correlationID, metadata.causationID, payloadJSON,
            previousHash, hash,
        ]
    }
}
