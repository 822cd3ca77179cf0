import EventStore
import GRDB

/// Stands in for the projections while many events are appended with the query tables left
/// behind, to be built once at the end (``ProjectionMaintenance/openForBulkAppend(path:create:progress:)``).
///
/// Every append marks every projection outdated, in its own transaction: whoever opens the
/// store before the tables are built again — another process, or the next command after a
/// kill — rebuilds them first, so no query ever reads tables behind the log. Marking in each
/// append, not once before the first, is what keeps that true when another process rebuilds
/// the tables part way through: the next append marks them outdated again.
struct OutdatedMarker: InlineProjector {
    func apply(_ events: [RecordedEvent], in db: Database) throws {
        // A store just created holds no tables yet: they are all missing, which is outdated.
        guard try db.tableExists(ProjectionMaintenance.versionsTable) else { return }
        try db.execute(sql: "DELETE FROM \(ProjectionMaintenance.versionsTable)")
    }
}
