/// Splits a tar stream fed in arbitrary pieces into members, without holding more than
/// one header block: member data is passed on as it arrives.
struct TarStreamParser {
    /// Receives the members of the stream in order.
    protocol Consumer {
        mutating func beginMember(_ header: TarHeader) throws
        mutating func memberData(_ bytes: UnsafeRawBufferPointer) throws
        mutating func endMember() throws
    }

    private enum State {
        case header
        case data(remaining: Int64, padding: Int)
        case padding(remaining: Int)
        case ended
    }

    private var state = State.header
    private var headerBuffer: [UInt8] = []

    /// Feeds the next piece of the stream.
    mutating func feed<C: Consumer>(_ bytes: UnsafeRawBufferPointer, to consumer: inout C) throws {
        var rest = bytes[...]
        while !rest.isEmpty {
            switch state {
            case .header:
                let take = min(TarHeader.blockSize - headerBuffer.count, rest.count)
                headerBuffer.append(contentsOf: rest.prefix(take))
                rest = rest.dropFirst(take)
                guard headerBuffer.count == TarHeader.blockSize else { continue }
                let header = try headerBuffer.withUnsafeBytes { try TarHeader.decode($0) }
                headerBuffer.removeAll(keepingCapacity: true)
                guard let header else {
                    state = .ended
                    continue
                }
                try consumer.beginMember(header)
                state = .data(remaining: header.size, padding: TarHeader.padding(after: header.size))
                if header.size == 0 { try finishData(padding: 0, consumer: &consumer) }
            case .data(let remaining, let padding):
                let take = Int(min(remaining, Int64(rest.count)))
                try consumer.memberData(UnsafeRawBufferPointer(rebasing: rest.prefix(take)))
                rest = rest.dropFirst(take)
                if remaining == Int64(take) {
                    try finishData(padding: padding, consumer: &consumer)
                } else {
                    state = .data(remaining: remaining - Int64(take), padding: padding)
                }
            case .padding(let remaining):
                let take = min(remaining, rest.count)
                guard rest.prefix(take).allSatisfy({ $0 == 0 }) else {
                    throw ArchiveProblem(zh: "tar 成员之间的填充不是零字节", en: "the padding between tar members is not zero bytes")
                }
                rest = rest.dropFirst(take)
                state = remaining == take ? .header : .padding(remaining: remaining - take)
            case .ended:
                // After the end-of-archive marker only zero bytes may follow (tar pads to records).
                guard rest.allSatisfy({ $0 == 0 }) else {
                    throw ArchiveProblem(
                        zh: "tar 结束标记之后还有数据：文件被追加过内容",
                        en: "there is data after the tar end-of-archive marker: something was appended to the file")
                }
                rest = rest.dropFirst(rest.count)
            }
        }
    }

    /// Checks the stream reached its end-of-archive marker.
    func finish() throws {
        guard case .ended = state else {
            throw ArchiveProblem(
                zh: "tar 数据在中途结束：文件被截断",
                en: "the tar data ends before its end-of-archive marker: the file is truncated")
        }
    }

    private mutating func finishData<C: Consumer>(padding: Int, consumer: inout C) throws {
        try consumer.endMember()
        state = padding == 0 ? .header : .padding(remaining: padding)
    }
}
