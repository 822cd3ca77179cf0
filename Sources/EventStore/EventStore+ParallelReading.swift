import Dispatch
import GRDB

extension EventStore {
    /// Runs two reads at the same time, each in a read transaction on its own connection,
    /// over the same state of the log: a long read-only job (evaluating every warning rule
    /// over a district) split in two takes about half the time on two cores.
    ///
    /// Each transaction also reads the log's head; the query tables change only together
    /// with the log, so equal heads mean both saw the same state. When an append lands
    /// between the two starts, both run again (after three tries the error says so), with
    /// a new pair from `makeReads`, so that state the two share starts afresh each time.
    public func parallelSnapshots<First: Sendable, Second: Sendable>(
        _ makeReads: () -> (first: @Sendable (Database) throws -> First, second: @Sendable (Database) throws -> Second)
    ) throws -> (First, Second) {
        let reader = try secondReader()
        for _ in 1...3 {
            let (first, second) = makeReads()
            let other = ResultBox<(LogHead?, Second)>()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                other.result = Result { try reader.read { db in (try StoreSchema.head(in: db), try second(db)) } }
            }
            let mine = Result { try self.read { db in (try StoreSchema.head(in: db), try first(db)) } }
            group.wait()
            let (firstHead, firstValue) = try mine.get()
            let (secondHead, secondValue): (LogHead?, Second)
            do {
                (secondHead, secondValue) = try other.result!.get()
            } catch let error as DatabaseError {
                throw Self.translate(error, path: path)
            }
            if firstHead == secondHead { return (firstValue, secondValue) }
        }
        throw EventStoreError.database(
            detail: "\(path): appends kept landing while reading; run the command again when the store is quieter")
    }

    /// A second connection to the same file, opened the way this store was (only read).
    func secondReader() throws -> DatabaseQueue {
        let access = StoreFileAccess(path: path)
        do {
            return try DatabaseQueue(path: access.sqlitePath, configuration: Self.configuration(writable: access.isWritable))
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }
}

/// What the second thread hands back; written before `DispatchGroup.wait` returns.
private final class ResultBox<Value>: @unchecked Sendable {
    var result: Result<Value, any Error>?
}
