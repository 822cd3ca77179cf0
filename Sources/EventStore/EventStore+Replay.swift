import Dispatch
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
    /// The events are read and prepared on a second connection and thread while the
    /// previous batch is written: the write lock, taken first, keeps the log as it is, so
    /// both connections see the same events. The reading starts before `prepare`, which
    /// may take seconds (dropping large tables visits every page of them).
    ///
    /// - Parameter progress: called after each batch with (events replayed, events in the log).
    public func replay<Projector: ReplayProjector>(
        into projector: Projector,
        batchSize: Int = 5_000,
        prepare: (Database) throws -> Void,
        finish: (Database) throws -> Void = { _ in },
        progress: (Int64, Int64) -> Void = { _, _ in }
    ) throws {
        try writeTransaction(pragmas: Self.replaySettings) { db in
            let total = try Int64.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
            let pipeline = ReplayPipeline<Projector.Prepared>(capacity: Self.replayBatchesAhead)
            let reading = DispatchGroup()
            let reader = try secondReader()
            DispatchQueue.global().async(group: reading) {
                Self.read(with: reader, batchSize: batchSize, preparedBy: projector, into: pipeline)
            }
            defer {
                pipeline.cancel()
                reading.wait()
            }
            try prepare(db)
            var replayed: Int64 = 0
            while true {
                switch pipeline.take() {
                case .batch(let prepared, let events):
                    try projector.apply(prepared: prepared, in: db)
                    replayed += Int64(events)
                    progress(replayed, total)
                case .end:
                    try finish(db)
                    return
                case .failed(let error as DatabaseError):
                    throw Self.translate(error, path: path)
                case .failed(let error):
                    throw error
                }
            }
        }
    }

    /// How many prepared batches the reader may run ahead of the writer: enough to keep it
    /// busy while `prepare` drops a district's old tables (about 2 s, 40 batches of 5,000).
    private static let replayBatchesAhead = 40

    /// Connection settings while a replay rewrites every derived table in one transaction.
    private static let replaySettings: KeyValuePairs<String, Int> = [
        // With SQLite's default 2 MB page cache the dirty pages spill to the WAL and are
        // read back again and again.
        "cache_size": -replayPageCacheKiB,
    ]

    /// The replay's reading side: every event in order, prepared, in batches.
    private static func read<Projector: ReplayProjector>(
        with reader: DatabaseQueue, batchSize: Int, preparedBy projector: Projector,
        into pipeline: ReplayPipeline<Projector.Prepared>
    ) {
        do {
            try reader.read { db in
                var after: Int64 = 0
                while true {
                    let batch = try RecordedEvent.fetch(after: after, limit: batchSize, in: db)
                    guard let last = batch.last else { break }
                    guard pipeline.put(.batch(try projector.prepare(batch), events: batch.count)) else { return }
                    after = last.position
                }
                pipeline.put(.end)
            }
        } catch {
            pipeline.put(.failed(error))
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` write transaction, for derived tables' own
    /// bookkeeping (never the events table, which only `append` writes).
    public func withWriteTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writeTransaction(body)
    }
}
