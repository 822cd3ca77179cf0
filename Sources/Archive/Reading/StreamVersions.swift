import Foundation

/// The last `stream_version` seen of each stream of an archive, keyed by the stream id's
/// bytes as its line spells them: the lines are canonical JSON, which has one spelling per
/// string, so equal bytes are equal ids and unequal bytes unequal ones.
///
/// An archive of a million events names hundreds of thousands of streams, and this is the
/// one check left on the thread that walks the lines in order. Unlike a `[String: Int64]`,
/// it makes no `String` per line, and the key's hash comes with it, computed by the worker
/// that parsed the line (``hash(_:)``: Swift's `Hasher`, seeded per process, so a hostile
/// archive cannot choose ids that all collide). Ids are kept once each, end to end in one
/// buffer; slots are compared by hash first, then by bytes.
struct StreamVersions {
    private struct Slot {
        var hash: Int
        /// Where the id lies in `ids`; `length` 0 marks an empty slot (an id has at least its quotes).
        var start: Int
        var length: Int
        var version: Int64
    }

    private var slots = [Slot](repeating: Slot(hash: 0, start: 0, length: 0, version: 0), count: 1 << 12)
    private var ids: [UInt8] = []
    private var count = 0

    /// The hash `update` expects for `id`.
    static func hash(_ id: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: id)
        return hasher.finalize()
    }

    /// Records `version` as the last of stream `id` (its bytes, quotes included, never empty);
    /// returns the one recorded before, or nil the first time the stream appears.
    mutating func update(_ id: UnsafeRawBufferPointer, hash: Int, version: Int64) -> Int64? {
        var index = hash & (slots.count - 1)
        while slots[index].length != 0 {
            if slots[index].hash == hash, slots[index].length == id.count, ids.withUnsafeBytes({ stored in
                memcmp(stored.baseAddress! + slots[index].start, id.baseAddress!, id.count) == 0
            }) {
                defer { slots[index].version = version }
                return slots[index].version
            }
            index = (index + 1) & (slots.count - 1)
        }
        slots[index] = Slot(hash: hash, start: ids.count, length: id.count, version: version)
        ids.append(contentsOf: id)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return nil
    }

    /// Doubles the table, placing each slot again by the hash it keeps.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(hash: 0, start: 0, length: 0, version: 0), count: old.count * 2)
        for slot in old where slot.length != 0 {
            var index = slot.hash & (slots.count - 1)
            while slots[index].length != 0 { index = (index + 1) & (slots.count - 1) }
            slots[index] = slot
        }
    }
}
