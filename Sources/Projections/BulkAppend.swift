import EventStore

/// A store opened for appending many events at once, as an archive import does.
///
/// When the store holds no events yet, or every one of its projections is outdated anyway (an
/// import that was killed), the events go in without the query tables, which every append
/// marks outdated (``OutdatedMarker``), and ``finish(progress:)`` builds them once with the
/// rebuild's pipeline. The log alone appends about four times faster than with the tables
/// applied inline, and the rebuild then takes about 31 s per million events: a million events
/// go in with their tables in 82 s instead of 200 (benchmarks/README.md). Meanwhile the
/// store's ``BulkAppendLock`` tells other commands that an import is running.
///
/// Otherwise — the store has events and some tables are current — the tables are kept
/// current inline, as ``ProjectionMaintenance/open(path:create:clock:progress:)`` keeps them:
/// rebuilding them from the whole log would cost more than applying the new events.
public final class BulkAppend {
    public let store: EventStore
    /// Held while the tables are left behind; nil when they are kept current inline.
    private var lock: BulkAppendLock?

    /// Opens the store at `path` (made when `create` and missing).
    ///
    /// - Parameter progress: told of a rebuild of outdated tables when they are kept inline.
    public init(
        path: String, create: Bool = false,
        progress: (_ rebuilding: [String], _ done: Int64, _ total: Int64) -> Void = { _, _, _ in }
    ) throws {
        guard let marking = try Self.storeLeavingTablesBehind(path: path, create: create) else {
            store = try ProjectionMaintenance.open(path: path, progress: progress)
            return
        }
        lock = try BulkAppendLock(store: path)
        store = marking
    }

    /// The store opened with ``OutdatedMarker`` when it has no events or every projection is
    /// outdated; nil otherwise, having closed it again.
    private static func storeLeavingTablesBehind(path: String, create: Bool) throws -> EventStore? {
        let marking = try EventStore(path: path, create: create, projectors: [OutdatedMarker()])
        let leaves = try marking.head() == nil || ProjectionMaintenance.outdated(in: marking) == ProjectionSet.names
        return leaves ? marking : nil
    }

    /// Builds the tables the appends left behind and lets other commands in; nothing when
    /// they were kept current.
    public func finish(progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }) throws {
        guard let lock else { return }
        try ProjectionMaintenance.rebuildOutdated(in: store, holdingBulkAppendLock: true) { _, done, total in progress(done, total) }
        lock.release()
        self.lock = nil
    }

    deinit {
        lock?.release()
    }
}
