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
        hash(prefix: 0x00, eventHash, nil)
    }

    static func node(_ left: Hash256, _ right: Hash256) -> Hash256 {
        hash(prefix: 0x01, left, right)
    }

    static let emptyRoot = Hash256(SHA256.hash(data: [UInt8]()))

    /// SHA-256 of the prefix byte and the hashes, laid out already padded in one stack buffer
    /// (a leaf's 33 bytes fill one block, a node's 65 two) and compressed block by block:
    /// trees over millions of events make two of these per event.
    private static func hash(prefix: UInt8, _ first: Hash256, _ second: Hash256?) -> Hash256 {
        let length = second == nil ? 33 : 65
        let paddedLength = (length + 1 + 8 + 63) / 64 * 64
        return withUnsafeTemporaryAllocation(byteCount: 128, alignment: 16) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            buffer[0] = prefix
            buffer.storeBytes(of: first.bytes, toByteOffset: 1, as: SIMD32<UInt8>.self)
            if let second { buffer.storeBytes(of: second.bytes, toByteOffset: 33, as: SIMD32<UInt8>.self) }
            buffer[length] = 0x80
            buffer.storeBytes(of: UInt64(8 * length).bigEndian, toByteOffset: paddedLength - 8, as: UInt64.self)
            return Hash256(SHA256.digest(ofPaddedBlocks: UnsafeRawBufferPointer(rebasing: buffer[..<paddedLength])))
        }
    }
}
