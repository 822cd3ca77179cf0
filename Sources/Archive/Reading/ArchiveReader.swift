import Crypto
import EventStore

/// What one streaming pass over an archive file found, before comparing it with the manifest.
struct ArchiveContents {
    struct MemberDigest: Equatable {
        var name: String
        var size: Int64
        var sha256: String
    }

    /// Every member in archive order, with its size and SHA-256.
    var members: [MemberDigest] = []
    var manifestBytes: [UInt8]?
    var signatureBytes: [UInt8]?
    var events: EventsChecker
}

/// Reads an archive in one pass and constant memory: gunzip → tar → members, checking
/// `events.ndjson` as it streams and hashing every member.
enum ArchiveReader {
    /// Manifest and signature are read whole; anything bigger than this is not one.
    static let smallMemberLimit = 4 << 20

    static func read(path: String, onEvent: ((RecordedEvent) throws -> Void)? = nil) throws -> ArchiveContents {
        var consumer = MemberConsumer(contents: ArchiveContents(events: EventsChecker(onEvent: onEvent)))
        var tar = TarStreamParser()
        try GzipReader(path: path).forEachChunk { chunk in
            try tar.feed(chunk, to: &consumer)
        }
        try tar.finish()
        return consumer.contents
    }
}

/// Routes each member's bytes to its hasher and, for the events and the manifest, its reader.
private struct MemberConsumer: TarStreamParser.Consumer {
    var contents: ArchiveContents
    private var name = ""
    private var size: Int64 = 0
    private var hasher = SHA256()
    private var small: [UInt8]?

    init(contents: ArchiveContents) {
        self.contents = contents
    }

    mutating func beginMember(_ header: TarHeader) throws {
        guard !contents.members.contains(where: { $0.name == header.name }) else {
            throw ArchiveProblem(zh: "成员 \(header.name) 出现了两次", en: "member \(header.name) appears twice")
        }
        name = header.name
        size = 0
        hasher = SHA256()
        let isSmall = name == ArchiveManifest.fileName || name == ArchiveManifest.signatureFileName
        if isSmall && header.size > ArchiveReader.smallMemberLimit {
            throw ArchiveProblem(zh: "\(name) 大得不合理：文件被改动", en: "\(name) is implausibly large: the file was altered")
        }
        small = isSmall ? [] : nil
    }

    mutating func memberData(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bufferPointer: bytes)
        size += Int64(bytes.count)
        if name == ArchiveManifest.eventsFileName {
            try contents.events.feed(bytes)
        } else if small != nil {
            small!.append(contentsOf: bytes)
        }
    }

    mutating func endMember() throws {
        contents.members.append(.init(name: name, size: size, sha256: Hex.string(hasher.finalize())))
        switch name {
        case ArchiveManifest.eventsFileName: try contents.events.finish()
        case ArchiveManifest.fileName: contents.manifestBytes = small
        case ArchiveManifest.signatureFileName: contents.signatureBytes = small
        default: break
        }
    }
}
