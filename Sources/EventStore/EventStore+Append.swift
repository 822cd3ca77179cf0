import Foundation
import GRDB

extension EventStore {
    /// Appends events to one stream, atomically. See ``append(_:)``.
    @discardableResult
    public func append(_ events: [NewEvent], to streamID: String, expecting expected: ExpectedVersion) throws -> [RecordedEvent] {
        try append([StreamWrite(streamID: streamID, expectedVersion: expected, events: events)])
    }

    /// Appends events to one or more streams in one transaction: all of them, or none.
    ///
    /// An event whose id is already stored with the same content (stream, type, schema
    /// version, business time, payload) is not written again: its original record is
    /// returned. A stream write all of whose events are stored already is such a retry and
    /// skips its version check. The same id with other content is an error.
    ///
    /// `secrets` are stored or destroyed in the same transaction (see ``SecretChange``): a key
    /// sealing an event's data exists exactly when the event does.
    ///
    /// - Returns: the recorded events, in the order given.
    @discardableResult
    public func append(_ writes: [StreamWrite], secrets: [SecretChange] = []) throws -> [RecordedEvent] {
        for write in writes {
            if let problem = EnvelopeValidation.problem(inStreamID: write.streamID) {
                throw EventStoreError.invalidEvent(eventID: write.events.first?.eventID ?? "-", problem: problem)
            }
            for event in write.events {
                if let problem = EnvelopeValidation.problem(in: event) {
                    throw EventStoreError.invalidEvent(eventID: event.eventID, problem: problem)
                }
            }
        }
        let recordedTime = Self.timestamp(clock())
        let results = try writeTransaction { db in
            try Self.apply(secrets, in: db)
            var appender = try BatchAppender(db: db, recordedTime: recordedTime)
            var results: [RecordedEvent] = []
            for write in writes {
                results += try appender.append(write)
            }
            if !appender.appended.isEmpty {
                for projector in projectors {
                    try projector.apply(appender.appended, in: db)
                }
            }
            return results
        }
        if secrets.contains(where: \.destroys) { purgeDestroyedSecrets() }
        return results
    }

    /// Recorded times: UTC with milliseconds, `2026-03-01T08:00:00.000Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }
}

/// Extends the chain inside one write transaction.
private struct BatchAppender {
    let db: Database
    let recordedTime: String
    var headPosition: Int64
    var headHash: String
    var streamVersions: [String: Int64] = [:]
    var appended: [RecordedEvent] = []

    init(db: Database, recordedTime: String) throws {
        self.db = db
        self.recordedTime = recordedTime
        let head = try StoreSchema.head(in: db)
        headPosition = head?.position ?? 0
        headHash = head?.hash ?? EnvelopeHashing.genesisHash
    }

    mutating func append(_ write: StreamWrite) throws -> [RecordedEvent] {
        let current = try currentVersion(of: write.streamID)
        guard write.expectedVersion.admits(current) else {
            // A retry of a write that already succeeded is not a conflict.
            if let originals = try storedOriginals(of: write) { return originals }
            throw EventStoreError.versionConflict(streamID: write.streamID, expected: write.expectedVersion, actual: current)
        }
        var results: [RecordedEvent] = []
        for event in write.events {
            let version = streamVersions[write.streamID, default: current] + 1
            let recorded = record(event, in: write.streamID, version: version)
            guard try insertUnlessStored(recorded) else {
                // Checked after the insert attempt, not before: new events cost one statement.
                guard let original = try storedOriginal(of: event, in: write.streamID) else {
                    throw EventStoreError.database(detail: "event \(event.eventID) was neither written nor found")
                }
                results.append(original)
                continue
            }
            streamVersions[write.streamID] = version
            headPosition = recorded.position
            headHash = recorded.hash
            appended.append(recorded)
            results.append(recorded)
        }
        return results
    }

    private func currentVersion(of streamID: String) throws -> Int64 {
        if let known = streamVersions[streamID] { return known }
        return try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT max(stream_version) FROM events WHERE stream_id = ?"),
            arguments: [streamID]) ?? 0
    }

    private func record(_ event: NewEvent, in streamID: String, version: Int64) -> RecordedEvent {
        var recorded = RecordedEvent(
            position: headPosition + 1, streamID: streamID, streamVersion: version,
            eventID: event.eventID, type: event.type, schemaVersion: event.schemaVersion,
            businessTime: event.businessTime, recordedTime: recordedTime, metadata: event.metadata,
            payloadJSON: CanonicalJSON.string(of: event.payload), previousHash: headHash, hash: "")
        recorded.hash = recorded.recomputedHash
        return recorded
    }

    /// Inserts `event`; false when an event with its id is stored already.
    private func insertUnlessStored(_ event: RecordedEvent) throws -> Bool {
        let statement = try db.cachedStatement(sql: StoreSchema.insertSQL + " ON CONFLICT (event_id) DO NOTHING")
        try statement.execute(arguments: event.databaseArguments)
        return db.changesCount > 0
    }

    /// The stored event with this id, if any; an error if it differs from `event`.
    private func storedOriginal(of event: NewEvent, in streamID: String) throws -> RecordedEvent? {
        let statement = try db.cachedStatement(sql: "SELECT \(StoreSchema.envelopeColumns) FROM events WHERE event_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [event.eventID]) else { return nil }
        let original = try RecordedEvent(row: row)
        let same = original.streamID == streamID && original.type == event.type
            && original.schemaVersion == event.schemaVersion && original.businessTime == event.businessTime
            && original.payloadJSON == CanonicalJSON.string(of: event.payload)
        guard same else { throw EventStoreError.eventIDReused(eventID: event.eventID, position: original.position) }
        return original
    }

    /// The originals when every event of `write` is stored already; nil when any is new.
    private func storedOriginals(of write: StreamWrite) throws -> [RecordedEvent]? {
        var originals: [RecordedEvent] = []
        for event in write.events {
            guard let original = try storedOriginal(of: event, in: write.streamID) else { return nil }
            originals.append(original)
        }
        return write.events.isEmpty ? nil : originals
    }
}
