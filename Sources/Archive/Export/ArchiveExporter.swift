import Bilingual
import EventStore
import Foundation
import SystemCrypto

/// What to export and how.
public struct ArchiveExportRequest: Sendable {
    public var positions: ClosedRange<Int64>
    /// The period label asked for, recorded in the manifest.
    public var period: String?
    public var outputDirectory: String
    public var hubID: String
    /// Such as `dangjian 0.1.0`.
    public var toolVersion: String
    /// Who exports: recorded in the export event.
    public var actor: String
    public var signingKey: Curve25519.Signing.PrivateKey?
    /// Makes the report snapshots for spreadsheet readers, stored under their names. It runs
    /// on another thread while the events are written (it must not touch what the caller
    /// holds), so an export takes the longer of the two, not their sum.
    public var documents: @Sendable () throws -> [CSVDocument]
    /// gzip level, 1–9 (libdeflate's scale, which goes on to 12).
    public var compressionLevel: Int32

    /// libdeflate's level 5: on district events it compresses about 1.3 times as fast as
    /// level 6 for an archive 2 % larger (still smaller than `gzip -6`'s), and inflates as
    /// fast. Level 4 is faster again but 7 % larger, close to `gzip -6`'s size.
    public static let defaultCompressionLevel: Int32 = 5

    public init(
        positions: ClosedRange<Int64>, period: String? = nil, outputDirectory: String, hubID: String,
        toolVersion: String, actor: String, signingKey: Curve25519.Signing.PrivateKey? = nil,
        documents: @escaping @Sendable () throws -> [CSVDocument] = { [] }, compressionLevel: Int32 = defaultCompressionLevel
    ) {
        self.positions = positions
        self.period = period
        self.outputDirectory = outputDirectory
        self.hubID = hubID
        self.toolVersion = toolVersion
        self.actor = actor
        self.signingKey = signingKey
        self.documents = documents
        self.compressionLevel = compressionLevel
    }
}

/// A finished export.
public struct ArchiveExportResult: Sendable {
    public var path: String
    public var manifest: ArchiveManifest
    /// The export event appended to the log.
    public var event: RecordedEvent
}

/// Writes an archive of a range of the log (docs/archive-format.md) and records the export.
public enum ArchiveExporter {
    static let batchSize = 5_000

    /// - Parameter progress: told the events written so far, of the range's.
    public static func export(
        _ request: ArchiveExportRequest, from store: EventStore, now: Date = Date(), progress: ArchiveProgress = { _, _ in }
    ) throws -> ArchiveExportResult {
        let (from, to) = (request.positions.lowerBound, request.positions.upperBound)
        guard let head = try store.head(), from >= 1, to <= head.position else {
            throw ArchiveError.refused(BilingualText(
                zh: "位置 \(from)–\(to) 超出日志范围", en: "positions \(from)–\(to) are outside the log"))
        }
        let documents = BackgroundJob { Result { try request.documents() } }
        let history = try store.exportHistory()
        let prior = try priorTree(before: from, in: store, history: history)
        let createdAt = timestamp(now)
        let fileName = "\(safeName(request.hubID))-\(request.period.map { $0 + "-" } ?? "")\(padded(from))-\(padded(to)).tar.gz"
        let finalPath = (request.outputDirectory as NSString).appendingPathComponent(fileName)
        guard !FileManager.default.fileExists(atPath: finalPath) else {
            throw ArchiveError.refused(BilingualText(
                zh: "\(finalPath) 已存在：归档不会被覆盖，请换一个 --out 目录",
                en: "\(finalPath) exists already: archives are never overwritten, choose another --out folder"))
        }
        let partialPath = (request.outputDirectory as NSString).appendingPathComponent(".\(fileName).partial")
        let manifest: ArchiveManifest
        let endFrontier: [String]
        do {
            // Owner-only, like the store: an archive holds the whole record.
            let file = try OutputFile(creating: partialPath, mode: 0o600)
            let tar = TarGzipWriter(
                gzip: ParallelGzipWriter(file: file, level: request.compressionLevel),
                modificationTime: Int64(now.timeIntervalSince1970))
            let events = try tar.addStreamedMember(name: ArchiveManifest.eventsFileName) { gzip in
                let events = try ExportedEvents(
                    positions: request.positions, continuing: prior.lastHash, prior: prior.tree, store: store, into: gzip,
                    progress: progress)
                return (events, events.size)
            }
            var members = [ArchiveManifest.Member(name: ArchiveManifest.eventsFileName, size: events.size, sha256: Hex.string(events.sha256.finalize()))]
            let reports = try documents.result().get()
            try checkDocuments(reports)
            for document in reports {
                let bytes = document.encoded()
                try tar.addMember(name: document.name, bytes: bytes)
                members.append(.init(name: document.name, size: Int64(bytes.count), sha256: Hex.string(SHA256.hash(data: bytes))))
            }
            manifest = ArchiveManifest(
                format: ArchiveManifest.formatName, formatVersion: ArchiveManifest.currentFormatVersion,
                hubID: request.hubID, toolVersion: request.toolVersion, createdAt: createdAt, period: request.period,
                firstPosition: from, lastPosition: to, eventCount: to - from + 1,
                firstHash: events.firstHash, lastHash: events.lastHash.hex,
                previous: .init(
                    lastPosition: from - 1, lastHash: prior.lastHash, merkleRoot: prior.tree.root.hex, treeSize: from - 1,
                    archive: history.last { $0.record.lastPosition == from - 1 }?.record.archive),
                merkle: .init(
                    algorithm: ArchiveManifest.Merkle.algorithmName, treeSize: to, root: events.tree.root.hex,
                    priorFrontier: prior.tree.hashes.map(\.hex)),
                members: members,
                signature: request.signingKey.map {
                    .init(algorithm: ArchiveManifest.Signature.ed25519, publicKey: Hex.string($0.publicKey.rawRepresentation),
                          member: ArchiveManifest.signatureFileName)
                })
            endFrontier = events.tree.hashes.map(\.hex)
            let manifestBytes = manifest.encoded()
            try tar.addMember(name: ArchiveManifest.fileName, bytes: manifestBytes)
            if let key = request.signingKey {
                try tar.addMember(name: ArchiveManifest.signatureFileName, bytes: Array(try key.signature(for: manifestBytes)))
            }
            try tar.finish()
            try file.synchronize()
            try move(partialPath, to: finalPath)
        } catch {
            try? FileManager.default.removeItem(atPath: partialPath)
            throw error
        }
        let (digest, size) = try fileDigest(finalPath)
        let record = ExportRecord(
            archive: fileName, archiveSHA256: digest, archiveSize: size, hubID: request.hubID, period: request.period,
            firstPosition: from, lastPosition: to, eventCount: to - from + 1, lastHash: manifest.lastHash,
            merkleRoot: manifest.merkle.root, treeSize: to, frontier: endFrontier, publicKey: manifest.signature?.publicKey,
            createdAt: createdAt)
        let event = NewEvent(
            type: ExportRecord.eventType, businessTime: businessDate(now), payload: try JSONValue(encoding: record),
            metadata: EventMetadata(actor: request.actor))
        let recorded = try store.append([event], to: ExportRecord.streamID, expecting: .any)
        return ArchiveExportResult(path: finalPath, manifest: manifest, event: recorded[0])
    }

