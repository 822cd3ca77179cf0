/// The 512-byte header of one regular file in a POSIX ustar archive (POSIX.1-1988 `ustar`).
///
/// Written by hand rather than through libarchive: an archive holds a handful of regular
/// files, a ustar header for them is a few fixed fields, and this keeps the tool free of a
/// dependency the package mirror does not carry. GNU tar, bsdtar and Python's `tarfile`
/// read these headers; the reader also accepts GNU tar's magic, so an auditor's re-packed
/// copy can still be checked.
struct TarHeader: Equatable {
    static let blockSize = 512
    /// ustar writes sizes as 11 octal digits: members up to 8 GiB − 1.
    static let maximumSize: Int64 = 0o77777777777

    var name: String
    var size: Int64
    var modificationTime: Int64

    /// The header block. `name` must be ASCII and at most 100 bytes.
    func encoded() -> [UInt8] {
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int64, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: width - 1 - digits.count) + digits
        }
        precondition(name.utf8.count <= 100 && size <= Self.maximumSize)
        put(name, at: 0)
        put(octal(0o644, width: 8), at: 100)   // mode
        put(octal(0, width: 8), at: 108)       // uid
        put(octal(0, width: 8), at: 116)       // gid
        put(octal(size, width: 12), at: 124)
        put(octal(modificationTime, width: 12), at: 136)
        put("        ", at: 148)               // checksum field counts as spaces while summing
        block[156] = UInt8(ascii: "0")         // regular file
        put("ustar", at: 257)                  // magic "ustar\0"
        put("00", at: 263)                     // version
        put("dangjian", at: 265)               // owner name
        put("dangjian", at: 297)               // group name
        let checksum = block.reduce(0) { $0 + Int64($1) }
        put(octal(checksum, width: 7), at: 148)
        block[155] = UInt8(ascii: " ")
        return block
    }

    /// Parses a header block; nil for an all-zero block (the end-of-archive marker).
    static func decode(_ block: UnsafeRawBufferPointer) throws -> TarHeader? {
        precondition(block.count == blockSize)
        if block.allSatisfy({ $0 == 0 }) { return nil }
        func field(_ offset: Int, _ length: Int) -> [UInt8] {
            Array(block[offset..<offset + length].prefix { $0 != 0 })
        }
        func number(_ offset: Int, _ length: Int) -> Int64? {
            let text = String(decoding: field(offset, length), as: UTF8.self).trimmingSpaces()
            return text.isEmpty ? 0 : Int64(text, radix: 8)
        }
        var sum: Int64 = 0
        for (index, byte) in block.enumerated() { sum += (148..<156).contains(index) ? 32 : Int64(byte) }
        guard let stored = number(148, 8), stored == sum else {
            throw ArchiveProblem(
                zh: "tar 头的校验和不符：文件被改动或截断",
                en: "a tar header's checksum does not match: the file was altered or truncated")
        }
        let magic = field(257, 6)
        guard magic == Array("ustar".utf8) || magic == Array("ustar  ".utf8.prefix(6)) else {
            throw ArchiveProblem(zh: "不是 ustar 格式的 tar 头", en: "a tar header is not in ustar format")
        }
        let typeFlag = block[156]
        var name = String(decoding: field(0, 100), as: UTF8.self)
        let prefix = String(decoding: field(345, 155), as: UTF8.self)
        if !prefix.isEmpty && magic == Array("ustar".utf8) { name = prefix + "/" + name }
        guard typeFlag == UInt8(ascii: "0") || typeFlag == 0 else {
            throw ArchiveProblem(
                zh: "成员 \(name) 不是普通文件（类型 \(Character(Unicode.Scalar(typeFlag)))）：归档只应含普通文件",
                en: "member \(name) is not a regular file (type \(Character(Unicode.Scalar(typeFlag)))): an archive holds regular files only")
        }
        guard let size = number(124, 12), let time = number(136, 12) else {
            throw ArchiveProblem(zh: "成员 \(name) 的大小字段无效", en: "member \(name) has an invalid size field")
        }
        return TarHeader(name: name, size: size, modificationTime: time)
    }

    /// Zero bytes that pad a member of `size` bytes to a whole block.
    static func padding(after size: Int64) -> Int {
        let remainder = Int(size % Int64(blockSize))
        return remainder == 0 ? 0 : blockSize - remainder
    }
}

private extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
