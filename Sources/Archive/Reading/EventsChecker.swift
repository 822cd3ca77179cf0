import Bilingual
import Crypto
import EventStore
import Foundation

/// Checks `events.ndjson` as it streams past: each line canonical, positions consecutive,
/// each `prev_hash` the hash before it, each hash the one its bytes call for, stream
/// versions consecutive within the archive; and builds the Merkle compact range.
///
/// Every line carries its own `prev_hash`, so the costly part — parsing a line and hashing
/// it, and the Merkle nodes over a run of lines — needs nothing from the lines before it:
/// batches of lines are checked on every core (``LineBatchCheck``), and this type only walks
/// their results in order for what does depend on order (positions, linkage, stream
/// versions, joining the Merkle ranges). The first failure in line order is reported, with
/// the same message as a one-line-at-a-time check.
struct EventsChecker {
    /// Lines are handed to the workers in batches of about this many bytes.
    static let batchBytes = 1 << 20
    /// No event line is longer: a line still without its newline past this is refused, so a
    /// hostile file cannot make the reader hold an endless line in memory.
    static let maximumLineBytes = 16 << 20

    private(set) var count: Int64 = 0
    private(set) var firstPosition: Int64?
    private(set) var lastPosition: Int64 = 0
    private(set) var firstHash: Hash256?
    private(set) var firstPreviousHash: Hash256?
    private(set) var lastHash: Hash256?
    private(set) var merkle: MerkleCompactRange?
    private var streamVersions: [String: Int64] = [:]
    /// Complete lines not yet handed to a worker.
    private var batch: [UInt8] = []
    /// The start of a line whose newline has not arrived yet.
    private var carry: [UInt8] = []
    private var checking = OrderedJobs<LineBatchCheck>()
    /// Called with each checked event when importing; nil when only verifying.
    private let onEvent: ((RecordedEvent) throws -> Void)?

    init(onEvent: ((RecordedEvent) throws -> Void)? = nil) {
        self.onEvent = onEvent
    }

    /// Takes the next piece of the member; lines may span pieces.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) throws {
        // Only whole lines go to the workers; the piece of a line after the last newline waits.
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else {
            carry.append(contentsOf: bytes)
            try checkCarryLength()
            return
        }
        let end = lastNewline + 1
        if !carry.isEmpty {
            batch += carry
            carry.removeAll(keepingCapacity: true)
        }
        batch.append(contentsOf: bytes[..<end])
        carry.append(contentsOf: bytes[end...])
        try checkCarryLength()
        if batch.count >= Self.batchBytes { try submitBatch() }
    }

    private func checkCarryLength() throws {
        guard carry.count > Self.maximumLineBytes else { return }
        throw ArchiveProblem(
            zh: "events.ndjson 第 \(count + 1) 行（或其后）超过 \(Self.maximumLineBytes) 字节：不是 dangjian 的事件",
            en: "events.ndjson line \(count + 1) or after is longer than \(Self.maximumLineBytes) bytes: not dangjian events")
    }

    /// Checks what is still in flight, and that the member ended with a complete line.
    mutating func finish() throws {
        try submitBatch()
        while let checked = checking.next() {
            try take(checked)
        }
        guard carry.isEmpty else {
            throw ArchiveProblem(
                zh: "events.ndjson 第 \(count + 1) 行没有换行符结尾：文件被截断或改动",
                en: "events.ndjson line \(count + 1) does not end with a newline: the file was truncated or altered")
        }
        guard count > 0 else {
            throw ArchiveProblem(zh: "events.ndjson 没有事件", en: "events.ndjson holds no events")
        }
    }

    private mutating func submitBatch() throws {
        guard !batch.isEmpty else { return }
        let (lines, decodesEvents) = (batch, onEvent != nil)
        batch.removeAll(keepingCapacity: true)
        if let checked = checking.submit({ LineBatchCheck(lines, decodesEvents: decodesEvents) }) {
            try take(checked)
        }
    }

    /// The checks that depend on the lines before, for one batch checked by a worker.
    private mutating func take(_ checked: LineBatchCheck) throws {
        for line in checked.lines {
            let lineNumber = count + 1
            let parsed: LineBatchCheck.Line
            switch line {
            case .success(let success):
                parsed = success
            case .failure(let error):
                throw ArchiveProblem(
                    zh: "events.ndjson 第 \(lineNumber) 行第 \(error.offset + 1) 字节起不是规范的事件信封（\(error.reason.zh)）：该事件被改动过",
                    en: "events.ndjson line \(lineNumber), byte \(error.offset + 1), is not a canonical event envelope (\(error.reason.en)): the event was altered")
            }
            let position = parsed.position
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
            if let lastHash, parsed.previousHash != lastHash {
                throw ArchiveProblem(
                    zh: "\(place.zh)：prev_hash 与上一事件的哈希不符：链条断开",
                    en: "\(place.en): prev_hash is not the previous event's hash: the chain is broken")
            }
            guard parsed.contentMatchesHash else {
                throw ArchiveProblem(
                    zh: "\(place.zh)：哈希与事件内容不符：该事件被改动过",
                    en: "\(place.en): the hash does not match the event's content: the event was altered")
            }
            if let version = streamVersions[parsed.streamID], parsed.streamVersion != version + 1 {
                throw ArchiveProblem(
                    zh: "\(place.zh)：流 \(parsed.streamID) 应为第 \(version + 1) 版，实为第 \(parsed.streamVersion) 版",
                    en: "\(place.en): stream \(parsed.streamID) should be at version \(version + 1), found \(parsed.streamVersion)")
            }
            streamVersions[parsed.streamID] = parsed.streamVersion
            if firstPosition == nil {
                firstPosition = position
                firstHash = parsed.hash
                firstPreviousHash = parsed.previousHash
            }
            lastHash = parsed.hash
            lastPosition = position
            count += 1
            if let onEvent, let event = parsed.event {
                do {
                    try onEvent(event)
                } catch let problem as ArchiveProblem {
                    throw problem
                } catch {
                    throw ArchiveProblem(zh: "\(place.zh)：\(Self.describe(error).zh)", en: "\(place.en): \(Self.describe(error).en)")
                }
            }
        }
        // Every line of the batch passed, so its positions run on from the ones before.
        if merkle == nil {
            merkle = checked.merkle
        } else if let later = checked.merkle {
            merkle!.append(later)
        }
    }

    private static func describe(_ error: any Error) -> BilingualText {
        (error as? any UserFacingError)?.message ?? BilingualText(zh: "\(error)", en: "\(error)")
    }
}

