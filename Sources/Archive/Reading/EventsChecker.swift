import Bilingual
import EventStore
import Foundation
import SystemCrypto

/// Checks `events.ndjson` as it streams past: each line canonical, positions consecutive,
/// each `prev_hash` the hash before it, each hash the one its bytes call for, stream
/// versions consecutive within the archive; and builds the Merkle compact range.
///
/// Every line carries its own `prev_hash`, so the costly part — parsing a line, and the
/// Merkle nodes over a run of lines — needs nothing from the lines before it: batches of
/// lines are checked on every core (``LineBatchCheck``). Each batch's event hashes are then
/// computed together with the SHA-256 of the whole file, which must go in order, one batch
/// after another on a serial queue (``SHA256Stream``). This type only walks the results in
/// order for what does depend on order (positions, linkage, stream versions, joining the
/// Merkle ranges). The first failure in line order is reported, with the same message as a
/// one-line-at-a-time check.
struct EventsChecker {
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
    private var streamVersions = StreamVersions()
    /// The start of a line whose newline has not arrived yet.
    private var carry: [UInt8] = []
    /// The events.ndjson offset of `carry`'s first byte: where the next batch starts.
    private var pendingStart: Int64 = 0
    private var checking = OrderedJobs<(piece: ArraySlice<UInt8>, check: LineBatchCheck)>()
    private let fileHash = EventsFileHash()
    private var hashing: OrderedJobs<(check: LineBatchCheck, digests: [SHA256.Digest])>
    /// A batch has failed: the batches after it in flight no longer matter.
    private var failed = false
    /// Called with each checked event when importing; nil when only verifying.
    private let onEvent: ((RecordedEvent) throws -> Void)?

    init(onEvent: ((RecordedEvent) throws -> Void)? = nil) {
        self.onEvent = onEvent
        hashing = OrderedJobs(queue: fileHash.queue)
    }

    /// The SHA-256 of the whole of `events.ndjson`, once ``finish()`` has returned.
    var fileDigest: SHA256.Digest { fileHash.stream.finalize() }

    /// Takes the next piece of the member; lines may span pieces.
    ///
    /// Each piece (up to a gzip member's content, 1 MiB) goes to a worker as it is, shared
    /// rather than copied: only the line it completes, begun in the pieces before, is joined
    /// up, and the piece of a line after its last newline waits for the next.
    mutating func feed(_ piece: ArraySlice<UInt8>) throws {
        var completed: [UInt8] = []
        var lines = piece[piece.startIndex..<piece.startIndex]
        if let lastNewline = piece.lastIndex(of: 0x0A) {
            lines = piece[..<(lastNewline + 1)]
            if !carry.isEmpty {
                let firstNewline = lines.firstIndex(of: 0x0A)!
                completed = carry + lines[...firstNewline]
                lines = lines[(firstNewline + 1)...]
                carry.removeAll(keepingCapacity: true)
            }
            carry.append(contentsOf: piece[(lastNewline + 1)...])
        } else {
            carry.append(contentsOf: piece)
        }
        let start = pendingStart
        pendingStart += Int64(completed.count + lines.count)
        try checkCarryLength()
        let decodesEvents = onEvent != nil
        // Every piece goes through, lines or none: the file's hash takes each in turn.
        if let checked = checking.submit({ [completed, lines] in
            (piece, LineBatchCheck(completed, lines, startingAt: start, decodesEvents: decodesEvents))
        }) {
            try hash(checked.piece, checked.check)
        }
    }

    /// Hashes the batch's events alongside its piece of the file, after the pieces before it.
    private mutating func hash(_ piece: ArraySlice<UInt8>, _ check: LineBatchCheck) throws {
        let fileHash = fileHash
        if let hashed = hashing.submit({
            (check, piece.withUnsafeBytes { fileHash.stream.update($0, alongside: check.hashedMessages) })
        }) {
            try take(hashed.check, hashed.digests)
        }
    }

    private func checkCarryLength() throws {
        guard carry.count > Self.maximumLineBytes else { return }
        throw ArchiveProblem(
            zh: "events.ndjson 第 \(count + 1) 行（或其后）超过 \(Self.maximumLineBytes) 字节：不是 dangjian 的事件",
            en: "events.ndjson line \(count + 1) or after is longer than \(Self.maximumLineBytes) bytes: not dangjian events"
        ).located(at: ArchivePlace.within(ArchiveManifest.eventsFileName, pendingStart))
    }

    /// Checks what is still in flight, and that the member ended with a complete line.
    mutating func finish() throws {
        try checkBatchesInFlight()
        guard carry.isEmpty else {
            throw ArchiveProblem(
                zh: "events.ndjson 第 \(count + 1) 行没有换行符结尾：文件被截断或改动",
                en: "events.ndjson line \(count + 1) does not end with a newline: the file was truncated or altered"
            ).located(at: ArchivePlace.within(ArchiveManifest.eventsFileName, pendingStart))
        }
        guard count > 0 else {
            throw ArchiveProblem(zh: "events.ndjson 没有事件（长度为 0 字节）", en: "events.ndjson holds no events (it is 0 bytes long)")
        }
    }

