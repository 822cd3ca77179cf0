import GRDB
import GRDBSQLite

/// Where one event lies in a ``CanonicalLineBatch``.
public struct CanonicalLineEntry: Hashable, Sendable {
    public var position: Int64
    /// The line within the batch's bytes, its newline excluded.
    public var line: Range<Int>
    /// The 64 hex digits of `prev_hash` within the batch's bytes.
    public var previousHash: Range<Int>
    /// The 64 hex digits of `hash` within the batch's bytes.
    public var hash: Range<Int>
}

/// Consecutive events as NDJSON: each event's `canonicalLine` followed by `\n`.
public struct CanonicalLineBatch: Sendable {
    public var bytes: [UInt8] = []
    public var entries: [CanonicalLineEntry] = []
}

extension EventStore {
    /// The NDJSON lines of the events at `positions`, in order, handed to `body` in batches of
    /// up to `batchSize` events; memory stays flat whatever the range's length.
    ///
    /// Built straight from the stored columns, without making a `RecordedEvent` (strings,
    /// reference counting) per event: exporting millions of events is bound by this loop.
    /// The bytes are exactly those of ``RecordedEvent/canonicalLine`` (the archive tests
    /// compare both on awkward events). Events missing from the range end it early: the
    /// caller checks the positions it received.
    public func forEachCanonicalLineBatch(
        positions: ClosedRange<Int64>, batchSize: Int = 4_096, _ body: (CanonicalLineBatch) throws -> Void
    ) throws {
        var next = positions.lowerBound
        while next <= positions.upperBound {
            let last = min(positions.upperBound, next + Int64(batchSize) - 1)
            let batch = try read { db in try Self.canonicalLines(from: next, through: last, in: db) }
            guard let end = batch.entries.last else { return }
            try body(batch)
            next = end.position + 1
        }
    }

    /// A reader of the lines of any range of positions on a read-only connection of its own,
    /// so that several ranges are read at once on other threads (this store's connection
    /// serves one caller at a time). Each call returns what ``forEachCanonicalLineBatch``
    /// would hand over for that range, in one batch: keep ranges to a few thousand events.
    ///
    /// The log is append-only, so events up to the head never change: every connection reads
    /// the same lines for them, whenever it reads.
    public func canonicalLineReader() throws -> @Sendable (ClosedRange<Int64>) throws -> CanonicalLineBatch {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        let path = self.path
        let connection: DatabaseQueue
        do {
            connection = try DatabaseQueue(path: StoreFileAccess(path: path).sqlitePath, configuration: configuration)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
        return { positions in
            do {
                return try connection.read { db in
                    try Self.canonicalLines(from: positions.lowerBound, through: positions.upperBound, in: db)
                }
            } catch let error as DatabaseError {
                throw Self.translate(error, path: path)
            }
        }
    }

    private static func canonicalLines(from first: Int64, through last: Int64, in db: Database) throws -> CanonicalLineBatch {
        let statement = try db.cachedStatement(
            sql: "SELECT \(StoreSchema.envelopeColumns) FROM events WHERE position BETWEEN ? AND ? ORDER BY position")
        var batch = CanonicalLineBatch()
        batch.bytes.reserveCapacity(Int(last - first + 1) * 512)
        batch.entries.reserveCapacity(Int(last - first + 1))
        let rows = try Row.fetchCursor(statement, arguments: [first, last])
        while try rows.next() != nil {
            batch.entries.append(try appendLine(of: statement.sqliteStatement, to: &batch.bytes))
            batch.bytes.append(UInt8(ascii: "\n"))
        }
        return batch
    }

    /// Appends the canonical envelope, `hash` included, of the row `statement` stands on.
    ///
    /// The members in code-point order, as ``EnvelopeHashing/canonicalEnvelope`` writes them;
    /// the columns in ``StoreSchema/envelopeColumns`` order.
    private static func appendLine(of statement: SQLiteStatement, to out: inout [UInt8]) throws -> CanonicalLineEntry {
        let start = out.count
        let position = sqlite3_column_int64(statement, 0)
        func text(_ column: Int32) throws -> UnsafeBufferPointer<UInt8>? {
            guard let pointer = sqlite3_column_text(statement, column) else {
                if sqlite3_column_type(statement, column) == SQLITE_NULL { return nil }
                throw EventStoreError.database(detail: "out of memory reading the event at position \(position)")
            }
            return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column)))
        }
        func string(_ column: Int32) throws {
            guard let bytes = try text(column) else {
                throw EventStoreError.database(
                    detail: "the event at position \(position) has an empty required field: run `dangjian verify`")
            }
            CanonicalJSON.appendString(utf8: bytes, to: &out)
        }
        func optionalString(_ column: Int32) throws {
            if let bytes = try text(column) {
                CanonicalJSON.appendString(utf8: bytes, to: &out)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        }
        func integer(_ column: Int32) {
            out.append(contentsOf: String(sqlite3_column_int64(statement, column)).utf8)
        }
        func key(_ name: StaticString) {
            out.append(out.count == start ? UInt8(ascii: "{") : UInt8(ascii: ","))
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\":".utf8)
        }
        /// The range of a hex hash just written, quotes excluded.
        func lastStringValue(from valueStart: Int) -> Range<Int> { valueStart + 1..<out.count - 1 }

        key("actor"); try string(8)
        key("business_time"); try string(6)
        key("causation_id"); try optionalString(10)
        key("correlation_id"); try optionalString(9)
        key("event_id"); try string(3)
        key("hash")
        let hashStart = out.count
        try string(13)
        let hash = lastStringValue(from: hashStart)
        key("payload")
        guard let payload = try text(11) else {
            throw EventStoreError.database(detail: "the event at position \(position) has no payload: run `dangjian verify`")
        }
        out.append(contentsOf: payload)
        key("position"); integer(0)
        key("prev_hash")
        let previousStart = out.count
        try string(12)
        let previousHash = lastStringValue(from: previousStart)
        key("recorded_time"); try string(7)
        key("schema_version"); integer(5)
        key("stream_id"); try string(1)
        key("stream_version"); integer(2)
        key("type"); try string(4)
        out.append(UInt8(ascii: "}"))
        return CanonicalLineEntry(position: position, line: start..<out.count, previousHash: previousHash, hash: hash)
    }
}
