import Foundation
import SystemCrypto
import Testing

@Suite struct SHA256Tests {
    @Test func knownAnswersForShortInputs() {
        // FIPS 180-2 examples, and what `sha256sum` and Python's hashlib print.
        #expect(SHA256.hash(data: [UInt8]()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash(data: Data("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// Updates of odd sizes straddle the 64-byte blocks every way, through both update methods.
    static func hashInOddPieces(_ input: [UInt8]) -> SHA256.Digest {
        let sizes = [1, 3, 7, 63, 65, 127, 4_095, 4_097, 0]
        var hasher = SHA256()
        var start = 0
        var turn = 0
        while start < input.count {
            let end = min(input.count, start + sizes[turn % sizes.count])
            if turn % 2 == 0 {
                hasher.update(data: Data(input)[start..<end])
            } else {
                input[start..<end].withUnsafeBytes { hasher.update(bufferPointer: $0) }
            }
            start = end
            turn += 1
        }
        return hasher.finalize()
    }

    @Test func aMillionBytesInOddPiecesMatchTheOneShotHashAndTheKnownValue() {
        // One million "a": FIPS 180-2, appendix B.3.
        let millionA = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let known = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash(data: millionA).hex == known)
        #expect(Self.hashInOddPieces(millionA).hex == known)
        // 1 MiB of byte i % 251, so a piece lost, repeated or reordered shows (value from hashlib).
        let pattern = (0..<(1 << 20)).map { UInt8($0 % 251) }
        let expected = "631b84027d6b9e52b539c4e8373622d23032dfadc64d60af87339c9037e4f769"
        #expect(SHA256.hash(data: pattern).hex == expected)
        #expect(Self.hashInOddPieces(pattern) == SHA256.hash(data: pattern))
    }

    @Test func aHasherIsAValue() {
        var hasher = SHA256()
        hasher.update(data: Array("ab".utf8))
        let copy = hasher
        // finalize() leaves the hasher as it was, as swift-crypto's does.
        #expect(hasher.finalize() == SHA256.hash(data: Array("ab".utf8)))
        hasher.update(data: Array("c".utf8))
        #expect(hasher.finalize() == SHA256.hash(data: Array("abc".utf8)))
        #expect(copy.finalize() == SHA256.hash(data: Array("ab".utf8)))
    }

    @Test func theDigestReadsAsItsBytes() {
        let digest = SHA256.hash(data: Array("abc".utf8))
        let viaPointer = digest.withUnsafeBytes { Array($0) }
        #expect(viaPointer.count == 32)
        #expect(Array(digest) == viaPointer)
        #expect(Array(digest.prefix(2)) == [0xBA, 0x78])
    }

    /// A message padded as FIPS 180-4 §5.1.1 says: a 1 bit, zeros, the length in bits.
    static func padded(_ message: [UInt8]) -> [UInt8] {
        var blocks = message + [0x80]
        while blocks.count % 64 != 56 { blocks.append(0) }
        return blocks + withUnsafeBytes(of: UInt64(8 * message.count).bigEndian, Array.init)
    }

    /// Blocks compressed from the initial state, as ``SHA256State`` does for callers that pad
    /// their own messages (Merkle nodes, events alongside the events file).
    static func digest(ofPadded blocks: [UInt8]) -> SHA256.Digest {
        var state = SHA256State()
        blocks.withUnsafeBytes { state.compress($0.baseAddress!, count: $0.count / 64) }
        return state.digest
    }

    @Test func paddedBlocksHashAsTheirMessage() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [33, 65, 33, 65, 1_000] {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let blocks = Self.padded(message)
            #expect(Self.digest(ofPadded: blocks) == SHA256.hash(data: message), "length \(length)")
        }
        let abc = Self.padded(Array("abc".utf8))
        #expect(Self.digest(ofPadded: abc).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
