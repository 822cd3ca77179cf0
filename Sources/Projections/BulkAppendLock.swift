import Foundation

/// Held by a bulk append (``BulkAppend``) from its first batch until its tables are built:
/// an advisory lock on a file beside the store (`STORE.bulk-append.lock`), which the kernel
/// releases when the process ends, however it ends.
///
/// A command that finds the tables outdated while the lock is held stops with a message,
/// instead of rebuilding them from the events in so far: that rebuild would hold the store's
/// write lock long enough to make the import's next batch give up, and the batch after it
/// would mark the tables outdated again anyway. Without the lock (the import was killed), the
/// first command to open the store rebuilds them.
struct BulkAppendLock {
    private let descriptor: Int32
    private let path: String

    static func path(forStore store: String) -> String { store + ".bulk-append.lock" }

    /// Takes the lock of `store`, or says that another bulk append holds it.
    init(store: String) throws {
        path = Self.path(forStore: store)
        // Readable by all, so that commands run by other users can see that it is held.
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw MaintenanceError.lockFile(path: path, detail: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw MaintenanceError.bulkAppendInProgress(store: store)
        }
    }

    /// Whether a bulk append into `store` is running now.
    static func isHeld(forStore store: String) -> Bool {
        let descriptor = open(path(forStore: store), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(descriptor, LOCK_UN)
        return false
    }

    /// Removes the file and lets go. A command that opened the file just before sees it not
    /// held, which is true by then.
    func release() {
        unlink(path)
        close(descriptor)
    }
}
