import Bilingual
import EventStore
import Foundation
import SystemCrypto

/// What one streaming pass over an archive file found, before comparing it with the manifest.
struct ArchiveContents {
    struct MemberDigest: Equatable {
        var name: String
        var size: Int64
        var sha256: String
        /// The tar offset of the member's header.
        var offset: Int64
    }

    /// Every member in archive order, with its size and SHA-256.
    var members: [MemberDigest] = []
    var manifestBytes: [UInt8]?
    var signatureBytes: [UInt8]?
    var events: EventsChecker
    /// The tar offset of the end-of-archive marker.
    var endOffset: Int64 = 0

    /// Where refusals about member `name` point: its header, or the end of the tar when it is missing.
    func place(of name: String) -> BilingualText {
        guard let member = members.first(where: { $0.name == name }) else {
            return BilingualText(zh: "tar 偏移 \(endOffset)（结束标记）", en: "tar offset \(endOffset) (the end-of-archive marker)")
        }
        return ArchivePlace.member(name, atTarOffset: member.offset)
    }
}

/// Reads an archive in one pass and constant memory: gunzip → tar → members, checking
/// `events.ndjson` as it streams and hashing every member.
enum ArchiveReader {
    /// Manifest and signature are read whole; anything bigger than this is not one.
    static let smallMemberLimit = 4 << 20

    /// A decompression bomb is stopped once the archive has unpacked to more than this many
    /// times its own size, plus `expansionAllowance`: gzip can expand about 1000-fold, while
    /// dangjian's archives (hashes, ids, dates) unpack to under 10 times their size.
    static let maximumExpansion: Int64 = 200
    static let expansionAllowance: Int64 = 64 << 20

    /// - Parameter progress: told the bytes of the file read so far, of its size.
    static func read(
        path: String, onEvent: ((RecordedEvent) throws -> Void)? = nil, progress: ArchiveProgress = { _, _ in }
    ) throws -> ArchiveContents {
        var consumer = MemberConsumer(contents: ArchiveContents(events: EventsChecker(onEvent: onEvent)))
        var tar = TarStreamParser()
        let source = try GzipSource.open(path: path)
        let limit = expansionAllowance + maximumExpansion * source.compressedSize
        var unpacked: Int64 = 0
        do {
            try source.forEachChunk { chunk, memberOffset in
                unpacked += Int64(chunk.count)
                guard unpacked <= limit else {
                    throw ArchiveProblem(
                        zh: "解压到此已超过 \(limit) 字节（文件大小的 \(maximumExpansion) 倍以上）：不是 dangjian 归档，可能是压缩炸弹",
                        en: "unpacking reaches more than \(limit) bytes here (over \(maximumExpansion) times its size): not a dangjian archive, perhaps a decompression bomb"
                    ).located(at: ArchivePlace.gzipMember(at: memberOffset))
                }
                try tar.feed(chunk, memberOffset: memberOffset, to: &consumer)
                progress(memberOffset, source.compressedSize)
            }
        } catch {
            // Events still being checked lie before where reading stopped: a failure among
            // them is the first in the file.
            try consumer.contents.events.checkBatchesInFlight()
            throw error
        }
        consumer.contents.endOffset = try tar.finish()
        progress(source.compressedSize, source.compressedSize)
        return consumer.contents
    }
}

/// Routes each member's bytes to its hasher and, for the events and the manifest, its reader.
private struct MemberConsumer: TarStreamParser.Consumer {
    var contents: ArchiveContents
    private var name = ""
    private var memberOffset: Int64 = 0
    private var size: Int64 = 0
    private var hasher = SHA256()
    private var small: [UInt8]?

    init(contents: ArchiveContents) {
        self.contents = contents
    }

    mutating func beginMember(_ header: TarHeader, at offset: Int64) throws {
        guard !contents.members.contains(where: { $0.name == header.name }) else {
            throw ArchiveProblem(zh: "成员 \(header.name) 出现了两次", en: "member \(header.name) appears twice")
        }
        // Nothing is ever written under a member's name, but a name that could leave the
        // folder it is unpacked into is a sign of a hostile file, refused before its data.
        guard !header.name.hasPrefix("/"), !header.name.contains("\\"),
              !header.name.split(separator: "/", omittingEmptySubsequences: false).contains("..") else {
            throw ArchiveProblem(
                zh: "成员名 \(header.name) 指向归档目录之外：不是 dangjian 归档",
                en: "member name \(header.name) points outside the archive's folder: not a dangjian archive")
        }
        name = header.name
        memberOffset = offset
        size = 0
        hasher = SHA256()
        let isSmall = name == ArchiveManifest.fileName || name == ArchiveManifest.signatureFileName
        if isSmall && header.size > ArchiveReader.smallMemberLimit {
            throw ArchiveProblem(zh: "\(name) 大得不合理：文件被改动", en: "\(name) is implausibly large: the file was altered")
        }
        small = isSmall ? [] : nil
    }

    /// The events are hashed as they are checked (``EventsChecker``), every other member here.
    mutating func memberData(_ bytes: ArraySlice<UInt8>) throws {
        size += Int64(bytes.count)
        if name == ArchiveManifest.eventsFileName {
            try contents.events.feed(bytes)
            return
        }
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        if small != nil {
            small!.append(contentsOf: bytes)
        }
    }

    mutating func endMember() throws {
        let isEvents = name == ArchiveManifest.eventsFileName
        if isEvents { try contents.events.finish() }
        let digest = isEvents ? contents.events.fileDigest : hasher.finalize()
        contents.members.append(.init(name: name, size: size, sha256: Hex.string(digest), offset: memberOffset))
        switch name {
        case ArchiveManifest.fileName: contents.manifestBytes = small
        case ArchiveManifest.signatureFileName: contents.signatureBytes = small
        default: break
        }
    }
}
