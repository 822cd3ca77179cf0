/// The decompressed bytes of a gzip file, in order, in pieces.
protocol GzipChunkSource {
    /// The file's length, compressed.
    var compressedSize: Int64 { get }

    /// Calls `body` with the decompressed bytes in order, each piece with the file offset of
    /// the gzip member it came from, then checks the data ended cleanly. The pieces are the
    /// caller's to keep (handing them on to other threads costs no copy).
    func forEachChunk(_ body: ([UInt8], _ memberOffset: Int64) throws -> Void) throws
}

extension GzipChunkSource {
    func forEachChunk(_ body: ([UInt8]) throws -> Void) throws {
        try forEachChunk { bytes, _ in try body(bytes) }
    }
}

/// Picks the reader for a file: members that state their lengths (format 2, as dangjian
/// writes them) are inflated on every core; anything else — a format 1 archive, or one an
/// auditor unpacked and packed again with stock tools — streams through zlib on one.
enum GzipSource {
    static func open(path: String) throws -> any GzipChunkSource {
        let probe = try InputFile(path: path)
        let sized = try GzipMember.statedLength(fixedHeader: probe.read(upTo: GzipMember.fixedHeaderSize)) {
            try probe.read(upTo: $0)
        } != nil
        return sized ? try ParallelGzipReader(path: path) : try GzipReader(path: path)
    }
}
