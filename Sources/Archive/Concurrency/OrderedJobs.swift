import Foundation

/// Work handed to Dispatch's worker threads whose results come back in the order it was
/// submitted, with at most `limit` pieces in flight so memory stays bounded.
///
/// Both ends of an archive use it: the writer compresses chunks on every core while one
/// thread reads the log, and the verifier checks batches of lines on every core while one
/// thread decompresses and walks the chain.
///
/// On a serial `queue` the jobs also run one at a time in order, each seeing what the one
/// before it left: the verifier hashes the events file that way, off the reading thread.
struct OrderedJobs<Output: Sendable> {
    private let limit: Int
    private let queue: DispatchQueue
    private var pending: [BackgroundJob<Output>] = []

    init(limit: Int = ProcessInfo.processInfo.activeProcessorCount + 1, queue: DispatchQueue = .archiveWorkers) {
        self.limit = max(1, limit)
        self.queue = queue
    }

    /// Starts `work`. When that makes `limit` pieces in flight, waits for the oldest and
    /// returns its result, which the caller handles before submitting more.
    mutating func submit(_ work: @escaping @Sendable () -> Output) -> Output? {
        pending.append(BackgroundJob(on: queue, work))
        return pending.count >= limit ? pending.removeFirst().result() : nil
    }

    /// The result of the oldest piece still in flight, waiting for it; nil when none is left.
    mutating func next() -> Output? {
        pending.isEmpty ? nil : pending.removeFirst().result()
    }
}

/// One piece of work running on a worker thread: an export also builds its report snapshots
/// on one while it writes the events.
///
/// `@unchecked Sendable`: `output` is written once by the worker before it signals `done`,
/// and read only after waiting on `done`, so the semaphore orders every access.
final class BackgroundJob<Output: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var output: Output?

    init(on queue: DispatchQueue = .archiveWorkers, _ work: @escaping @Sendable () -> Output) {
        queue.async {
            self.output = work()
            self.done.signal()
        }
    }

    func result() -> Output {
        done.wait()
        return output!
    }
}

extension DispatchQueue {
    /// Where an archive's background work runs: Dispatch's worker threads, about one per core.
    /// A serial queue that targets it runs its jobs on those same threads, not on one of its own.
    static let archiveWorkers = DispatchQueue.global(qos: .userInitiated)
}
