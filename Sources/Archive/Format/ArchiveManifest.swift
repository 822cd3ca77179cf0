import Foundation

/// `manifest.json`: what an archive holds and how to check it (docs/archive-format.md).
public struct ArchiveManifest: Codable, Sendable, Equatable {
    public static let formatName = "dangjian-audit-archive"
    /// 2: every gzip member states its length (docs/archive-format.md §1, "Format versions").
    public static let currentFormatVersion = 2
    /// Version 1 differs only in its gzip members, which did not state their lengths: such
    /// archives are read on one core, and check exactly as before.
    public static let readableFormatVersions = 1...currentFormatVersion
    public static let fileName = "manifest.json"
    public static let signatureFileName = "manifest.json.sig"
    public static let eventsFileName = "events.ndjson"

    public var format: String
    public var formatVersion: Int
    /// The hub (district data centre) whose log this is.
    public var hubID: String
    /// The program that wrote the archive, such as `dangjian 0.1.0`.
    public var toolVersion: String
    /// UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`.
    public var createdAt: String
    /// The business period asked for (`2026-Q1`, `2026-03`, `2026`), if the export named one.
    public var period: String?
    public var firstPosition: Int64
    public var lastPosition: Int64
    public var eventCount: Int64
    public var firstHash: String
    public var lastHash: String
    public var previous: Previous
    public var merkle: Merkle
    /// Every member but the manifest and its signature, in archive order.
    public var members: [Member]
    /// Present when the archive is signed.
    public var signature: Signature?

    /// Where the log stood before this archive's first event: what the previous archive ended with.
    public struct Previous: Codable, Sendable, Equatable {
        /// `firstPosition − 1` (0 for an archive starting at the beginning of the log).
        public var lastPosition: Int64
        /// The hash of the event at `lastPosition` (64 zeros when there is none).
        public var lastHash: String
        /// The Merkle root of the log's first `lastPosition` events.
        public var merkleRoot: String
        public var treeSize: Int64
        /// The file name of the archive that ended there, when this store exported it.
        public var archive: String?

        enum CodingKeys: String, CodingKey {
            case lastPosition = "last_position", lastHash = "last_hash", merkleRoot = "merkle_root"
            case treeSize = "tree_size", archive
        }
    }

    /// The Merkle tree over the hashes of the log's events 1…lastPosition.
    public struct Merkle: Codable, Sendable, Equatable {
        public static let algorithmName = "rfc9162-sha256-event-hashes"
        public var algorithm: String
        /// Equal to `lastPosition`: the tree covers the whole log from position 1.
        public var treeSize: Int64
        public var root: String
        /// The perfect subtrees of the tree of the first `previous.treeSize` events, largest
        /// first: with this archive's events they give `root`, folded alone `previous.merkleRoot`.
        public var priorFrontier: [String]

        enum CodingKeys: String, CodingKey {
            case algorithm, treeSize = "tree_size", root, priorFrontier = "prior_frontier"
        }
    }

    public struct Member: Codable, Sendable, Equatable {
        public var name: String
        public var size: Int64
        public var sha256: String
    }

    public struct Signature: Codable, Sendable, Equatable {
        public static let ed25519 = "ed25519"
        public var algorithm: String
        /// The signer's public key, 32 bytes in hex: says which key signed, proves nothing alone.
        public var publicKey: String
        public var member: String

        enum CodingKeys: String, CodingKey {
            case algorithm, publicKey = "public_key", member
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, formatVersion = "format_version", hubID = "hub_id", toolVersion = "tool_version"
        case createdAt = "created_at", period, firstPosition = "first_position", lastPosition = "last_position"
        case eventCount = "event_count", firstHash = "first_hash", lastHash = "last_hash", previous, merkle
        case members, signature
    }

    /// The bytes written to the archive, and signed: sorted keys, two-space indent, final newline.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        return Array(try! encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    static func decode(_ bytes: [UInt8]) throws -> ArchiveManifest {
        let manifest: ArchiveManifest
        do {
            manifest = try JSONDecoder().decode(ArchiveManifest.self, from: Data(bytes))
        } catch {
            throw ArchiveProblem(
                zh: "manifest.json 无法解析（\(error)）：文件被改动",
                en: "manifest.json cannot be read (\(error)): the file was altered")
        }
        guard manifest.format == formatName else {
            throw ArchiveProblem(zh: "manifest.json 的 format 不是 \(formatName)", en: "manifest.json's format is not \(formatName)")
        }
        guard readableFormatVersions.contains(manifest.formatVersion) else {
            let readable = "\(readableFormatVersions.lowerBound)–\(readableFormatVersions.upperBound)"
            throw ArchiveProblem(
                zh: "归档格式版本 \(manifest.formatVersion) 不受支持（本程序支持 \(readable)）：请升级 dangjian",
                en: "archive format version \(manifest.formatVersion) is not supported (this dangjian reads \(readable)): upgrade dangjian")
        }
        return manifest
    }
}
