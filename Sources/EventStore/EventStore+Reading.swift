import GRDB

/// Which way a stream is read.
public enum ReadDirection: Sendable {
    case forward
    case backward
}

/// The last event of the log: where the chain currently ends.
public struct LogHead: Hashable, Sendable {
    public var position: Int64
    public var hash: String

    public init(position: Int64, hash: String) {
        self.position = position
        self.hash = hash
    }
}

extension EventStore {
    /// Where the log ends, or nil when it is empty.
    public func head() throws -> LogHead? {
        try read { db in try StoreSchema.head(in: db) }
    }

    /// Up to `limit` events from global position `position` on.
    public func readAll(from position: Int64 = 1, limit: Int = 1000) throws -> [RecordedEvent] {
        try read { db in try RecordedEvent.fetch(after: position - 1, limit: limit, in: db) }
    }

    /// Up to `limit` events of one stream, starting at stream version `version`
    /// (forward: that version and later; backward: that version and earlier, newest first;
    /// nil starts at the stream's first or last event).
    public func readStream(
        _ streamID: String, from version: Int64? = nil, direction: ReadDirection = .forward, limit: Int = 1000
    ) throws -> [RecordedEvent] {
        let sql: String
        switch direction {
        case .forward:
            sql = "SELECT \(StoreSchema.envelopeColumns) FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?"
        case .backward:
            sql = "SELECT \(StoreSchema.envelopeColumns) FROM events WHERE stream_id = ? AND stream_version <= ? ORDER BY stream_version DESC LIMIT ?"
        }
        let start = version ?? (direction == .forward ? 1 : Int64.max)
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [streamID, start, limit])
                .map(RecordedEvent.init(row:))
        }
    }

    /// Several whole streams at once, in one read transaction (a consistent snapshot), each
    /// in stream order. Streams with no events are absent from the result.
    public func readStreams(_ streamIDs: some Sequence<String>) throws -> [String: [RecordedEvent]] {
        try read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT \(StoreSchema.envelopeColumns) FROM events WHERE stream_id = ? ORDER BY stream_version
                """)
            var streams: [String: [RecordedEvent]] = [:]
            for streamID in streamIDs where streams[streamID] == nil {
                let events = try Row.fetchAll(statement, arguments: [streamID]).map(RecordedEvent.init(row:))
                if !events.isEmpty { streams[streamID] = events }
            }
            return streams
        }
    }

    /// Calls `body` with every event from `position` on, in batches of `batchSize`, in order.
    /// Memory stays flat whatever the length of the log.
    public func forEachBatch(
        from position: Int64 = 1, batchSize: Int = 10_000, _ body: ([RecordedEvent]) throws -> Void
    ) throws {
        var next = position
        while true {
            let batch = try readAll(from: next, limit: batchSize)
            guard let last = batch.last else { return }
            try body(batch)
            next = last.position + 1
        }
    }
}
