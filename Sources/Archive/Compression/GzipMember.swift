import CLibdeflate

/// gzip members (RFC 1952) as a format 2 archive holds them: independent of each other, each
/// unpacking to at most `maximumInput` bytes, and each stating its own compressed length in
/// its header (docs/archive-format.md §1).
///
/// A file of concatenated members is a valid gzip file that `gzip -d`, Python's `gzip` module
/// and `tar -z` read as one stream: that is what lets the writer compress several chunks at
/// once. The stated length (an extra subfield `DJ`, RFC 1952 §2.3.1.1, as BGZF's `BC`) lets
/// a reader cut the file into members without inflating them, and so inflate them at once
/// too; readers that do not know the subfield skip it, as RFC 1952 requires.
enum GzipMember {
    /// Bytes one member unpacks to at most: what a reader holds per member it inflates.
    static let maximumInput = 1 << 20
    /// ID1 ID2 CM FLG MTIME(4) XFL OS, XLEN, then the subfield: SI1 SI2 LEN(2) and the length.
    static let headerSize = 20
    /// CRC-32 and ISIZE.
    static let trailerSize = 8
    /// The fixed part of a header before XLEN's extra bytes.
    static let fixedHeaderSize = 12
    private static let subfieldID: [UInt8] = [UInt8(ascii: "D"), UInt8(ascii: "J")]
    private static let flagExtra: UInt8 = 0x04

    /// `input` as gzip data at libdeflate `level` (0 stores without compressing; 1–12, 6 the
    /// default): one member per `maximumInput` bytes of input, and at least one.
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8] {
        input.withUnsafeBytes { compress($0, level: level) }
    }

    static func compress(_ input: UnsafeRawBufferPointer, level: Int32) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            fatalError("libdeflate refused level \(level): out of memory or no such level")
        }
        defer { libdeflate_free_compressor(compressor) }
        let pieces = stride(from: 0, to: max(input.count, 1), by: maximumInput).map { start in
            UnsafeRawBufferPointer(rebasing: input[start..<min(input.count, start + maximumInput)])
        }
        let bound = pieces.reduce(0) { $0 + headerSize + libdeflate_deflate_compress_bound(compressor, $1.count) + trailerSize }
        // Not zero-filled first: every byte that is kept is written.
        return [UInt8](unsafeUninitializedCapacity: bound) { output, written in
            written = 0
            for piece in pieces {
                written += member(of: piece, compressor, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: output[written...])))
            }
        }
    }

    /// Writes one member holding `piece` at the start of `output`; returns its length.
    private static func member(
        of piece: UnsafeRawBufferPointer, _ compressor: OpaquePointer, into output: UnsafeMutableRawBufferPointer
    ) -> Int {
        let data = UnsafeMutableRawBufferPointer(rebasing: output[headerSize...])
        let compressed = libdeflate_deflate_compress(compressor, piece.baseAddress, piece.count, data.baseAddress, data.count)
        precondition(compressed > 0, "libdeflate did not fit within its own bound")
        let length = headerSize + compressed + trailerSize
        let header: [UInt8] = [0x1F, 0x8B, 0x08, flagExtra, 0, 0, 0, 0, 0, 0xFF, 8, 0] + subfieldID + [4, 0]
        output.copyBytes(from: header)
        output.storeBytes(of: UInt32(length).littleEndian, toByteOffset: headerSize - 4, as: UInt32.self)
        let crc = libdeflate_crc32(0, piece.baseAddress, piece.count)
        output.storeBytes(of: crc.littleEndian, toByteOffset: headerSize + compressed, as: UInt32.self)
        output.storeBytes(of: UInt32(piece.count).littleEndian, toByteOffset: headerSize + compressed + 4, as: UInt32.self)
        return length
    }

    /// The length a member states for itself, from its first `fixedHeaderSize` bytes and the
    /// extra field they announce; nil when the header has no `DJ` subfield (or is not gzip).
    ///
    /// - Parameter extra: reads the `count` extra bytes that follow the fixed part.
    static func statedLength(fixedHeader: [UInt8], extra: (Int) throws -> [UInt8]) rethrows -> Int? {
        guard fixedHeader.count == fixedHeaderSize, fixedHeader[0] == 0x1F, fixedHeader[1] == 0x8B, fixedHeader[2] == 8,
              fixedHeader[3] & flagExtra != 0
        else { return nil }
        let fields = try extra(Int(fixedHeader[10]) | Int(fixedHeader[11]) << 8)
        var index = 0
        while index + 4 <= fields.count {
            let length = Int(fields[index + 2]) | Int(fields[index + 3]) << 8
            if Array(fields[index..<index + 2]) == subfieldID, length == 4, index + 8 <= fields.count {
                return fields[index + 4..<index + 8].reversed().reduce(0) { $0 << 8 | Int($1) }
            }
            index += 4 + length
        }
        return nil
    }
}
