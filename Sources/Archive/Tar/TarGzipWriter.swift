/// Writes a ustar archive into a parallel gzip stream: whole members from bytes, and one
/// streamed member whose size is filled in when it ends.
final class TarGzipWriter {
    private let gzip: ParallelGzipWriter
    private let modificationTime: Int64

    init(gzip: ParallelGzipWriter, modificationTime: Int64) {
        self.gzip = gzip
        self.modificationTime = modificationTime
    }

    /// A member whose bytes are all at hand.
    func addMember(name: String, bytes: [UInt8]) throws {
        try gzip.write(TarHeader(name: name, size: Int64(bytes.count), modificationTime: modificationTime).encoded())
        try gzip.write(bytes)
        try gzip.write(zeros(TarHeader.padding(after: Int64(bytes.count))))
    }

    /// A member streamed through `body`, which writes its bytes and returns what it made of
    /// them with their count.
    ///
    /// A tar header states the size before the data, which is unknown until the data has
    /// streamed. The header therefore goes into a gzip member of its own, stored without
    /// compression so its length does not depend on its content, and is rewritten in place
    /// with the real size at the end: no temporary file, no second pass.
    func addStreamedMember<Written>(
        name: String, _ body: (ParallelGzipWriter) throws -> (written: Written, size: Int64)
    ) throws -> Written {
        let placeholder = TarHeader(name: name, size: 0, modificationTime: modificationTime)
        let offset = try gzip.writeStoredMember(placeholder.encoded())
        let (written, size) = try body(gzip)
        guard size <= TarHeader.maximumSize else {
            throw ArchiveError.refused(.init(
                zh: "\(name) 超过 8 GiB，ustar 无法容纳：请按期间分次导出",
                en: "\(name) is larger than 8 GiB, more than ustar holds: export shorter periods"))
        }
        try gzip.write(zeros(TarHeader.padding(after: size)))
        var header = placeholder
        header.size = size
        try gzip.rewriteStoredMember(at: offset, with: header.encoded())
        return written
    }

    /// The end-of-archive marker (two zero blocks) and the rest of the compressed data.
    func finish() throws {
        try gzip.write(zeros(2 * TarHeader.blockSize))
        try gzip.finish()
    }

    private func zeros(_ count: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: count)
    }
}
