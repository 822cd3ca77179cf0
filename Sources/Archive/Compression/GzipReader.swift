import CZlib
import Foundation

/// Reads a gzip file of one or more concatenated members (RFC 1952) as one stream,
/// chunk by chunk, in constant memory.
struct GzipReader {
    static let chunkSize = 1 << 20

    private let path: String
    private let input: FileHandle

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveError.io(path: path, detail: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        input = handle
    }

    /// Calls `body` with the decompressed bytes in order, then checks the stream ended cleanly.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { fatalError("zlib could not start inflating: out of memory") }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        // True between members: the input may end there, and nowhere else.
        var atMemberBoundary = true
        var sawAnyInput = false
        while true {
            let data = try readInput()
            if data.isEmpty { break }
            sawAnyInput = true
            try data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: UInt8.self).baseAddress)
                stream.avail_in = uInt(source.count)
                while stream.avail_in > 0 {
                    if atMemberBoundary {
                        atMemberBoundary = false
                        inflateReset(&stream)
                    }
                    let (status, produced) = output.withUnsafeMutableBytes { target in
                        stream.next_out = target.bindMemory(to: UInt8.self).baseAddress
                        stream.avail_out = uInt(target.count)
                        let status = inflate(&stream, Z_NO_FLUSH)
                        return (status, target.count - Int(stream.avail_out))
                    }
                    if produced > 0 {
                        try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
                    }
                    switch status {
                    case Z_STREAM_END:
                        atMemberBoundary = true
                    case Z_OK, Z_BUF_ERROR:
                        continue
                    default:
                        let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                        throw ArchiveProblem(
                            zh: "gzip 数据损坏（\(reason)）：文件被改动或不是 dangjian 归档",
                            en: "the gzip data is damaged (\(reason)): the file was altered or is not a dangjian archive")
                    }
                }
            }
        }
        guard sawAnyInput else {
            throw ArchiveProblem(zh: "文件为空", en: "the file is empty")
        }
        guard atMemberBoundary else {
            throw ArchiveProblem(
                zh: "gzip 数据在中途结束：文件被截断（复制或下载未完成）",
                en: "the gzip data ends in the middle: the file is truncated (an incomplete copy or download)")
        }
    }

    private func readInput() throws -> Data {
        do {
            return try input.read(upToCount: Self.chunkSize) ?? Data()
        } catch {
            throw ArchiveError.io(path: path, detail: error.localizedDescription)
        }
    }
}
