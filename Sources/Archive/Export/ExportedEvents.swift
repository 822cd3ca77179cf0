import EventStore
import Foundation
import SystemCrypto

/// The `events.ndjson` member of an export, streamed into the archive, and what it adds up to.
///
/// Reading the log is most of an export's work besides compressing, so it is spread too:
/// blocks of events are read and checked on worker threads, each on a connection of its own
/// (``EventBlock``), while this type joins them in order — the chain across blocks, the
/// member's SHA-256, the Merkle tree — and hands their bytes to the compressing writer.
/// Memory stays bounded: a few blocks are in flight, whatever the range's length.
struct ExportedEvents {
    /// Events per block: under a megabyte of lines.
    static let blockSize: Int64 = 1_024

    private(set) var tree: MerkleCompactRange
    private(set) var sha256 = SHA256()
    private(set) var size: Int64 = 0
    /// Hex; empty until the first block is in.
    private(set) var firstHash = ""
    /// The last event's hash; before the first block, the hash the range continues.
    private(set) var lastHash: Hash256

    /// Writes the events at `positions` into `gzip`, continuing `previousHash` and the tree
    /// `prior`, telling `progress` the events written after each block.
    init(
        positions: ClosedRange<Int64>, continuing previousHash: String, prior: MerkleCompactRange, store: EventStore,
        into gzip: ParallelGzipWriter, progress: ArchiveProgress
    ) throws {
        guard let continued = Hash256(hex: previousHash) else { throw EventBlock.chainBroken(at: positions.lowerBound) }
        tree = prior
        lastHash = continued
        let inFlight = ProcessInfo.processInfo.activeProcessorCount + 1
        // One connection per block in flight: consecutive blocks never share one.
        let readers = try (0..<inFlight).map { _ in try store.canonicalLineReader() }
        var reading = OrderedJobs<Result<EventBlock, any Error>>(limit: inFlight)
        for (index, start) in stride(from: positions.lowerBound, through: positions.upperBound, by: Int(Self.blockSize)).enumerated() {
            let block = start...min(positions.upperBound, start + Self.blockSize - 1)
            let read = readers[index % inFlight]
            if let done = reading.submit({ Result { try EventBlock(positions: block, read: read) } }) {
                try append(done.get(), to: gzip, of: positions, progress: progress)
            }
        }
        while let done = reading.next() {
            try append(done.get(), to: gzip, of: positions, progress: progress)
        }
    }

    private mutating func append(
        _ block: EventBlock, to gzip: ParallelGzipWriter, of positions: ClosedRange<Int64>, progress: ArchiveProgress
    ) throws {
        guard block.previousHash == lastHash else { throw EventBlock.chainBroken(at: block.positions.lowerBound) }
        tree.append(block.merkle)
        sha256.update(data: block.bytes)
        size += Int64(block.bytes.count)
        if firstHash.isEmpty { firstHash = block.firstHash.hex }
        lastHash = block.lastHash
        try gzip.write(block.bytes)
        progress(block.positions.upperBound - positions.lowerBound + 1, Int64(positions.count))
    }
}
