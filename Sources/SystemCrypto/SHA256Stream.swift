/// SHA-256 of a long stream given in pieces, whose whole blocks are compressed side by side
/// with short messages (``SHA256State`` says why that is faster than one after the other).
///
/// Verifying an archive, the stream is the events file and the messages are the events in
/// the piece of it just read: each event's hash and the file's are computed in one pass.
public struct SHA256Stream: Sendable {
    private var state = SHA256State()
    /// The stream's bytes after its last whole block: fewer than 64.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    /// Hashes `bytes` on into the stream, and each of `messages` from its start, the two
    /// compressed together while both have blocks left. Returns the messages' digests in order.
    public mutating func update(_ bytes: UnsafeRawBufferPointer, alongside messages: SHA256PaddedMessages) -> [SHA256.Digest] {
        length += UInt64(bytes.count)
        var input = bytes[...]
        if !pending.isEmpty {
            let filling = input.prefix(64 - pending.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: filling))
            input = input[filling.endIndex...]
            if pending.count == 64 {
                pending.withUnsafeBytes { state.compress($0.baseAddress!, count: 1) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let stream = UnsafeRawBufferPointer(rebasing: input)
        let streamBlocks = stream.count / 64
        var streamBlock = 0
        var digests: [SHA256.Digest] = []
        digests.reserveCapacity(messages.count)
        messages.blocks.withUnsafeBytes { all in
            var offset = 0
            for count in messages.blockCounts {
                var message = SHA256State()
                let messageBlocks = all.baseAddress! + offset
                let together = min(count, streamBlocks - streamBlock)
                if together > 0 {
                    SHA256State.compress(&state, stream.baseAddress! + 64 * streamBlock, &message, messageBlocks, count: together)
                    streamBlock += together
                }
                if together < count {
                    message.compress(messageBlocks + 64 * together, count: count - together)
                }
                digests.append(message.digest)
                offset += 64 * count
            }
        }
        if streamBlock < streamBlocks {
            state.compress(stream.baseAddress! + 64 * streamBlock, count: streamBlocks - streamBlock)
        }
        pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: stream[(64 * streamBlocks)...]))
        return digests
    }

    /// The digest of the whole stream so far.
    public func finalize() -> SHA256.Digest {
        var last = SHA256PaddedMessages()
        pending.withUnsafeBytes { last.append($0) }
        last.endMessage(statingLength: length)
        var finished = state
        last.blocks.withUnsafeBytes { finished.compress($0.baseAddress!, count: $0.count / 64) }
        return finished.digest
    }
}