    /// The tree of the log before `from`, and the hash the archive continues.
    private static func priorTree(
        before from: Int64, in store: EventStore, history: [ExportHistoryEntry]
    ) throws -> (tree: MerkleCompactRange, lastHash: String) {
        guard from > 1 else { return (MerkleCompactRange(), EnvelopeHashing.genesisHash) }
        // The export that ended just before carries the frontier: no need to re-read the log.
        if let record = history.last(where: { $0.record.lastPosition == from - 1 })?.record,
           let hashes = Optional(record.frontier.compactMap(Hash256.init(hex:))), hashes.count == record.frontier.count,
           let tree = MerkleCompactRange(frontierOfSize: from - 1, hashes: hashes), tree.root.hex == record.merkleRoot {
            return (tree, record.lastHash)
        }
        var tree = MerkleCompactRange()
        var lastHash = EnvelopeHashing.genesisHash
        var next: Int64 = 1
        while next < from {
            let batch = try store.readAll(from: next, limit: Int(min(Int64(batchSize * 4), from - next)))
            guard !batch.isEmpty else { break }
            let hashes = try batch.map { event in
                guard let hash = Hash256(hex: event.hash) else {
                    throw ArchiveError.refused(BilingualText(
                        zh: "位置 \(event.position) 的哈希无效：请先运行 `dangjian verify`",
                        en: "the hash at position \(event.position) is not valid: run `dangjian verify` first"))
                }
                return hash
            }
            tree.appendLeaves(eventHashes: hashes)
            lastHash = batch.last!.hash
            next = batch.last!.position + 1
        }
        return (tree, lastHash)
    }

    private static func checkDocuments(_ documents: [CSVDocument]) throws {
        let reserved = [ArchiveManifest.eventsFileName, ArchiveManifest.fileName, ArchiveManifest.signatureFileName]
        var seen = Set<String>()
        for document in documents {
            let name = document.name
            let safe = !name.isEmpty && name.utf8.count <= 100 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }
                && !name.hasPrefix("/") && !name.split(separator: "/").contains("..")
            guard safe, !reserved.contains(name), seen.insert(name).inserted else {
                throw ArchiveError.refused(BilingualText(
                    zh: "报表文件名 “\(name)” 不可用：须为不超过 100 字节的 ASCII 相对路径，且不重复、不与归档自身成员同名",
                    en: "report name \"\(name)\" cannot be used: it must be a relative ASCII path of at most 100 bytes, unique, and not one of the archive's own members"))
            }
        }
    }

    private static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw ArchiveError.io(path: destination, detail: String(cString: strerror(errno)))
        }
    }

    /// SHA-256 and size of a whole file, read in blocks.
    static func fileDigest(_ path: String) throws -> (String, Int64) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ArchiveError.io(path: path, detail: "cannot open") }
        var hasher = SHA256()
        var size: Int64 = 0
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            hasher.update(data: data)
            size += Int64(data.count)
        }
        return (Hex.string(hasher.finalize()), size)
    }

    private static func padded(_ position: Int64) -> String {
        let text = String(position)
        return String(repeating: "0", count: max(0, 8 - text.count)) + text
    }

    /// The hub id as it may appear in a file name.
    private static func safeName(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }

    /// UTC with milliseconds, like the log's recorded times.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Today in the district's time zone (Asia/Shanghai), the export event's business date.
    static func businessDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return BusinessDate(year: parts.year!, month: parts.month!, day: parts.day!).description
    }
}
