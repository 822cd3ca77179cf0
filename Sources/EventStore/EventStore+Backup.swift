import Foundation
import GRDB

extension EventStore {
    /// Copies the whole store — events, query tables, secrets — to a new file at `destination`
    /// with SQLite's online backup, as one read transaction: a consistent snapshot even while
    /// other processes append. The copy is created with mode 0600, like a store.
    ///
    /// - Parameter replacing: replace an existing file at `destination` (and its `-wal`/`-shm`);
    ///   otherwise an existing file is an error and is left as it is.
    public func backup(to destination: String, replacing: Bool = false) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination) {
            guard replacing else { throw EventStoreError.backupExists(path: destination) }
            guard (destination as NSString).standardizingPath != (path as NSString).standardizingPath else {
                throw EventStoreError.database(detail: "\(destination) is the store itself: back it up to another file")
            }
            for file in [destination, destination + "-wal", destination + "-shm"] where fileManager.fileExists(atPath: file) {
                try fileManager.removeItem(atPath: file)
            }
        }
        // O_EXCL: the file is ours from its first byte, owner-only; nothing else is replaced.
        let descriptor = open(destination, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw errno == EEXIST
                ? EventStoreError.backupExists(path: destination)
                : EventStoreError.cannotOpen(path: destination, detail: reason)
        }
        close(descriptor)
        do {
            let copy = try DatabaseQueue(path: destination)
            try database.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? fileManager.removeItem(atPath: destination)
            throw Self.translate(error, path: destination)
        }
    }
}
