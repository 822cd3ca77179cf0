import EventStore
import Foundation
import GRDB

/// Keeps the projection tables current: built on a new store, rebuilt after an upgrade that
/// changed a projection's definition, and rebuilt on demand.
public enum ProjectionMaintenance {
    /// Each projection's name and the version of its definition that built its tables; a
    /// projection missing from it is outdated.
    static let versionsTable = "projection_versions"

    /// Opens the store at `path` with every projection applied inline, first rebuilding any
    /// projection whose stored version differs from this build's.
    ///
    /// - Parameter progress: told the projections being rebuilt, then (events replayed, total).
    public static func open(
        path: String, create: Bool = false, clock: @escaping @Sendable () -> Date = Date.init,
        progress: (_ rebuilding: [String], _ done: Int64, _ total: Int64) -> Void = { _, _, _ in }
    ) throws -> EventStore {
        let store = try EventStore(path: path, create: create, clock: clock, projectors: [ProjectionSet.all])
        try rebuildOutdated(in: store, progress: progress)
        return store
    }

    /// Rebuilds the projections whose tables are missing or were built by another definition,
    /// or were left behind by a bulk append; nothing when all are current. While a bulk append
    /// holds the store's lock, only it may (`holdingBulkAppendLock`); anyone else is told to wait.
    ///
    /// Several commands opening such a store at once each rebuild in turn: the check comes
    /// before the rebuild takes the write lock. That wastes time once, after an upgrade or a
    /// kill, and the tables come out the same.
    static func rebuildOutdated(
        in store: EventStore, holdingBulkAppendLock: Bool = false,
        progress: (_ rebuilding: [String], _ done: Int64, _ total: Int64) -> Void
    ) throws {
        let stale = try outdated(in: store)
        guard !stale.isEmpty else { return }
        if !holdingBulkAppendLock, BulkAppendLock.isHeld(forStore: store.path) {
            throw MaintenanceError.bulkAppendInProgress(store: store.path)
        }
        do {
            try rebuild(Set(stale), in: store) { progress(stale, $0, $1) }
        } catch EventStoreError.readOnly(_) {
            throw MaintenanceError.outdatedAndReadOnly(store: store.path)
        }
    }

    /// The projections whose tables are missing or were built by another definition.
    public static func outdated(in store: EventStore) throws -> [String] {
        let stored = try store.snapshot { db -> [String: Int] in
            guard try db.tableExists(versionsTable) else { return [:] }
            return try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, version FROM \(versionsTable)")
                .map { ($0[0] as String, $0[1] as Int) })
        }
        return ProjectionSet.all.projections.filter { stored[$0.name] != $0.version }.map(\.name)
    }

    /// Drops the named projections' tables and replays the whole log into them, in one
    /// transaction; their secondary indexes and totals are built at the end.
    public static func rebuild(_ names: Set<String>, in store: EventStore, progress: (Int64, Int64) -> Void = { _, _ in }) throws {
        let selected = ProjectionSet.all.only(names).replaying
        try store.replay(into: selected, prepare: { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS \(versionsTable) (name TEXT PRIMARY KEY, version INTEGER NOT NULL)")
            for projection in selected.projections {
                for table in projection.tables {
                    try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
                }
                try projection.createTables(in: db)
                try db.execute(
                    sql: "INSERT INTO \(versionsTable) (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version",
                    arguments: [projection.name, projection.version])
            }
        }, finish: { db in
            // The totals gathered from the events are worked out on another core while this
            // connection sorts the indexes; then it only inserts their rows.
            let computing = DispatchGroup()
            for totals in selected.totals {
                DispatchQueue.global().async(group: computing) { totals.compute() }
            }
            defer { computing.wait() }
            for index in selected.projections.flatMap(\.indexes) {
                try db.execute(sql: index)
            }
            computing.wait()
            for totals in selected.totals {
                try totals.insert(in: db)
            }
        }, progress: progress)
    }
}
