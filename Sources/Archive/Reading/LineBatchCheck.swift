import EventStore
import Foundation
import SystemCrypto

/// What a worker finds in a batch of complete lines of `events.ndjson`, on its own: each line
/// parsed, the bytes its hash covers laid out for hashing, and the Merkle range over the
/// batch's leaves (taking the positions as consecutive from the first line's, which
/// ``EventsChecker`` then confirms). The hashes themselves are computed next, alongside the
/// events file's own (``SHA256Stream``).
struct LineBatchCheck: Sendable {
    struct Line: Sendable {
        /// The events.ndjson offset where the line starts.
        var offset: Int64
        var position: Int64
        var previousHash: Hash256
        var hash: Hash256
        /// The stream id as the line spells it, quotes included, in `streamIDs`, and its
        /// ``StreamVersions/hash(_:)``: computed here, so the ordered walk only looks it up.
        var streamID: Range<Int>
        var streamIDHash: Int
        var streamVersion: Int64
    }

    /// The lines in order, up to the first that is not a canonical envelope.
    var lines: [Line] = []
    /// The lines' stream ids end to end: the batch's bytes need not outlive the check.
    var streamIDs: [UInt8] = []
    /// That first line that is not: its events.ndjson offset, and what is wrong at which byte.
    var malformed: (offset: Int64, problem: LineProblem)?
    /// What each line's hash covers: SHA-256(previous hash ‖ the line without its `"hash"`
    /// member) is the event's hash.
    var hashedMessages: SHA256PaddedMessages
    /// Each line's event, when importing.
    var events: [RecordedEvent] = []
    var merkle: MerkleCompactRange?

    /// Checks the lines of `first` then of `rest`, each a run of lines ending in `\n`, the
    /// first starting at events.ndjson offset `base`. The caller hands over the bytes as they
    /// arrived, without joining them: `first` is the line that spans two pieces, if any.
    init(_ first: [UInt8], _ rest: ArraySlice<UInt8>, startingAt base: Int64, decodesEvents: Bool) {
        lines.reserveCapacity(rest.count / 256 + 1)
        hashedMessages = SHA256PaddedMessages(reservingCapacity: first.count + rest.count + rest.count / 8 + 128)
        streamIDs.reserveCapacity(rest.count / 16 + 64)
        if check(first, startingAt: base, decodesEvents: decodesEvents) {
            _ = check(rest, startingAt: base + Int64(first.count), decodesEvents: decodesEvents)
        }
        if let firstLine = lines.first {
            merkle = MerkleCompactRange(start: firstLine.position - 1)
            merkle!.appendLeaves(eventHashes: lines.map(\.hash))
        }
    }

    /// Checks every line of `bytes`; false when one is malformed (the rest are not looked at).
    private mutating func check(_ bytes: some ContiguousBytes, startingAt base: Int64, decodesEvents: Bool) -> Bool {
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
                    return false
                }
                let streamID = UnsafeRawBufferPointer(rebasing: text[envelope.streamID])
                lines.append(Line(
                    offset: base + Int64(start), position: envelope.position, previousHash: envelope.previousEventHash,
                    hash: envelope.eventHash,
                    streamID: streamIDs.count..<streamIDs.count + streamID.count, streamIDHash: StreamVersions.hash(streamID),
                    streamVersion: envelope.streamVersion))
                streamIDs.append(contentsOf: streamID)
                withUnsafeBytes(of: envelope.previousEventHash.bytes) { hashedMessages.append($0) }
                hashedMessages.append(UnsafeRawBufferPointer(rebasing: text[..<envelope.hashMember.lowerBound]))
                hashedMessages.append(UnsafeRawBufferPointer(rebasing: text[envelope.hashMember.upperBound...]))
                hashedMessages.endMessage()
                if decodesEvents { events.append(envelope.recordedEvent(in: text)) }
                start = end + 1
            }
            return true
        }
    }

    /// The stream id of `line`, unescaped: for messages.
    func streamIDText(of line: Line) -> String {
        streamIDs.withUnsafeBytes { CanonicalScanner.unescapedString($0, line.streamID) }
    }
}
