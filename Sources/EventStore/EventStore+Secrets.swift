import Foundation
import GRDB

/// A change to the secrets the store keeps outside the hash chain, in the `personal_keys`
/// table: the one table whose rows may be replaced or deleted (triggers protect `events` only).
///
/// A secret is typically the key that seals some event's data: the event keeps the
/// ciphertext, so the chain stays verifiable, and destroying the key makes the data unreadable
/// for good (crypto-shredding) without rewriting history.
public enum SecretChange: Hashable, Sendable {
    /// Keeps `key` under `id`; an existing secret with that id is replaced.
    case store(id: String, key: [UInt8])
    /// Deletes the secret `id`, its bytes overwritten (`PRAGMA secure_delete`); a missing id is no error.
    case destroy(id: String)

    var destroys: Bool {
        if case .destroy = self { return true }
        return false
    }
}

extension EventStore {
    /// The secret stored under `id`, or nil when there is none (never stored, or destroyed).
    public func secret(id: String) throws -> [UInt8]? {
        try read { db -> [UInt8]? in
            guard let row = try Row.fetchOne(db, sql: "SELECT key FROM personal_keys WHERE id = ?", arguments: [id]) else {
                return nil
            }
            guard let key = Data.fromDatabaseValue(row[0] as DatabaseValue) else {
                throw EventStoreError.damaged(path: path, detail: "the secret \(id) is not a blob")
            }
            return Array(key)
        }
    }

    static func apply(_ changes: [SecretChange], in db: Database) throws {
        for change in changes {
            switch change {
            case .store(let id, let key):
                try db.execute(
                    sql: "INSERT INTO personal_keys (id, key) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET key = excluded.key",
                    arguments: [id, Data(key)])
            case .destroy(let id):
                // Zeroes the deleted bytes in their page instead of leaving them in free space
                // (many builds do so by default; the store does not rely on it).
                let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
                try db.execute(sql: "PRAGMA secure_delete = ON")
                try db.execute(sql: "DELETE FROM personal_keys WHERE id = ?", arguments: [id])
                try db.execute(sql: "PRAGMA secure_delete = \(secureDelete)")
            }
        }
    }

    /// Folds the WAL into the file and empties it, so the pages that held a destroyed secret
    /// (zeroed in the file by `secure_delete`) leave no older copy behind in the WAL.
    /// Best effort, waiting at most two seconds for other processes' readers: if one keeps the
    /// WAL busy, its frames are overwritten by later writes and removed by the next truncating
    /// checkpoint (the last connection to close makes one).
    func purgeDestroyedSecrets() {
        _ = try? database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 2000")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}
