import Crypto
import EventStore

/// A SHA-256 value held inline (no heap allocation): Merkle nodes are made by the million.
public struct Hash256: Hashable, Sendable {
    var bytes: SIMD32<UInt8>

    init(_ digest: SHA256.Digest) {
        bytes = digest.withUnsafeBytes { $0.loadUnaligned(as: SIMD32<UInt8>.self) }
    }

    /// The value of 64 hexadecimal digits, or nil.
    public init?(hex: String) {
        guard hex.utf8.count == 64, let raw = Hex.bytes(hex) else { return nil }
        bytes = raw.withUnsafeBytes { $0.loadUnaligned(as: SIMD32<UInt8>.self) }
    }

    /// The value of 64 lower-case hexadecimal digits in `digits` (a slice of a line), or nil.
    init?(hexDigits digits: UnsafeRawBufferPointer) {
        guard digits.count == 64 else { return nil }
        var value = SIMD32<UInt8>()
        // Written through a raw pointer: setting SIMD lanes one by one is many times slower,
        // and every line of every archive has two hashes to read.
        let valid = withUnsafeMutableBytes(of: &value) { raw in
            for index in 0..<32 {
                guard let high = CanonicalScanner.hexValue(digits[2 * index]),
                      let low = CanonicalScanner.hexValue(digits[2 * index + 1]) else { return false }
                raw[index] = high << 4 | low
            }
            return true
        }
        guard valid else { return nil }
        bytes = value
    }

    init(rawBytes: UnsafeRawBufferPointer) {
        precondition(rawBytes.count == 32)
        bytes = rawBytes.loadUnaligned(as: SIMD32<UInt8>.self)
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
        var hasher = SHA256()
        hasher.update(data: [0x00])
        withUnsafeBytes(of: eventHash.bytes) { hasher.update(bufferPointer: $0) }
        return Hash256(hasher.finalize())
    }

    static func node(_ left: Hash256, _ right: Hash256) -> Hash256 {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        withUnsafeBytes(of: left.bytes) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: right.bytes) { hasher.update(bufferPointer: $0) }
        return Hash256(hasher.finalize())
    }

    static let emptyRoot = Hash256(SHA256.hash(data: [UInt8]()))
}
