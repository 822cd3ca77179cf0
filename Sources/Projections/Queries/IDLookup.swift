import Foundation

/// Finds ids read from SQLite among a known list, by their UTF-8 bytes, without making a
/// `String` of each row's id.
///
/// The warnings read some 200,000 (organisation, month) rows and as many member rows per
/// evaluation; making, hashing and freeing a string per row was most of their cost. Here
/// the ids are kept in one buffer, ordered bytewise (as SQLite's BINARY collation orders
/// them), and each row's id is found by binary search, or at once when rows come in key
/// order. Written by hand: the standard library's and swift-collections' hashed containers
/// take `String` keys only.
public struct IDLookup: Sendable {
    /// Every id's UTF-8, one after the other, in the order given.
    private let bytes: [UInt8]
    /// Where each id's bytes lie, in the order given.
    private let spans: [Range<Int>]
    /// Each id's first 16 bytes as two big-endian numbers (zeros after its end): comparing
    /// these decides the order of most pairs of ids without reading their bytes.
    private let prefixes: [Prefix]
    /// Places in the order given, ordered bytewise by id.
    private let sorted: [Int]

    /// The ids are numbered by their place in `ids`.
    public init(_ ids: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.reduce(0) { $0 + $1.utf8.count })
        var spans: [Range<Int>] = []
        spans.reserveCapacity(ids.count)
        for id in ids {
            let start = bytes.count
            bytes.append(contentsOf: id.utf8)
            spans.append(start..<bytes.count)
        }
        let prefixes = bytes.withUnsafeBufferPointer { all in spans.map { Prefix(UnsafeBufferPointer(rebasing: all[$0])) } }
        self.bytes = bytes
        self.spans = spans
        self.prefixes = prefixes
        sorted = bytes.withUnsafeBufferPointer { all in
            func precedes(_ a: Int, _ b: Int) -> Bool {
                Self.compare(prefixes[a], UnsafeBufferPointer(rebasing: all[spans[a]]), prefixes[b], UnsafeBufferPointer(rebasing: all[spans[b]])) < 0
            }
            let inOrder = spans.indices.dropFirst().allSatisfy { precedes($0 - 1, $0) }
            return inOrder ? Array(spans.indices) : spans.indices.sorted(by: precedes)
        }
    }

    /// How many ids there are.
    public var count: Int { spans.count }

    /// The place in the list given of the id whose UTF-8 is `id`, or nil if it is not there.
    public func position(of id: UnsafeBufferPointer<UInt8>) -> Int? {
        var cursor = Cursor()
        return position(of: id, from: &cursor)
    }

    /// Where the last id found lay in key order: rows read in key order are each found with
    /// one comparison.
    public struct Cursor {
        var next = 0
        public init() {}
    }

    /// Like ``position(of:)``, trying first the id after the one `cursor` last found.
    public func position(of id: UnsafeBufferPointer<UInt8>, from cursor: inout Cursor) -> Int? {
        let prefix = Prefix(id)
        return bytes.withUnsafeBufferPointer { all in
            func order(_ sortedIndex: Int) -> Int {
                let place = sorted[sortedIndex]
                return Self.compare(prefixes[place], UnsafeBufferPointer(rebasing: all[spans[place]]), prefix, id)
            }
            if cursor.next < sorted.count, order(cursor.next) == 0 {
                cursor.next += 1
                return sorted[cursor.next - 1]
            }
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                let found = order(middle)
                if found == 0 {
                    cursor.next = middle + 1
                    return sorted[middle]
                }
                if found < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// An id's first 16 bytes as numbers that order as the bytes do.
    private struct Prefix: Comparable {
        var high: UInt64 = 0
        var low: UInt64 = 0

        init(_ id: UnsafeBufferPointer<UInt8>) {
            for (index, byte) in id.prefix(16).enumerated() {
                if index < 8 {
                    high |= UInt64(byte) << (56 - 8 * index)
                } else {
                    low |= UInt64(byte) << (56 - 8 * (index - 8))
                }
            }
        }

        static func < (a: Prefix, b: Prefix) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    /// Bytewise order: negative, zero or positive as `a` sorts before, with or after `b`.
    /// Different prefixes order the ids as their bytes do (the zeros after a shorter id's end
    /// sort before any other byte); equal ones leave the rest of the bytes and the lengths.
    private static func compare(_ aPrefix: Prefix, _ a: UnsafeBufferPointer<UInt8>, _ bPrefix: Prefix, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        if aPrefix != bPrefix { return aPrefix < bPrefix ? -1 : 1 }
        let common = min(a.count, b.count)
        if common > 16, let left = a.baseAddress, let right = b.baseAddress {
            let order = memcmp(left + 16, right + 16, common - 16)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }
}