/// What a worker finds in a batch of complete lines, on its own: each line parsed, its
/// hash recomputed, and the Merkle range over the batch's leaves (taking the positions as
/// consecutive from the first line's, which the in-order walk then confirms).
struct LineBatchCheck: Sendable {
    struct Line: Sendable {
        var position: Int64
        var previousHash: Hash256
        var hash: Hash256
        var contentMatchesHash: Bool
        var streamID: String
        var streamVersion: Int64
        /// The whole event, when importing.
        var event: RecordedEvent?
    }

    var lines: [Result<Line, LineProblem>] = []
    var merkle: MerkleCompactRange?

    /// Checks `bytes`: lines each ending in `\n`.
    init(_ bytes: [UInt8], decodesEvents: Bool) {
        bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = all.baseAddress!.distance(to: UnsafeRawPointer(memchr(all.baseAddress! + start, 0x0A, all.count - start)!))
                let line = Self.check(UnsafeRawBufferPointer(rebasing: all[start..<end]), decodesEvents: decodesEvents)
                lines.append(line)
                guard case .success(let checked) = line else { return }
                if merkle == nil { merkle = MerkleCompactRange(start: checked.position - 1) }
                merkle!.appendLeaf(eventHash: checked.hash)
                start = end + 1
            }
        }
    }

    private static func check(_ line: UnsafeRawBufferPointer, decodesEvents: Bool) -> Result<Line, LineProblem> {
        let envelope: EnvelopeLine
        do {
            envelope = try EnvelopeLine.parse(line)
        } catch {
            return .failure(error)
        }
        // Both were checked to be 64 lower-case hex digits.
        let previousHash = Hash256(hexDigits: UnsafeRawBufferPointer(rebasing: line[envelope.previousHash]))!
        let hash = Hash256(hexDigits: UnsafeRawBufferPointer(rebasing: line[envelope.hash]))!
        return .success(Line(
            position: envelope.position, previousHash: previousHash, hash: hash,
            contentMatchesHash: recomputedHash(line, envelope, previousHash: previousHash) == hash,
            streamID: CanonicalScanner.unescapedString(line, envelope.streamID), streamVersion: envelope.streamVersion,
            event: decodesEvents ? envelope.recordedEvent(in: line) : nil))
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
