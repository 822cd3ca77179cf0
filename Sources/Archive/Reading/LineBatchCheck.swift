import EventStore
import Foundation
import SystemCrypto

/// What a worker finds in a batch of complete lines of `events.ndjson`, on its own: each line
/// parsed, its hash recomputed, and the Merkle range over the batch's leaves (taking the
/// positions as consecutive from the first line's, which ``EventsChecker`` then confirms).
struct LineBatchCheck: Sendable {
    struct Line: Sendable {
        /// The events.ndjson offset where the line starts.
        var offset: Int64
        var position: Int64
        var previousHash: Hash256
        var hash: Hash256
        var contentMatchesHash: Bool
        var streamID: String
        var streamVersion: Int64
    }

    /// The lines in order, up to the first that is not a canonical envelope.
    var lines: [Line] = []
    /// That first line that is not: its events.ndjson offset, and what is wrong at which byte.
    var malformed: (offset: Int64, problem: LineProblem)?
    /// Each line's event, when importing.
    var events: [RecordedEvent] = []
    var merkle: MerkleCompactRange?

    /// Checks `bytes`: lines each ending in `\n`, the first at events.ndjson offset `base`.
    init(_ bytes: [UInt8], startingAt base: Int64, decodesEvents: Bool) {
        bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = all.baseAddress!.distance(to: UnsafeRawPointer(memchr(all.baseAddress! + start, 0x0A, all.count - start)!))
                let text = UnsafeRawBufferPointer(rebasing: all[start..<end])
                let envelope: EnvelopeLine
                do throws(LineProblem) {
                    envelope = try EnvelopeLine.parse(text)
                } catch {
                    malformed = (base + Int64(start), error)
                    return
                }
                lines.append(Line(
                    offset: base + Int64(start), position: envelope.position, previousHash: envelope.previousEventHash,
                    hash: envelope.eventHash, contentMatchesHash: Self.recomputedHash(text, envelope) == envelope.eventHash,
                    streamID: CanonicalScanner.unescapedString(text, envelope.streamID), streamVersion: envelope.streamVersion))
                if decodesEvents { events.append(envelope.recordedEvent(in: text)) }
                if merkle == nil { merkle = MerkleCompactRange(start: envelope.position - 1) }
                merkle!.appendLeaf(eventHash: envelope.eventHash)
                start = end + 1
            }
        }
    }

    /// SHA-256(previous hash ‖ the line without its `"hash"` member): the event's hash.
    private static func recomputedHash(_ line: UnsafeRawBufferPointer, _ envelope: EnvelopeLine) -> Hash256 {
        var hasher = SHA256()
        withUnsafeBytes(of: envelope.previousEventHash.bytes) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: line[..<envelope.hashMember.lowerBound]))
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: line[envelope.hashMember.upperBound...]))
        return Hash256(hasher.finalize())
    }
}
