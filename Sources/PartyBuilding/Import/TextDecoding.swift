/// Turns the bytes of a file saved by Excel or an editor into UTF-8, a chunk at a time. A
/// chunk may end in the middle of a character: its first bytes wait for the next chunk.
protocol ChunkDecoder {
    /// The UTF-8 text of `chunk` and of the bytes carried over from the one before, less a
    /// character `chunk` ends in the middle of.
    mutating func decode(_ chunk: [UInt8]) -> DecodedChunk
    /// Refuses a file that ends in the middle of a character.
    mutating func finish() throws
}

struct DecodedChunk {
    var text: [UInt8]
    /// Why the decoding stops, when the chunk holds bytes that are not text in the decoder's
    /// encoding; `text` is then what comes before them, so that whatever comes first in the
    /// file — a bad record or bad bytes — is what the reading reports, wherever chunks end.
    var stop: (any Error)?
}

/// UTF-8, checked, with a leading byte-order mark dropped. Stops with `NotUTF8` at the first
/// bytes that are not UTF-8, so that the file can be read again as GB18030.
struct UTF8Decoder: ChunkDecoder {
    struct NotUTF8: Error {}

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// An unfinished character, or the first bytes of the file while they may be a byte-order mark.
    private var carried: [UInt8] = []
    private var atStart = true

    mutating func decode(_ chunk: [UInt8]) -> DecodedChunk {
        var bytes = carried + chunk
        carried = []
        if atStart {
            if bytes.count < Self.byteOrderMark.count && Self.byteOrderMark.starts(with: bytes) {
                carried = bytes
                return DecodedChunk(text: [])
            }
            atStart = false
            if bytes.starts(with: Self.byteOrderMark) { bytes.removeFirst(Self.byteOrderMark.count) }
        }
        let complete = bytes.count - Self.unfinishedCharacter(endOf: bytes)
        guard String(validating: bytes[..<complete], as: UTF8.self) != nil else {
            return DecodedChunk(text: Array(bytes.prefix(Self.validLength(of: bytes[..<complete]))), stop: NotUTF8())
        }
        carried = Array(bytes[complete...])
        return DecodedChunk(text: Array(bytes[..<complete]))
    }

    mutating func finish() throws {
        if !carried.isEmpty { throw NotUTF8() }
    }

    /// How many bytes at the end start a character whose remaining bytes are still to come:
    /// the lead byte says how long its character is.
    static func unfinishedCharacter(endOf bytes: [UInt8]) -> Int {
        var back = 0
        while back < min(3, bytes.count) {
            back += 1
            let byte = bytes[bytes.count - back]
            // Continuation bytes are 10xxxxxx; the first other byte going back is the lead.
            if byte & 0xC0 != 0x80 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return length > back ? back : 0
            }
        }
        return 0
    }

    /// How many bytes at the start are valid UTF-8.
    private static func validLength(of bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var length = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            length += scalar.count
        }
        return length
    }
}