    /// Checks the batches still in flight, unless one has failed already. Reading calls this
    /// when it stops at a failure further on in the file (a damaged gzip member, a bad tar
    /// header): these batches come before it, so a failure among them is the one to report.
    mutating func checkBatchesInFlight() throws {
        guard !failed else { return }
        while let checked = checking.next() {
            try hash(checked.piece, checked.check)
        }
        while let hashed = hashing.next() {
            try take(hashed.check, hashed.digests)
        }
    }

    private mutating func take(_ checked: LineBatchCheck, _ computedHashes: [SHA256.Digest]) throws {
        do {
            try walk(checked, computedHashes)
        } catch {
            failed = true
            throw error
        }
    }

    /// The checks that depend on the lines before, for one batch checked by a worker, with
    /// its lines' hashes as computed from their content.
    private mutating func walk(_ checked: LineBatchCheck, _ computedHashes: [SHA256.Digest]) throws {
        streamVersions.warm(checked.lines.lazy.map(\.streamIDHash))
        for (index, line) in checked.lines.enumerated() {
            let lineNumber = count + 1
            let position = line.position
            // Built only when a check fails: lines are checked by the million.
            var place: BilingualText {
                BilingualText(
                    zh: "events.ndjson 第 \(lineNumber) 行（位置 \(position)，events.ndjson 偏移 \(line.offset)）",
                    en: "events.ndjson line \(lineNumber) (position \(position), events.ndjson offset \(line.offset))")
            }
            if let firstPosition, position != firstPosition + count {
                let expected = firstPosition + count
                throw ArchiveProblem(
                    zh: "\(place.zh)：应为位置 \(expected)：事件缺失、重复或顺序被打乱",
                    en: "\(place.en): expected position \(expected): an event is missing, repeated or out of order")
            }
            if let lastHash, line.previousHash != lastHash {
                throw ArchiveProblem(
                    zh: "\(place.zh)：prev_hash 与上一事件的哈希不符：链条断开",
                    en: "\(place.en): prev_hash is not the previous event's hash: the chain is broken")
            }
            guard Hash256(computedHashes[index]) == line.hash else {
                throw ArchiveProblem(
                    zh: "\(place.zh)：哈希与事件内容不符：该事件被改动过",
                    en: "\(place.en): the hash does not match the event's content: the event was altered")
            }
            // One lookup per line: the stream's previous version comes back as the new one goes in.
            let previousVersion = checked.streamIDs.withUnsafeBytes {
                streamVersions.update(UnsafeRawBufferPointer(rebasing: $0[line.streamID]), hash: line.streamIDHash, version: line.streamVersion)
            }
            if let version = previousVersion, line.streamVersion != version + 1 {
                let stream = checked.streamIDText(of: line)
                throw ArchiveProblem(
                    zh: "\(place.zh)：流 \(stream) 应为第 \(version + 1) 版，实为第 \(line.streamVersion) 版",
                    en: "\(place.en): stream \(stream) should be at version \(version + 1), found \(line.streamVersion)")
            }
            if firstPosition == nil {
                firstPosition = position
                firstHash = line.hash
                firstPreviousHash = line.previousHash
            }
            lastHash = line.hash
            lastPosition = position
            count += 1
            if let onEvent {
                do {
                    try onEvent(checked.events[index])
                } catch let problem as ArchiveProblem {
                    throw problem
                } catch {
                    throw ArchiveProblem(zh: "\(place.zh)：\(Self.describe(error).zh)", en: "\(place.en): \(Self.describe(error).en)")
                }
            }
        }
        if let (lineOffset, problem) = checked.malformed {
            let offset = lineOffset + Int64(problem.offset)
            throw ArchiveProblem(
                zh: "events.ndjson 第 \(count + 1) 行第 \(problem.offset + 1) 字节（events.ndjson 偏移 \(offset)）起不是规范的事件信封（\(problem.reason.zh)）：该事件被改动过",
                en: "events.ndjson line \(count + 1), byte \(problem.offset + 1) (events.ndjson offset \(offset)), is not a canonical event envelope (\(problem.reason.en)): the event was altered")
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

/// The SHA-256 of `events.ndjson`, advanced by one job after another on `queue`.
///
/// `@unchecked Sendable`: only the jobs on the serial `queue` change `stream`, in the order
/// they were submitted, and ``EventsChecker/fileDigest`` reads it only after waiting for the
/// last of them.
private final class EventsFileHash: @unchecked Sendable {
    let queue = DispatchQueue(label: "dangjian.archive.events-file-hash", target: .archiveWorkers)
    var stream = SHA256Stream()
}
