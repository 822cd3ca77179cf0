import Foundation
import GRDB

/// Something that keeps query tables in step with the log, inside the append transaction,
/// so a query never sees a view behind the log.
public protocol InlineProjector: Sendable {
    /// Applies freshly appended events. Throwing rolls the whole append back.
    func apply(_ events: [RecordedEvent], in db: Database) throws
}

/// The append-only, hash-chained event log in one SQLite file.
///
/// Several processes may open the same file: writes take SQLite's write lock up front
/// (`BEGIN IMMEDIATE`) and wait for it (busy timeout) instead of failing, so the chain and
/// the gapless positions are extended by one writer at a time.
public final class EventStore: Sendable {
    public let path: String
    let database: DatabaseQueue
    let clock: @Sendable () -> Date
    let projectors: [any InlineProjector]

    /// How long a writer waits for another process's write to finish.
    public static let busyTimeout: TimeInterval = 60

    /// Opens the store at `path`.
    ///
    /// - Parameters:
    ///   - create: make a new store when none exists (mode 0600); otherwise a missing file is an error.
    ///   - clock: the source of recorded times (a simulator passes its own to stay deterministic).
    ///   - projectors: query tables kept in step inside every append.
    public init(
        path: String,
        create: Bool = false,
        clock: @escaping @Sendable () -> Date = Date.init,
        projectors: [any InlineProjector] = []
    ) throws {
        self.path = path
        self.clock = clock
        self.projectors = projectors
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard create else { throw EventStoreError.storeNotFound(path: path) }
            guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw EventStoreError.database(detail: "cannot create \(path): check that the folder exists and is writable")
            }
        }
        let access = StoreFileAccess(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        // A store nobody may write is still read: SQLite refuses its writes, one clear error each.
        configuration.readonly = !access.isWritable
        configuration.prepareDatabase { db in
            // WAL is a property of the file: set once, when the store is new. (GRDB's own
            // `journalMode = .wal` writes to the file on every open; a read-only command
            // must leave the store's bytes as they were.)
            if access.isWritable, try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            // FULL: a committed record survives a power cut, not only a process crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            database = try DatabaseQueue(path: access.sqlitePath, configuration: configuration)
            try Self.checkIdentity(of: database, path: path, allowEmpty: create)
            if !access.isWritable, try !database.read(StoreSchema.migrator.hasCompletedMigrations) {
                throw EventStoreError.readOnlyNeedsUpgrade(path: path)
            }
            try StoreSchema.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// Refuses files that are not dangjian stores, or that a newer dangjian wrote.
    private static func checkIdentity(of database: DatabaseQueue, path: String, allowEmpty: Bool) throws {
        try database.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if applicationID == 0 && tableCount == 0 {
                if !allowEmpty { throw EventStoreError.notAStore(path: path, detail: "the file is empty") }
                return
            }
            guard applicationID == StoreSchema.applicationID else {
                throw EventStoreError.notAStore(path: path, detail: "another program's SQLite database")
            }
            let unknown = try StoreSchema.migrator.appliedIdentifiers(db).subtracting(StoreSchema.migrator.migrations)
            if let newest = unknown.sorted().last {
                throw EventStoreError.newerFormat(path: path, found: newest)
            }
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> EventStoreError {
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return .notAStore(path: path, detail: "not an SQLite database")
        case .SQLITE_CORRUPT:
            return .damaged(path: path, detail: detail)
        case .SQLITE_READONLY:
            return .readOnly(path: path)
        case .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return .cannotOpen(path: path, detail: detail)
        case .SQLITE_FULL:
            return .database(detail: "\(path): the disk is full (\(detail)); free some space and run the command again")
        default:
            return .database(detail: "\(path): \(detail)")
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: committed whole, or rolled back whole.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        } catch is RowDecodingError {
            throw EventStoreError.damaged(path: path, detail: "a column holds a value of the wrong type")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        } catch is RowDecodingError {
            throw EventStoreError.damaged(path: path, detail: "a column holds a value of the wrong type")
        }
    }
}
