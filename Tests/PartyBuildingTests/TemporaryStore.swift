import EventStore
import Foundation

/// An event store in a new temporary file, removed with its WAL when the value goes away.
final class TemporaryStore {
    let path: String
    let store: EventStore

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-\(UUID().uuidString).sqlite").path
        store = try EventStore(path: path, create: true)
    }

    deinit {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
