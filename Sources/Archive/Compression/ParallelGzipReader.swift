import CIsalInflate

/// Reads a gzip file whose every member states its length (format 2, ``GzipMember``): the
/// members are cut apart as the file is read, inflated with ISA-L on every core, and
/// handed on in order.
///
/// Memory stays bounded: a few members are in flight, each at most
/// `GzipMember.maximumInput` bytes once inflated (a member stating more is refused unread).
struct ParallelGzipReader: GzipChunkSource {
    /// No member of `maximumInput` bytes is longer compressed, even stored (5 bytes per 64 KiB block).
    static let maximumMemberLength = GzipMember.headerSize + GzipMember.maximumInput + 1024 + GzipMember.trailerSize

    private struct Member: Sendable {
        var offset: Int64
        var bytes: [UInt8]
    }

    private let input: InputFile

    init(path: String) throws {
        input = try InputFile(path: path)
    }

    var compressedSize: Int64 { input.size }

    func forEachChunk(_ body: ([UInt8], _ memberOffset: Int64) throws -> Void) throws {
        var inflating = OrderedJobs<Result<Member, ArchiveProblem>>()
        func deliver(_ result: Result<Member, ArchiveProblem>) throws {
            let member = try result.get()
            try body(member.bytes, member.offset)
        }
        // A bad header ends the reading, but the members before it are handed on first: the
        // failure reported is the first in the file's order.
        var unreadable: ArchiveProblem?
        while true {
            let member: Member?
            do {
                member = try nextMember()
            } catch let problem as ArchiveProblem {
                unreadable = problem
                break
            }
            guard let member else { break }
            if let done = inflating.submit({ Self.inflate(member) }) { try deliver(done) }
        }
        while let done = inflating.next() { try deliver(done) }
        if let unreadable { throw unreadable }
    }

    /// The next member's bytes, checked to be whole; nil at the end of the file.
    private func nextMember() throws -> Member? {
        let offset = input.offset
        let fixed = try input.read(upTo: GzipMember.fixedHeaderSize)
        guard !fixed.isEmpty else {
            if offset == 0 { throw GzipProblems.empty }
            return nil
        }
        var extra: [UInt8] = []
        var extraLength = 0
        let stated = try GzipMember.statedLength(fixedHeader: fixed) { count in
            extraLength = count
            extra = try input.read(upTo: count)
            return extra
        }
        let headerEnd = input.offset - offset
        guard let length = stated else {
            if fixed.count < GzipMember.fixedHeaderSize || extra.count < extraLength {
                throw GzipProblems.truncated(memberAt: offset, fileSize: input.offset)
            }
            throw ArchiveProblem(
                zh: "不是注明自身长度的 gzip 成员（格式 2 的归档每个成员都注明）：文件被改动，或被追加了内容",
                en: "it is not a gzip member stating its length, as every member of a format 2 archive does: the file was altered, or something was appended to it"
            ).located(at: ArchivePlace.gzipMember(at: offset))
        }
        guard Int64(length) >= headerEnd + Int64(GzipMember.trailerSize), length <= Self.maximumMemberLength else {
            throw ArchiveProblem(
                zh: "注明的长度 \(length) 字节不可能属于 dangjian 归档的成员：文件被改动",
                en: "it states a length of \(length) bytes, which no member of a dangjian archive has: the file was altered"
            ).located(at: ArchivePlace.gzipMember(at: offset))
        }
        // The rest is read straight into the member's buffer, after the header already read.
        let header = fixed + extra
        let bytes = try [UInt8](unsafeUninitializedCapacity: length) { buffer, filled in
            _ = buffer.initialize(fromContentsOf: header)
            filled = header.count + (try input.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[header.count...]))))
        }
        guard bytes.count == length else {
            throw GzipProblems.truncated(memberAt: offset, fileSize: input.offset)
        }
        return Member(offset: offset, bytes: bytes)
    }

    /// The member's content, or why it is damaged; runs on a worker thread.
    private static func inflate(_ member: Member) -> Result<Member, ArchiveProblem> {
        // ISIZE, the trailer's last four bytes, says how much room the content needs.
        let size = member.bytes.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        guard size <= GzipMember.maximumInput else {
            return .failure(ArchiveProblem(
                zh: "解压后为 \(size) 字节，超过 dangjian 归档每个成员的上限 \(GzipMember.maximumInput) 字节：不是 dangjian 归档，可能是压缩炸弹",
                en: "it unpacks to \(size) bytes, more than the \(GzipMember.maximumInput) a member of a dangjian archive holds: not a dangjian archive, perhaps a decompression bomb"
            ).located(at: ArchivePlace.gzipMember(at: member.offset)))
        }
        var status: Int32 = 0
        var used = 0
        let content = member.bytes.withUnsafeBytes { compressed in
            [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                var produced = 0
                status = isal_inflate_gzip_member(
                    compressed.baseAddress, compressed.count, buffer.baseAddress, size, &used, &produced)
                count = status == ISAL_DECOMP_OK ? produced : 0
            }
        }
        if status == ISAL_INFLATE_MEMBER_NO_MEMORY { fatalError("ISA-L could not start inflating: out of memory") }
        guard status == ISAL_DECOMP_OK, used == member.bytes.count, content.count == size else {
            let reason = switch status {
            case ISAL_DECOMP_OK: used == member.bytes.count ? "shorter than its trailer states" : "its stated length does not end it"
            case ISAL_OUT_OVERFLOW: "longer than its trailer states"
            case ISAL_END_INPUT: "its compressed data runs past its stated length"
            case ISAL_INCORRECT_CHECKSUM: "its CRC-32 or length does not match its content"
            default: "invalid deflate data"
            }
            return .failure(GzipProblems.damaged(reason, memberAt: member.offset))
        }
        return .success(Member(offset: member.offset, bytes: content))
    }
}
