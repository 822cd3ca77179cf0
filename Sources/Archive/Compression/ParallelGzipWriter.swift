import Foundation

/// Writes a gzip file as a series of independent members (``GzipMember``), compressing up to
/// `maxInFlight` chunks at once on Dispatch's worker threads, and writing them in order.
///
/// Memory stays bounded: at most `maxInFlight` chunks (plus the one being filled) are held.
/// Each member starts with an empty dictionary, which with 1 MiB members costs well under
/// 1 % against one long stream; libdeflate's better matching more than makes up for it.
final class ParallelGzipWriter {
    static let defaultChunkSize = GzipMember.maximumInput

    private let file: OutputFile
    /// libdeflate's level: 1–12, 6 the default.
    private let level: Int32
    private let chunkSize: Int
    private var chunk: [UInt8] = []
    private var compressing: OrderedJobs<[UInt8]>

    init(file: OutputFile, level: Int32, chunkSize: Int = defaultChunkSize,
         maxInFlight: Int = ProcessInfo.processInfo.activeProcessorCount + 1) {
        self.file = file
        self.level = level
        self.chunkSize = chunkSize
        compressing = OrderedJobs(limit: maxInFlight)
        chunk.reserveCapacity(chunkSize)
    }

    /// Appends uncompressed bytes.
    func write(_ bytes: some Collection<UInt8>) throws {
        chunk.append(contentsOf: bytes)
        if chunk.count >= chunkSize { try submitChunk() }
    }

    /// Appends uncompressed bytes; a whole chunk's worth arriving between chunks is
    /// compressed as it is, without copying it into a chunk first.
    func write(_ bytes: [UInt8]) throws {
        guard chunk.isEmpty, bytes.count >= chunkSize else {
            chunk.append(contentsOf: bytes)
            if chunk.count >= chunkSize { try submitChunk() }
            return
        }
        try submit(bytes)
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
        let input = chunk
        chunk.removeAll(keepingCapacity: true)
        try submit(input)
    }

    private func submit(_ input: [UInt8]) throws {
        let level = level
        if let compressed = compressing.submit({ GzipMember.compress(input, level: level) }) {
            try file.write(compressed)
        }
    }

    private func drain() throws {
        while let compressed = compressing.next() {
            try file.write(compressed)
        }
    }
}
