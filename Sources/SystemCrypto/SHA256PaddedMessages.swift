/// Short messages laid end to end, each padded to whole blocks, for ``SHA256Stream`` to hash
/// alongside a long stream.
///
/// A message is appended in parts (`append`), then closed (`endMessage`), which pads it:
/// a 1 bit, zeros, and its length in bits as a big-endian UInt64 (FIPS 180-4 §5.1.1).
public struct SHA256PaddedMessages: Sendable {
    /// Every message's padded blocks, in order.
    private(set) var blocks: [UInt8] = []
    /// How many blocks each message takes.
    private(set) var blockCounts: [Int] = []
    /// Where the message being appended starts in `blocks`.
    private var messageStart = 0

    /// The 1 bit and the zeros after it, as many as a message can need.
    private static let padding: [UInt8] = [0x80] + [UInt8](repeating: 0, count: 63)

    public init(reservingCapacity bytes: Int = 0) {
        blocks.reserveCapacity(bytes)
    }

    public var count: Int { blockCounts.count }

    /// Appends `bytes` to the message being laid out.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        blocks.append(contentsOf: bytes)
    }

    /// Pads the message being laid out; the next `append` begins another.
    public mutating func endMessage() {
        endMessage(statingLength: UInt64(blocks.count - messageStart))
    }

    /// Pads the message being laid out with `statedLength` bytes as the message's length: the
    /// last bytes of a stream are padded with the whole stream's length.
    mutating func endMessage(statingLength statedLength: UInt64) {
        let length = blocks.count - messageStart
        let paddedLength = (length + 1 + 8 + 63) / 64 * 64
        // One copy from a constant, not a byte at a time: every event of an archive is padded.
        blocks.append(contentsOf: Self.padding[..<(paddedLength - length - 8)])
        withUnsafeBytes(of: (8 * statedLength).bigEndian) { blocks.append(contentsOf: $0) }
        blockCounts.append(paddedLength / 64)
        messageStart = blocks.count
    }
}
