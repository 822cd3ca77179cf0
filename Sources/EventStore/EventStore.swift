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

    /// SQLite's page cache per connection, in KiB.
    static let pageCacheKiB = 64 * 1024
    /// The page cache while a replay rewrites every derived table in one transaction, in KiB:
    /// room for all of a million-event district's tables (about 0.9 GB with their indexes),
    /// which otherwise spill to the WAL while they are built and are looked up and read back
    /// from it while the indexes are sorted. Half of it, 512 MiB, saved 300 MB of peak memory
    /// but made a rebuild of a freshly imported district 2.3 s slower (30.9 against 28.6 s).
    /// Pages are allocated as used.
    static let replayPageCacheKiB = 1024 * 1024

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
        if create && Self.isMissingOrEmpty(path) {
            try Self.createStore(at: path)
        } else if !FileManager.default.fileExists(atPath: path) {
            throw EventStoreError.storeNotFound(path: path)
        }
        let access = StoreFileAccess(path: path)
        do {
            database = try DatabaseQueue(path: access.sqlitePath, configuration: Self.configuration(writable: access.isWritable))
            try Self.checkIdentity(of: database, path: path)
            if !access.isWritable, try !database.read(StoreSchema.migrator.hasCompletedMigrations) {
                throw EventStoreError.readOnlyNeedsUpgrade(path: path)
            }
            try StoreSchema.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// How every connection to a store is set up.
    static func configuration(writable: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        // A store nobody may write is still read: SQLite refuses its writes, one clear error each.
        configuration.readonly = !writable
        configuration.prepareDatabase { db in
            // FULL: a committed record survives a power cut, not only a process crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // SQLite's default cache is 2 MB: index pages of a district's store (gigabytes)
            // would be read through the kernel on most lookups. Pages are allocated as used.
            try db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKiB)")
            // Each statement that inserts several rows (a meeting's attendance, a study
            // session's credits) journals the pages it changes, to undo itself alone; on file,
            // once one such journal outgrew 64 KiB in a transaction, every later one was
            // written to a temporary file (gigabytes for a rebuild or a large import).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    /// Whether `path` is free for a new store: no file, or an empty one (nothing to lose).
    private static func isMissingOrEmpty(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return errno == ENOENT }
        return status.st_size == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Makes a new, empty store at `path` (mode 0600) under a temporary name first and
    /// renames it into place once complete, so that a process killed meanwhile leaves no
    /// half-made store that every later command would refuse.
    private static func createStore(at path: String) throws {
        let temporary = path + ".creating-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw EventStoreError.database(detail: "cannot create \(path): check that the folder exists and is writable")
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration(writable: true))
            // WAL is a property of the file, set once here. (GRDB's own `journalMode = .wal`
            // writes to the file on every open; opening must leave a file's bytes as they were.)
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            try StoreSchema.migrator.migrate(queue)
            try queue.close()
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
        guard rename(temporary, path) == 0 else {
            throw EventStoreError.database(detail: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Refuses files that are not dangjian stores, or that a newer dangjian wrote.
    private static func checkIdentity(of database: DatabaseQueue, path: String) throws {
        try database.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if applicationID == 0 && tableCount == 0 {
                throw EventStoreError.notAStore(path: path, detail: "the file is empty")
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
    ///
    /// - Parameter pragmas: integer connection settings for this transaction only, set before
    ///   it begins (some take effect only then) and restored after.
    func writeTransaction<T>(pragmas: KeyValuePairs<String, Int> = [:], _ body: (Database) throws -> T) throws -> T {
        do {
            return try database.writeWithoutTransaction { db in
                var previous: [(name: String, value: Int)] = []
                defer {
                    for (name, value) in previous.reversed() { try? db.execute(sql: "PRAGMA \(name) = \(value)") }
                }
                for (name, value) in pragmas {
                    previous.append((name, try Int.fetchOne(db, sql: "PRAGMA \(name)") ?? 0))
                    try db.execute(sql: "PRAGMA \(name) = \(value)")
                }
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
