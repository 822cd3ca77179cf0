import Foundation

/// The last `stream_version` seen of each stream of an archive, keyed by the stream id's
/// bytes as its line spells them: the lines are canonical JSON, which has one spelling per
/// string, so equal bytes are equal ids and unequal bytes unequal ones.
///
/// An archive of a million events names hundreds of thousands of streams, and this is the
/// one check left on the thread that walks the lines in order. Unlike a `[String: Int64]`,
/// it makes no `String` per line, and the key's hash comes with it, computed by the worker
/// that parsed the line (``hash(_:)``: Swift's `Hasher`, seeded per process, so a hostile
/// archive cannot choose ids that all collide). Slots are compared by hash first, then by bytes.
///
/// Each slot holds the id's first 16 bytes itself; only the rest of a longer id lies in `ids`,
/// end to end. The table is far larger than the caches and lines name streams in no order, so
/// each lookup misses the cache on its slot; most ids (`"member-m000123"` and the like, quotes
/// included) fit in the slot, which spares them a second miss in `ids` (on a million-event
/// archive the compares in `ids` had cost as much as the rest of the walk in order).
struct StreamVersions {
    private struct Slot {
        var hash: Int
        /// `length` 0 marks an empty slot (an id has at least its quotes).
        var length: Int
        var version: Int64
        /// Where the id's bytes after the first 16 lie in `ids`.
        var restStart: Int
        /// The id's first 16 bytes, zero after its end.
        var head: Head

        static let empty = Slot(hash: 0, length: 0, version: 0, restStart: 0, head: Head())
    }

    private struct Head: Equatable {
        static let byteCount = 16
        var low: UInt64 = 0
        var high: UInt64 = 0

        init(_ id: UnsafeRawBufferPointer) {
            if id.count >= Self.byteCount {
                low = id.loadUnaligned(as: UInt64.self)
                high = id.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            } else {
                withUnsafeMutableBytes(of: &self) { $0.copyMemory(from: id) }
            }
        }

        init() {}
    }

    private var slots = [Slot](repeating: .empty, count: 1 << 12)
    private var ids: [UInt8] = []
    private var count = 0
    /// What ``warm(_:)`` read, kept so that its loads are not optimised away.
    private var warmed = 0

    /// The hash `update` expects for `id`.
    static func hash(_ id: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: id)
        return hasher.finalize()
    }

    /// Records `version` as the last of stream `id` (its bytes, quotes included, never empty);
    /// returns the one recorded before, or nil the first time the stream appears.
    mutating func update(_ id: UnsafeRawBufferPointer, hash: Int, version: Int64) -> Int64? {
        let head = Head(id)
        let rest = UnsafeRawBufferPointer(rebasing: id[min(id.count, Head.byteCount)...])
        var index = hash & (slots.count - 1)
        while slots[index].length != 0 {
            if slots[index].hash == hash, slots[index].length == id.count, slots[index].head == head,
               rest.isEmpty || ids.withUnsafeBytes({ memcmp($0.baseAddress! + slots[index].restStart, rest.baseAddress!, rest.count) == 0 }) {
                defer { slots[index].version = version }
                return slots[index].version
            }
            index = (index + 1) & (slots.count - 1)
        }
        slots[index] = Slot(hash: hash, length: id.count, version: version, restStart: ids.count, head: head)
        ids.append(contentsOf: rest)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return nil
    }

    /// Reads the slot where each of `hashes` starts its search, so the updates that follow
    /// find them in the cache.
    ///
    /// Each lookup otherwise waits for its own cache miss: the work between two lookups is
    /// longer than the processor looks ahead. This loop does nothing else, so the processor
    /// has many of its misses in flight at once.
    ///
    /// It reads both ends of the slot (its length at byte 8, the end of its id's head at byte
    /// 40): a 48-byte slot lies across two cache lines half the time, always at a multiple of
    /// 16 bytes, and reading only its length left the miss on its id's bytes to the lookup
    /// (that miss took a third of the lookups' time).
    mutating func warm(_ hashes: some Sequence<Int>) {
        var sum = 0
        slots.withUnsafeBufferPointer { slots in
            for hash in hashes {
                let slot = slots.baseAddress! + (hash & (slots.count - 1))
                sum &+= slot.pointee.length &+ Int(truncatingIfNeeded: slot.pointee.head.high)
            }
        }
        warmed = sum
    }

    /// Doubles the table, placing each slot again by the hash it keeps.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        for slot in old where slot.length != 0 {
            var index = slot.hash & (slots.count - 1)
            while slots[index].length != 0 { index = (index + 1) & (slots.count - 1) }
            slots[index] = slot
        }
    }
}
