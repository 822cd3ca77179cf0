import GRDB

extension EventStore {
    /// The last position `consumer` has processed (0 when it has processed nothing).
    public func checkpoint(of consumer: String) throws -> Int64 {
        try read { db in try Self.checkpoint(of: consumer, in: db) }
    }

    /// Brings `consumer` up to the head of the log: hands it every event after its
    /// checkpoint, in batches, each batch applied and checkpointed in one transaction, so a
    /// crash mid-way resumes after the last whole batch.
    ///
    /// - Returns: how many events were handed over.
    @discardableResult
    public func catchUp(
        consumer: String, batchSize: Int = 10_000, _ apply: ([RecordedEvent], Database) throws -> Void
    ) throws -> Int {
        var handed = 0
        while true {
            let count = try writeTransaction { db in
                let after = try Self.checkpoint(of: consumer, in: db)
                let batch = try RecordedEvent.fetch(after: after, limit: batchSize, in: db)
                guard let last = batch.last else { return 0 }
                try apply(batch, db)
                try Self.saveCheckpoint(last.position, of: consumer, in: db)
                return batch.count
            }
            handed += count
            if count < batchSize { return handed }
        }
    }

    static func checkpoint(of consumer: String, in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT position FROM checkpoints WHERE consumer = ?", arguments: [consumer]) ?? 0
    }

    /// Records that `consumer` has processed everything up to `position`.
    public static func saveCheckpoint(_ position: Int64, of consumer: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO checkpoints (consumer, position) VALUES (?, ?) ON CONFLICT (consumer) DO UPDATE SET position = excluded.position",
            arguments: [consumer, position])
    }
}
