import Bilingual
#if canImport(Glibc)
import Glibc
#endif

/// GB18030 (what Excel in China saves by default) to UTF-8 with glibc's iconv, which
/// Foundation on Linux does not offer. iconv keeps the bytes of a character cut by the chunk's
/// end unconverted (`EINVAL`); they are carried over to the next chunk.
final class GB18030Decoder: ChunkDecoder {
    private let converter: iconv_t
    private let file: String
    private var carried: [UInt8] = []
    /// The line being converted, to name where the file stops being text.
    private var line = 1

    init(file: String) throws {
        converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else {
            throw ImportError.unreadable(file: file, reason: BilingualText(
                zh: "本机的 iconv 不支持 GB18030", en: "this system's iconv cannot convert GB18030"))
        }
        self.file = file
    }

    deinit {
        iconv_close(converter)
    }

    func decode(_ chunk: [UInt8]) -> DecodedChunk {
        var input = (carried + chunk).map { CChar(bitPattern: $0) }
        // A GB18030 character of 1, 2 or 4 bytes is at most 1, 3 or 4 bytes of UTF-8: twice
        // the input always has room, so iconv never stops for want of it (`E2BIG`).
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let (produced, unconverted, failure) = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (outputBuffer.count - outLeft, inLeft, result == -1 ? errno : 0)
            }
        }
        // Up to bytes that are not GB18030 (`EILSEQ`), iconv has converted what comes before them.
        let text = output[..<produced].map { UInt8(bitPattern: $0) }
        line += text.count(where: { $0 == UInt8(ascii: "\n") })
        guard failure == 0 || failure == EINVAL else { return DecodedChunk(text: text, stop: ImportError.notText(file: file, line: line)) }
        carried = input.suffix(unconverted).map { UInt8(bitPattern: $0) }
        return DecodedChunk(text: text)
    }

    func finish() throws {
        if !carried.isEmpty { throw ImportError.notText(file: file, line: line) }
    }
}
