import Foundation

/// Writes a gzip file as a series of independent members, compressing up to
/// `maxInFlight` chunks at once on Dispatch's worker threads, and writing them in order.
///
/// Memory stays bounded: at most `maxInFlight` chunks (plus the one being filled) are held.
/// The first chunk also fixes the ratio cost of splitting: each member starts with an empty
/// dictionary, which with 1 MiB chunks costs well under 1 % against one long stream.
final class ParallelGzipWriter {
    static let defaultChunkSize = 1 << 20

    private let file: OutputFile
    private let level: Int32
    private let chunkSize: Int
    private let maxInFlight: Int
    private var chunk: [UInt8] = []
    private var inFlight: [CompressionJob] = []

    init(file: OutputFile, level: Int32, chunkSize: Int = defaultChunkSize,
         maxInFlight: Int = ProcessInfo.processInfo.activeProcessorCount + 1) {
        self.file = file
        self.level = level
        self.chunkSize = chunkSize
        self.maxInFlight = max(1, maxInFlight)
        chunk.reserveCapacity(chunkSize)
    }

    /// Appends uncompressed bytes.
    func write(_ bytes: some Collection<UInt8>) throws {
        chunk.append(contentsOf: bytes)
        if chunk.count >= chunkSize { try submitChunk() }
    }

    /// Ends the current member and writes `bytes` as a member of their own, stored without
    /// compression so that its length never depends on its content; returns its file
    /// offset for ``rewriteStoredMember(at:with:)``.
    func writeStoredMember(_ bytes: [UInt8]) throws -> Int64 {
        try submitChunk()
        try drain()
        let offset = file.offset
        try file.write(GzipMember.compress(bytes, level: 0))
        return offset
    }

    /// Replaces a member written by ``writeStoredMember(_:)`` with other bytes of the same length.
    func rewriteStoredMember(at offset: Int64, with bytes: [UInt8]) throws {
        try file.write(GzipMember.compress(bytes, level: 0), at: offset)
    }

    /// Compresses and writes everything still held.
    func finish() throws {
        try submitChunk()
        try drain()
    }

    private func submitChunk() throws {
        guard !chunk.isEmpty else { return }
        inFlight.append(CompressionJob(input: chunk, level: level))
        chunk.removeAll(keepingCapacity: true)
        while inFlight.count >= maxInFlight {
            try file.write(inFlight.removeFirst().result())
        }
    }

    private func drain() throws {
        while !inFlight.isEmpty {
            try file.write(inFlight.removeFirst().result())
        }
    }
}

/// One chunk being compressed on a worker thread.
///
/// `@unchecked Sendable`: `output` is written once by the worker before it signals `done`,
/// and read only after waiting on `done`, so the semaphore orders every access.
private final class CompressionJob: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var output: [UInt8] = []

    init(input: [UInt8], level: Int32) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.output = GzipMember.compress(input, level: level)
            self.done.signal()
        }
    }

    func result() -> [UInt8] {
        done.wait()
        return output
    }
}
