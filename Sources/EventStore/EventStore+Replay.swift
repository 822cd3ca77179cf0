import GRDB

extension EventStore {
    /// Runs `body` in a read transaction: a consistent snapshot of the log and of every
    /// table kept in step with it.
    public func snapshot<T>(_ body: (Database) throws -> T) throws -> T {
        try read(body)
    }

    /// Rebuilds derived tables from position 1 in one write transaction: `prepare` empties
    /// or recreates them, every event is handed to `projector` in order, in batches, and
    /// `finish` completes what the projector deferred (such as totals computed once at the end).
    /// Appends from other processes wait until it commits, so no event is applied twice or
    /// missed, and readers see the old tables until the new ones are complete.
    ///
    /// - Parameter progress: called after each batch with (events replayed, events in the log).
    public func replay(
        into projector: any InlineProjector,
        batchSize: Int = 20_000,
        prepare: (Database) throws -> Void,
        finish: (Database) throws -> Void = { _ in },
        progress: (Int64, Int64) -> Void = { _, _ in }
    ) throws {
        try writeTransaction { db in
            try prepare(db)
            let total = try Int64.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
            var after: Int64 = 0
            var replayed: Int64 = 0
            while true {
                let batch = try RecordedEvent.fetch(after: after, limit: batchSize, in: db)
                guard let last = batch.last else { break }
                try projector.apply(batch, in: db)
                after = last.position
                replayed += Int64(batch.count)
                progress(replayed, total)
            }
            try finish(db)
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` write transaction, for derived tables' own
    /// bookkeeping (never the events table, which only `append` writes).
    public func withWriteTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writeTransaction(body)
    }
}
