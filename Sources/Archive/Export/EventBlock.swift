import Bilingual
import EventStore

/// A run of consecutive events read for an export on a worker thread, with what follows from
/// the run alone: its events are all there, the hash chain holds within it, and the Merkle
/// nodes over its leaves. ``ExportedEvents`` joins the runs in order.
struct EventBlock: Sendable {
    /// The events' NDJSON lines.
    var bytes: [UInt8]
    var positions: ClosedRange<Int64>
    /// The first event's `prev_hash`: the hash the block continues.
    var previousHash: Hash256
    var firstHash: Hash256
    var lastHash: Hash256
    var merkle: MerkleCompactRange

    /// Reads the events at `positions` with `read` (one of ``EventStore/canonicalLineReader()``).
    init(positions: ClosedRange<Int64>, read: (ClosedRange<Int64>) throws -> CanonicalLineBatch) throws {
        let batch = try read(positions)
        var leaves: [Hash256] = []
        leaves.reserveCapacity(batch.entries.count)
        var hashes: (previous: Hash256, first: Hash256, last: Hash256)?
        try batch.bytes.withUnsafeBytes { bytes in
            for entry in batch.entries {
                let expected = positions.lowerBound + Int64(leaves.count)
                guard entry.position == expected else { throw Self.missing(expected) }
                // A broken chain would make an archive no auditor can verify: refuse it here.
                guard let hash = Hash256(hexDigits: UnsafeRawBufferPointer(rebasing: bytes[entry.hash])),
                      let previous = Hash256(hexDigits: UnsafeRawBufferPointer(rebasing: bytes[entry.previousHash])),
                      hashes.map({ $0.last == previous }) ?? true
                else { throw Self.chainBroken(at: entry.position) }
                leaves.append(hash)
                hashes = (hashes?.previous ?? previous, hashes?.first ?? hash, hash)
            }
        }
        var merkle = MerkleCompactRange(start: positions.lowerBound - 1)
        merkle.appendLeaves(eventHashes: leaves)
        guard let hashes, merkle.end == positions.upperBound else { throw Self.missing(merkle.end + 1) }
        self.bytes = batch.bytes
        self.positions = positions
        (previousHash, firstHash, lastHash) = hashes
        self.merkle = merkle
    }

    static func chainBroken(at position: Int64) -> ArchiveError {
        ArchiveError.refused(BilingualText(
            zh: "位置 \(position) 处哈希链断开：请先运行 `dangjian verify` 查明原因",
            en: "the hash chain is broken at position \(position): run `dangjian verify` to find out why"))
    }

    static func missing(_ position: Int64) -> ArchiveError {
        ArchiveError.refused(BilingualText(zh: "位置 \(position) 处缺少事件", en: "the event at position \(position) is missing"))
    }
}
