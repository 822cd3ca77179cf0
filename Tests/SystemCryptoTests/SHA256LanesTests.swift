@testable import SystemCrypto
import Testing

/// The hand-written compression (one lane and two) against libcrypto's, and the stream that
/// hashes short messages alongside a long one against plain SHA-256.
@Suite struct SHA256LanesTests {
    /// Deterministic bytes, different for each seed.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    /// Without the SHA extensions `compress` is libcrypto's: skipped there, as it would compare
    /// libcrypto with itself.
    @Test(.enabled(if: SHA256State.hasSHAExtensions, "this processor has no SHA extensions: the hand-written rounds are not used"))
    func oneAndTwoLanesCompressAsLibcryptoDoes() {
        for blocks in [1, 2, 3, 17] {
            let first = Self.bytes(64 * blocks, seed: UInt64(blocks))
            let second = Self.bytes(64 * blocks, seed: UInt64(100 + blocks))
            var expectedFirst = SHA256State()
            var expectedSecond = SHA256State()
            first.withUnsafeBytes { expectedFirst.compressWithLibcrypto($0.baseAddress!, count: blocks) }
            second.withUnsafeBytes { expectedSecond.compressWithLibcrypto($0.baseAddress!, count: blocks) }

            var alone = SHA256State()
            first.withUnsafeBytes { alone.compress($0.baseAddress!, count: blocks) }
            #expect(alone.digest == expectedFirst.digest)

            var laneA = SHA256State()
            var laneB = SHA256State()
            first.withUnsafeBytes { a in
                second.withUnsafeBytes { b in
                    SHA256State.compress(&laneA, a.baseAddress!, &laneB, b.baseAddress!, count: blocks)
                }
            }
            #expect(laneA.digest == expectedFirst.digest)
            #expect(laneB.digest == expectedSecond.digest)
            #expect(laneA.digest != laneB.digest)
        }
    }

    @Test func paddedMessagesHashAsSHA256DoesForEveryLengthAroundABlock() {
        for length in 0...200 {
            let message = Self.bytes(length, seed: UInt64(length))
            var padded = SHA256PaddedMessages()
            // In two parts, as an event is: its previous hash, then its line.
            message.withUnsafeBytes {
                padded.append(UnsafeRawBufferPointer(rebasing: $0[..<(length / 3)]))
                padded.append(UnsafeRawBufferPointer(rebasing: $0[(length / 3)...]))
            }
            padded.endMessage()
            #expect(padded.count == 1)
            #expect(padded.blocks.count == (length + 9 + 63) / 64 * 64)
            #expect(SHA256Tests.digest(ofPadded: padded.blocks) == SHA256.hash(data: message))
        }
    }

    /// Pieces of the stream of every size against runs of messages of every length: the two
    /// lanes part when either runs out, mid-message or mid-piece, and the stream carries a
    /// partial block from piece to piece.
    @Test func aStreamAndTheMessagesAlongsideItHashAsSHA256Does() {
        let stream = Self.bytes(40_000, seed: 7)
        let pieceSizes = [0, 1, 63, 64, 65, 700, 3_000, 129, 11_000]
        var hasher = SHA256Stream()
        var start = 0
        var turn = 0
        var messagesChecked = 0
        while start < stream.count {
            let end = min(stream.count, start + pieceSizes[turn % pieceSizes.count])
            let messages = (0..<(turn % 5 * 3)).map { Self.bytes(($0 * 97 + turn * 31) % 900, seed: UInt64(turn * 100 + $0)) }
            var padded = SHA256PaddedMessages()
            for message in messages {
                message.withUnsafeBytes { padded.append($0) }
                padded.endMessage()
            }
            let digests = stream[start..<end].withUnsafeBytes { hasher.update($0, alongside: padded) }
            #expect(digests == messages.map { SHA256.hash(data: $0) })
            messagesChecked += messages.count
            start = end
            turn += 1
            // The stream so far, without disturbing what follows.
            #expect(hasher.finalize() == SHA256.hash(data: stream[..<end]))
        }
        #expect(messagesChecked > 100)
        #expect(hasher.finalize() == SHA256.hash(data: stream))
    }
}
