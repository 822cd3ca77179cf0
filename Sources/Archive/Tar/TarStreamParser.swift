/// Splits a tar stream fed in arbitrary pieces into members, without holding more than
/// one header block: member data is passed on as it arrives.
struct TarStreamParser {
    /// Receives the members of the stream in order.
    protocol Consumer {
        /// `offset`: the header's tar offset.
        mutating func beginMember(_ header: TarHeader, at offset: Int64) throws
        /// A piece of the member's data, shared with the stream's piece it lies in.
        mutating func memberData(_ bytes: ArraySlice<UInt8>) throws
        mutating func endMember() throws
    }

    private enum State {
        case header
        case data(remaining: Int64, padding: Int)
        case padding(remaining: Int)
        /// Past the end-of-archive marker, which began at tar offset `marker`.
        case ended(marker: Int64)
    }

    private var state = State.header
    private var headerBuffer: [UInt8] = []
    /// Bytes of the tar taken so far: the tar offset of the next byte.
    private(set) var offset: Int64 = 0
    /// Where the header being gathered began, and the gzip member it began in.
    private var headerStart: (tar: Int64, member: Int64) = (0, 0)

    /// Feeds the next piece of the stream, unpacked from the gzip member at file offset
    /// `memberOffset` (named by refusals).
    mutating func feed<C: Consumer>(_ bytes: [UInt8], memberOffset: Int64, to consumer: inout C) throws {
        // Indices of `rest` are indices of `bytes`: a byte at index i is at tar offset `offset + i`.
        var rest = bytes[...]
        defer { offset += Int64(bytes.count) }
        while !rest.isEmpty {
            switch state {
            case .header:
                if headerBuffer.isEmpty { headerStart = (offset + Int64(rest.startIndex), memberOffset) }
                let take = min(TarHeader.blockSize - headerBuffer.count, rest.count)
                headerBuffer.append(contentsOf: rest.prefix(take))
                rest = rest.dropFirst(take)
                guard headerBuffer.count == TarHeader.blockSize else { continue }
                let header: TarHeader?
                do {
                    header = try headerBuffer.withUnsafeBytes { try TarHeader.decode($0) }
                    if let header { try consumer.beginMember(header, at: headerStart.tar) }
                } catch let problem as ArchiveProblem {
                    throw problem.located(at: ArchivePlace.tar(headerStart.tar, inMemberAt: headerStart.member))
                }
                headerBuffer.removeAll(keepingCapacity: true)
                guard let header else {
                    state = .ended(marker: headerStart.tar)
                    continue
                }
                state = .data(remaining: header.size, padding: TarHeader.padding(after: header.size))
                if header.size == 0 { try finishData(padding: 0, consumer: &consumer) }
            case .data(let remaining, let padding):
                let take = Int(min(remaining, Int64(rest.count)))
                try consumer.memberData(rest.prefix(take))
                rest = rest.dropFirst(take)
                if remaining == Int64(take) {
                    try finishData(padding: padding, consumer: &consumer)
                } else {
                    state = .data(remaining: remaining - Int64(take), padding: padding)
                }
            case .padding(let remaining):
                let take = min(remaining, rest.count)
                if let bad = rest.prefix(take).firstIndex(where: { $0 != 0 }) {
                    throw ArchiveProblem(zh: "tar 成员之间的填充不是零字节", en: "the padding between tar members is not zero bytes")
                        .located(at: ArchivePlace.tar(offset + Int64(bad), inMemberAt: memberOffset))
                }
                rest = rest.dropFirst(take)
                state = remaining == take ? .header : .padding(remaining: remaining - take)
            case .ended:
                // After the end-of-archive marker only zero bytes may follow (tar pads to records).
                if let bad = rest.firstIndex(where: { $0 != 0 }) {
                    throw ArchiveProblem(
                        zh: "tar 结束标记之后还有数据：文件被追加过内容",
                        en: "there is data after the tar end-of-archive marker: something was appended to the file"
                    ).located(at: ArchivePlace.tar(offset + Int64(bad), inMemberAt: memberOffset))
                }
                rest = rest.dropFirst(rest.count)
            }
        }
    }

    /// Checks the stream reached its end-of-archive marker; returns the marker's tar offset.
    func finish() throws -> Int64 {
        guard case .ended(let marker) = state else {
            throw ArchiveProblem(
                zh: "tar 数据在 tar 偏移 \(offset) 处、结束标记之前就结束了：文件被截断",
                en: "the tar data ends at tar offset \(offset), before its end-of-archive marker: the file is truncated")
        }
        return marker
    }

    private mutating func finishData<C: Consumer>(padding: Int, consumer: inout C) throws {
        try consumer.endMember()
        state = padding == 0 ? .header : .padding(remaining: padding)
    }
}
