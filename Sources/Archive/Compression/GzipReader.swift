import CZlib

/// Reads a gzip file of one or more concatenated members (RFC 1952) as one stream, chunk by
/// chunk, in constant memory, on one core: any gzip file, whether or not its members state
/// their lengths.
struct GzipReader: GzipChunkSource {
    static let chunkSize = 1 << 20

    private let input: InputFile

    init(path: String) throws {
        input = try InputFile(path: path)
    }

    var compressedSize: Int64 { input.size }

    func forEachChunk(_ body: ([UInt8], _ memberOffset: Int64) throws -> Void) throws {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { fatalError("zlib could not start inflating: out of memory") }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        // True between members: the input may end there, and nowhere else.
        var atMemberBoundary = true
        var memberOffset: Int64 = 0
        while true {
            let data = try input.read(upTo: Self.chunkSize)
            if data.isEmpty { break }
            let dataOffset = input.offset - Int64(data.count)
            try data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: UInt8.self).baseAddress)
                stream.avail_in = uInt(source.count)
                while stream.avail_in > 0 {
                    if atMemberBoundary {
                        atMemberBoundary = false
                        memberOffset = dataOffset + Int64(source.count) - Int64(stream.avail_in)
                        inflateReset(&stream)
                    }
                    let (status, produced) = output.withUnsafeMutableBytes { target in
                        stream.next_out = target.bindMemory(to: UInt8.self).baseAddress
                        stream.avail_out = uInt(target.count)
                        let status = inflate(&stream, Z_NO_FLUSH)
                        return (status, target.count - Int(stream.avail_out))
                    }
                    if produced > 0 {
                        try body(Array(output[0..<produced]), memberOffset)
                    }
                    switch status {
                    case Z_STREAM_END:
                        atMemberBoundary = true
                    case Z_OK, Z_BUF_ERROR:
                        continue
                    default:
                        let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                        throw GzipProblems.damaged(reason, memberAt: memberOffset)
                    }
                }
            }
        }
        guard input.offset > 0 else { throw GzipProblems.empty }
        guard atMemberBoundary else { throw GzipProblems.truncated(memberAt: memberOffset, fileSize: input.offset) }
    }
}
