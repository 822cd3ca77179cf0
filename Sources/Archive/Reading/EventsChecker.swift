import Bilingual
import Crypto
import EventStore
import Foundation

/// Checks `events.ndjson` line by line as it streams past: each line canonical, positions
/// consecutive, each `prev_hash` the hash before it, each hash the one its bytes call for,
/// stream versions consecutive within the archive; and builds the Merkle compact range.
struct EventsChecker {
    private(set) var count: Int64 = 0
    private(set) var firstPosition: Int64?
    private(set) var lastPosition: Int64 = 0
    private(set) var firstHash: Hash256?
    private(set) var firstPreviousHash: Hash256?
    private(set) var lastHash: Hash256?
    private(set) var merkle: MerkleCompactRange?
    private var streamVersions: [String: Int64] = [:]
    private var carry: [UInt8] = []
    /// Called with each checked event when importing; nil when only verifying.
    private let onEvent: ((RecordedEvent) throws -> Void)?

    init(onEvent: ((RecordedEvent) throws -> Void)? = nil) {
        self.onEvent = onEvent
    }

    /// Takes the next piece of the member; lines may span pieces.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) throws {
        var start = 0
        while start < bytes.count {
            guard let newline = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else {
                carry.append(contentsOf: bytes[start...])
                return
            }
            let end = bytes.baseAddress!.distance(to: UnsafeRawPointer(newline))
            if carry.isEmpty {
                try check(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            } else {
                carry.append(contentsOf: bytes[start..<end])
                let line = carry
                carry.removeAll(keepingCapacity: true)
                try line.withUnsafeBytes { try check($0) }
            }
            start = end + 1
        }
    }

    /// Checks the member ended with a complete line.
    func finish() throws {
        guard carry.isEmpty else {
            throw ArchiveProblem(
                zh: "events.ndjson 第 \(count + 1) 行没有换行符结尾：文件被截断或改动",
                en: "events.ndjson line \(count + 1) does not end with a newline: the file was truncated or altered")
        }
        guard count > 0 else {
            throw ArchiveProblem(zh: "events.ndjson 没有事件", en: "events.ndjson holds no events")
        }
    }

    private mutating func check(_ line: UnsafeRawBufferPointer) throws {
        let lineNumber = count + 1
        let envelope: EnvelopeLine
        do {
            envelope = try EnvelopeLine.parse(line)
        } catch {
            throw ArchiveProblem(
                zh: "events.ndjson 第 \(lineNumber) 行第 \(error.offset + 1) 字节起不是规范的事件信封（\(error.reason.zh)）：该事件被改动过",
                en: "events.ndjson line \(lineNumber), byte \(error.offset + 1), is not a canonical event envelope (\(error.reason.en)): the event was altered")
        }
        let position = envelope.position
        // Built only when a check fails: lines are checked by the million.
        var place: BilingualText {
            BilingualText(zh: "events.ndjson 第 \(lineNumber) 行（位置 \(position)）", en: "events.ndjson line \(lineNumber) (position \(position))")
        }
        if let firstPosition, position != firstPosition + count {
            let expected = firstPosition + count
            throw ArchiveProblem(
                zh: "\(place.zh)：应为位置 \(expected)：事件缺失、重复或顺序被打乱",
                en: "\(place.en): expected position \(expected): an event is missing, repeated or out of order")
        }
        let previousHash = Self.hash(line, envelope.previousHash)
        let hash = Self.hash(line, envelope.hash)
        if let lastHash, previousHash != lastHash {
            throw ArchiveProblem(
                zh: "\(place.zh)：prev_hash 与上一事件的哈希不符：链条断开",
                en: "\(place.en): prev_hash is not the previous event's hash: the chain is broken")
        }
        guard Self.recomputedHash(line, envelope, previousHash: previousHash) == hash else {
            throw ArchiveProblem(
                zh: "\(place.zh)：哈希与事件内容不符：该事件被改动过",
                en: "\(place.en): the hash does not match the event's content: the event was altered")
        }
        let streamID = CanonicalScanner.unescapedString(line, envelope.streamID)
        if let version = streamVersions[streamID], envelope.streamVersion != version + 1 {
            throw ArchiveProblem(
                zh: "\(place.zh)：流 \(streamID) 应为第 \(version + 1) 版，实为第 \(envelope.streamVersion) 版",
                en: "\(place.en): stream \(streamID) should be at version \(version + 1), found \(envelope.streamVersion)")
        }
        streamVersions[streamID] = envelope.streamVersion
        if firstPosition == nil {
            firstPosition = position
            firstHash = hash
            firstPreviousHash = previousHash
            merkle = MerkleCompactRange(start: position - 1)
        }
        merkle!.appendLeaf(eventHash: hash)
        lastHash = hash
        lastPosition = position
        count += 1
        if let onEvent {
            do {
                try onEvent(envelope.recordedEvent(in: line))
            } catch let problem as ArchiveProblem {
                throw problem
            } catch {
                throw ArchiveProblem(zh: "\(place.zh)：\(Self.describe(error).zh)", en: "\(place.en): \(Self.describe(error).en)")
            }
        }
    }

    private static func describe(_ error: any Error) -> BilingualText {
        (error as? any UserFacingError)?.message ?? BilingualText(zh: "\(error)", en: "\(error)")
    }

    /// The hash of 64 hex digits at `range` (already checked to be hex).
    private static func hash(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Hash256 {
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 1) { raw in
            for index in 0..<32 {
                let high = CanonicalScanner.hexValue(line[range.lowerBound + 2 * index])!
                let low = CanonicalScanner.hexValue(line[range.lowerBound + 2 * index + 1])!
                raw[index] = high << 4 | low
            }
            return Hash256(rawBytes: UnsafeRawBufferPointer(raw))
        }
    }

    /// SHA-256(previous hash ‖ the line without its `"hash"` member): the event's hash.
    private static func recomputedHash(_ line: UnsafeRawBufferPointer, _ envelope: EnvelopeLine, previousHash: Hash256) -> Hash256 {
        var hasher = SHA256()
        withUnsafeBytes(of: previousHash.bytes) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: line[..<envelope.hashMember.lowerBound]))
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: line[envelope.hashMember.upperBound...]))
        return Hash256(hasher.finalize())
    }
}
