import Foundation

/// Finds ids read from SQLite among a known list, by their UTF-8 bytes, without making a
/// `String` of each row's id.
///
/// The warnings read some 200,000 (organisation, month) rows and as many member rows per
/// evaluation; making, hashing and freeing a string per row was most of their cost. Here
/// the ids are kept in one buffer, ordered bytewise (as SQLite's BINARY collation orders
/// them), and each row's id is found by binary search with `memcmp`, or at once when rows
/// come in key order. Written by hand: the standard library's and swift-collections' hashed
/// containers take `String` keys only.
public struct IDLookup: Sendable {
    /// Every id's UTF-8, one after the other, in the order given.
    private let bytes: [UInt8]
    /// Where each id's bytes lie, in the order given.
    private let spans: [Range<Int>]
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
        self.bytes = bytes
        self.spans = spans
        sorted = bytes.withUnsafeBufferPointer { all in
            let inOrder = spans.indices.dropFirst().allSatisfy { Self.compare(all, spans[$0 - 1], all, spans[$0]) < 0 }
            return inOrder ? Array(spans.indices) : spans.indices.sorted { Self.compare(all, spans[$0], all, spans[$1]) < 0 }
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
        let whole = 0..<id.count
        return bytes.withUnsafeBufferPointer { all in
            if cursor.next < sorted.count, Self.compare(all, spans[sorted[cursor.next]], id, whole) == 0 {
                cursor.next += 1
                return sorted[cursor.next - 1]
            }
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                let order = Self.compare(all, spans[sorted[middle]], id, whole)
                if order == 0 {
                    cursor.next = middle + 1
                    return sorted[middle]
                }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// Bytewise order of two spans: negative, zero or positive as `a` sorts before, with or after `b`.
    private static func compare(
        _ aBytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ bBytes: UnsafeBufferPointer<UInt8>, _ b: Range<Int>
    ) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let left = aBytes.baseAddress, let right = bBytes.baseAddress {
            let order = memcmp(left + a.lowerBound, right + b.lowerBound, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }
}
