import EventStore
import GRDB

/// Stands in for the projections while many events are appended with the query tables left
/// behind, to be built once at the end (``BulkAppend``).
///
/// Every append marks every projection outdated, in its own transaction, so the tables are
/// never marked current while they lack events of the log: a command that opens the store
/// meanwhile is stopped by the ``BulkAppendLock``, and the first one after a kill rebuilds
/// them. Marking in each append, not once before the first, keeps that true even when a
/// command that checked the lock just before it was taken rebuilds part way through: the
/// next append marks the tables outdated again.
struct OutdatedMarker: InlineProjector {
    func apply(_ events: [RecordedEvent], in db: Database) throws {
        // A store just created holds no tables yet: they are all missing, which is outdated.
        guard try db.tableExists(ProjectionMaintenance.versionsTable) else { return }
        try db.execute(sql: "DELETE FROM \(ProjectionMaintenance.versionsTable)")
    }
}
