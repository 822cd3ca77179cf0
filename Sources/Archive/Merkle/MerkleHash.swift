import EventStore
import SystemCrypto

/// A SHA-256 value held inline (no heap allocation): Merkle nodes are made by the million.
public struct Hash256: Hashable, Sendable {
    var bytes: SIMD32<UInt8>

    /// All zero bits: a placeholder until a value is read.
    static let zero = Hash256(bytes: SIMD32())

    init(_ digest: SHA256.Digest) {
        bytes = digest.withUnsafeBytes { $0.loadUnaligned(as: SIMD32<UInt8>.self) }
    }

    /// The value of 64 hexadecimal digits, or nil.
    public init?(hex: String) {
        guard hex.utf8.count == 64, let raw = Hex.bytes(hex) else { return nil }
        bytes = raw.withUnsafeBytes { $0.loadUnaligned(as: SIMD32<UInt8>.self) }
    }

    /// The value of 64 lower-case hexadecimal digits in `digits` (a slice of a line), or nil.
    ///
    /// Without a branch per digit, written through a raw pointer (setting SIMD lanes one by
    /// one is many times slower): every line of every archive has two hashes to read.
    init?(hexDigits digits: UnsafeRawBufferPointer) {
        guard digits.count == 64 else { return nil }
        var value = SIMD32<UInt8>()
        var invalid: UInt8 = 0
        withUnsafeMutableBytes(of: &value) { raw in
            for index in 0..<32 {
                let high = Self.nibble(digits[2 * index]), low = Self.nibble(digits[2 * index + 1])
                invalid |= (high | low) & 0xF0
                raw[index] = high << 4 | low
            }
        }
        guard invalid == 0 else { return nil }
        bytes = value
    }

    /// The value of a lower-case hexadecimal digit, or 0xFF.
    @inline(__always)
    private static func nibble(_ character: UInt8) -> UInt8 {
        let digit = character &- UInt8(ascii: "0"), letter = character &- UInt8(ascii: "a")
        return digit < 10 ? digit : letter < 6 ? letter &+ 10 : 0xFF
    }

    private init(bytes: SIMD32<UInt8>) {
        self.bytes = bytes
    }

    /// Four 8-byte compares: the synthesized `==` compares the 32 lanes one by one, and
    /// verifying compares two hashes per event.
    public static func == (a: Hash256, b: Hash256) -> Bool {
        withUnsafeBytes(of: a.bytes) { x in
            withUnsafeBytes(of: b.bytes) { y in
                (0..<4).reduce(true) { equal, word in
                    equal && x.loadUnaligned(fromByteOffset: 8 * word, as: UInt64.self) == y.loadUnaligned(fromByteOffset: 8 * word, as: UInt64.self)
                }
            }
        }
    }

    public var hex: String {
        withUnsafeBytes(of: bytes) { Hex.string($0) }
    }
}

/// The hashes of an RFC 6962 / RFC 9162 (§2.1.1) Merkle tree with SHA-256: a leaf is
/// SHA-256(0x00 ‖ leaf bytes), an inner node SHA-256(0x01 ‖ left ‖ right), and the empty
/// tree's root SHA-256 of nothing.
enum MerkleHashing {
    /// The leaf for an event: its 32-byte hash (the raw bytes, not the hex text).
    static func leaf(eventHash: Hash256) -> Hash256 {
        leaves(eventHashes: [eventHash])[0]
    }

    static func node(_ left: Hash256, _ right: Hash256) -> Hash256 {
        parents(of: [left, right])[0]
    }

    /// The leaves for events, in order.
    static func leaves(eventHashes: [Hash256]) -> [Hash256] {
        hashTwoAtATime(count: eventHashes.count, prefix: 0x00, width: 1) { index, _ in eventHashes[index] }
    }

    /// The nodes over `children` paired in order, (0, 1), (2, 3)…: `children` has an even count.
    static func parents(of children: [Hash256]) -> [Hash256] {
        precondition(children.count % 2 == 0, "children come in pairs")
        return hashTwoAtATime(count: children.count / 2, prefix: 0x01, width: 2) { index, part in children[2 * index + part] }
    }

    static let emptyRoot = Hash256(SHA256.hash(data: [UInt8]()))

    /// SHA-256(prefix ‖ `hash(i, 0)` … `hash(i, width - 1)`) for each i in 0..<count: trees over
    /// millions of events make two of these per event.
    ///
    /// Each message is laid out already padded in a stack buffer (a leaf's 33 bytes fill one
    /// block, a node's 65 two) and compressed without SHA256_Update's buffering, two messages
    /// side by side (``SHA256State`` says why that is faster than one after the other).
    private static func hashTwoAtATime(count: Int, prefix: UInt8, width: Int, hash: (Int, Int) -> Hash256) -> [Hash256] {
        let length = 1 + 32 * width
        let paddedLength = (length + 1 + 8 + 63) / 64 * 64
        return withUnsafeTemporaryAllocation(byteCount: 2 * paddedLength, alignment: 16) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            for lane in [0, paddedLength] {
                buffer[lane] = prefix
                buffer[lane + length] = 0x80
                buffer.storeBytes(of: UInt64(8 * length).bigEndian, toByteOffset: lane + paddedLength - 8, as: UInt64.self)
            }
            let laneA = UnsafeRawPointer(buffer.baseAddress!), laneB = laneA + paddedLength
            var hashes: [Hash256] = []
            hashes.reserveCapacity(count)
            for index in stride(from: 0, to: count, by: 2) {
                let pair = index + 1 < count
                for lane in 0..<(pair ? 2 : 1) {
                    for part in 0..<width {
                        buffer.storeBytes(of: hash(index + lane, part).bytes, toByteOffset: lane * paddedLength + 1 + 32 * part, as: SIMD32<UInt8>.self)
                    }
                }
                var first = SHA256State()
                if pair {
                    var second = SHA256State()
                    SHA256State.compress(&first, laneA, &second, laneB, count: paddedLength / 64)
                    hashes.append(Hash256(first.digest))
                    hashes.append(Hash256(second.digest))
                } else {
                    first.compress(laneA, count: paddedLength / 64)
                    hashes.append(Hash256(first.digest))
                }
            }
            return hashes
        }
    }
}
