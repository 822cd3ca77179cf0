import Bilingual
import EventStore
import Foundation
import SystemCrypto

/// What an archive must continue, if the auditor knows.
public enum ContinuityAnchor: Sendable {
    /// The previous archive: it is verified too, and this one must start where it ended.
    case previousArchive(path: String)
    /// The Merkle root the auditor trusts for the log just before this archive.
    case trustedRoot(Hash256)
}

/// An archive that passed every check asked for.
public struct VerifiedArchive: Sendable {
    public enum SignatureCheck: Sendable, Equatable {
        /// Signed by the public key the auditor gave.
        case trustedKey(publicKey: String)
        /// Signed by the key named in the manifest, which no trusted key confirms.
        case embeddedKeyOnly(publicKey: String)
        case unsigned
    }

    public var manifest: ArchiveManifest
    public var signature: SignatureCheck
    /// The previous archive's manifest, when one was given.
    public var previous: ArchiveManifest?
    public var continuityChecked: Bool
}

/// Checks an archive against its manifest, its signature and what it must continue
/// (docs/archive-format.md, "Verifying").
public enum ArchiveVerifier {
    /// - Parameter progress: told the bytes of the file read so far (not of the previous
    ///   archive's, read first when it is given).
    public static func verify(
        _ path: String, publicKey: Curve25519.Signing.PublicKey? = nil, continuing anchor: ContinuityAnchor? = nil,
        progress: ArchiveProgress = { _, _ in }
    ) throws -> VerifiedArchive {
        var previous: ArchiveManifest?
        if case .previousArchive(let previousPath) = anchor {
            previous = try verify(previousPath, publicKey: publicKey).manifest
        }
        let contents = try failing(path) { try ArchiveReader.read(path: path, progress: progress) }
        return try failing(path) {
            try check(contents, publicKey: publicKey, anchor: anchor, previous: previous)
        }
    }

    /// Runs `body`, turning a failed check into a verification failure naming `path`.
    static func failing<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let problem as ArchiveProblem {
            throw ArchiveError.verificationFailed(file: path, problem: problem.text)
        }
    }

    static func check(
        _ contents: ArchiveContents, publicKey: Curve25519.Signing.PublicKey?, anchor: ContinuityAnchor?,
        previous: ArchiveManifest?
    ) throws -> VerifiedArchive {
        let manifestPlace = contents.place(of: ArchiveManifest.fileName)
        guard let manifestBytes = contents.manifestBytes else {
            throw ArchiveProblem(zh: "缺少 manifest.json", en: "manifest.json is missing").located(at: manifestPlace)
        }
        let signature = try at(contents.place(of: ArchiveManifest.signatureFileName)) {
            try checkSignature(manifestBytes, contents.signatureBytes, publicKey: publicKey)
        }
        let manifest = try at(manifestPlace) {
            let manifest = try ArchiveManifest.decode(manifestBytes)
            try checkDeclaredSignature(manifest, against: signature)
            return manifest
        }
        try checkMembers(contents, against: manifest)
        try at(manifestPlace) {
            try checkEvents(contents.events, against: manifest)
            try checkContinuity(manifest, anchor: anchor, previous: previous)
        }
        return VerifiedArchive(manifest: manifest, signature: signature, previous: previous, continuityChecked: anchor != nil)
    }

    /// Runs `body`, saying that what it refuses lies at `place`.
    private static func at<T>(_ place: BilingualText, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let problem as ArchiveProblem {
            throw problem.located(at: place)
        }
    }

    /// The manifest's `signature` field agrees with the signature found.
    private static func checkDeclaredSignature(_ manifest: ArchiveManifest, against signature: VerifiedArchive.SignatureCheck) throws {
        if let embedded = manifest.signature?.publicKey, case .trustedKey(let trusted) = signature, embedded != trusted {
            throw ArchiveProblem(
                zh: "manifest.json 所记的签名公钥 \(embedded) 与实际签名的密钥不符",
                en: "manifest.json names public key \(embedded), but another key made the signature")
        }
        if case .embeddedKeyOnly = signature, manifest.signature == nil {
            throw ArchiveProblem(zh: "有签名文件，但 manifest.json 未声明签名", en: "there is a signature file, but manifest.json declares no signature")
        }
        if signature == .unsigned, manifest.signature != nil {
            throw ArchiveProblem(
                zh: "manifest.json 声明了签名，但缺少 \(ArchiveManifest.signatureFileName)",
                en: "manifest.json declares a signature, but \(ArchiveManifest.signatureFileName) is missing")
        }
    }

    private static func checkSignature(
        _ manifest: [UInt8], _ signatureBytes: [UInt8]?, publicKey: Curve25519.Signing.PublicKey?
    ) throws -> VerifiedArchive.SignatureCheck {
        guard let signatureBytes else {
            if publicKey != nil {
                throw ArchiveProblem(
                    zh: "归档未签名（缺少 \(ArchiveManifest.signatureFileName)），无法用给定公钥核验来源",
                    en: "the archive is not signed (\(ArchiveManifest.signatureFileName) is missing), so the given public key cannot confirm where it came from")
            }
            return .unsigned
        }
        if let publicKey {
            guard publicKey.isValidSignature(signatureBytes, for: manifest) else {
                throw ArchiveProblem(
                    zh: "签名与 manifest.json 不符：manifest.json 或签名被改动，或不是这把公钥签的",
                    en: "the signature does not match manifest.json: the manifest or the signature was altered, or another key signed it")
            }
            return .trustedKey(publicKey: Hex.string(publicKey.rawRepresentation))
        }
        // No trusted key: check against the key the manifest names, which shows integrity, not origin.
        let named = (try? ArchiveManifest.decode(manifest))?.signature?.publicKey
        guard let named, let raw = Hex.bytes(named), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
              key.isValidSignature(signatureBytes, for: manifest)
        else {
            throw ArchiveProblem(
                zh: "签名与 manifest.json 不符：manifest.json 或签名被改动",
                en: "the signature does not match manifest.json: the manifest or the signature was altered")
        }
        return .embeddedKeyOnly(publicKey: named)
    }

    private static func checkMembers(_ contents: ArchiveContents, against manifest: ArchiveManifest) throws {
        let found = contents.members
        guard found.first?.name == ArchiveManifest.eventsFileName else {
            throw ArchiveProblem(zh: "第一个成员应为 events.ndjson", en: "the first member must be events.ndjson")
                .located(at: contents.place(of: found.first?.name ?? ArchiveManifest.eventsFileName))
        }
        let trailer = found.last?.name == ArchiveManifest.signatureFileName
            ? [ArchiveManifest.fileName, ArchiveManifest.signatureFileName] : [ArchiveManifest.fileName]
        guard found.suffix(trailer.count).map(\.name) == trailer else {
            throw ArchiveProblem(
                zh: "manifest.json（及其签名）应为最后的成员",
                en: "manifest.json (and its signature) must be the last members"
            ).located(at: contents.place(of: found[found.count - 1].name))
        }
        let listed = found.dropLast(trailer.count)
        for member in manifest.members where !listed.contains(where: { $0.name == member.name }) {
            throw ArchiveProblem(zh: "缺少成员 \(member.name)", en: "member \(member.name) is missing").located(at: contents.place(of: member.name))
        }
        for (index, member) in listed.enumerated() {
            let place = ArchivePlace.member(member.name, atTarOffset: member.offset)
            guard let expected = manifest.members.first(where: { $0.name == member.name }) else {
                throw ArchiveProblem(zh: "该成员不在 manifest.json 中：是后加的", en: "it is not in manifest.json: it was added").located(at: place)
            }
            guard expected.size == member.size, expected.sha256 == member.sha256 else {
                throw ArchiveProblem(
                    zh: "该成员的大小或 SHA-256 与 manifest.json 不符：内容被改动",
                    en: "it does not match the size and SHA-256 in manifest.json: its content was altered"
                ).located(at: place)
            }
            guard manifest.members[index].name == member.name else {
                throw ArchiveProblem(zh: "成员顺序与 manifest.json 不符", en: "the members are not in manifest.json's order").located(at: place)
            }
        }
    }

    private static func checkEvents(_ events: EventsChecker, against manifest: ArchiveManifest) throws {
        func mismatch(_ field: String) -> ArchiveProblem {
            ArchiveProblem(
                zh: "manifest.json 的 \(field) 与 events.ndjson 不符：二者之一被改动",
                en: "manifest.json's \(field) does not match events.ndjson: one of them was altered")
        }
        guard let merkle = events.merkle else { throw ArchiveProblem(zh: "缺少 events.ndjson", en: "events.ndjson is missing") }
        guard events.firstPosition == manifest.firstPosition else { throw mismatch("first_position") }
        guard events.lastPosition == manifest.lastPosition else { throw mismatch("last_position") }
        guard events.count == manifest.eventCount else { throw mismatch("event_count") }
        guard events.firstHash?.hex == manifest.firstHash else { throw mismatch("first_hash") }
        guard events.lastHash?.hex == manifest.lastHash else { throw mismatch("last_hash") }
        guard events.firstPreviousHash?.hex == manifest.previous.lastHash else { throw mismatch("previous.last_hash") }
        let priorSize = manifest.firstPosition - 1
        guard manifest.previous.lastPosition == priorSize else { throw mismatch("previous.last_position") }
        guard manifest.previous.treeSize == priorSize else { throw mismatch("previous.tree_size") }
        guard manifest.merkle.treeSize == manifest.lastPosition else { throw mismatch("merkle.tree_size") }
        guard manifest.merkle.algorithm == ArchiveManifest.Merkle.algorithmName else { throw mismatch("merkle.algorithm") }
        let hashes = manifest.merkle.priorFrontier.compactMap(Hash256.init(hex:))
        guard hashes.count == manifest.merkle.priorFrontier.count,
              var tree = MerkleCompactRange(frontierOfSize: priorSize, hashes: hashes)
        else {
            throw ArchiveProblem(
                zh: "merkle.prior_frontier 不是大小为 \(priorSize) 的树的边界",
                en: "merkle.prior_frontier is not the frontier of a tree of size \(priorSize)")
        }
        guard tree.root.hex == manifest.previous.merkleRoot else {
            throw ArchiveProblem(
                zh: "merkle.prior_frontier 算出的根与 previous.merkle_root 不符",
                en: "merkle.prior_frontier does not fold to previous.merkle_root")
        }
        tree.append(merkle)
        guard tree.root.hex == manifest.merkle.root else {
            throw ArchiveProblem(
                zh: "由事件算出的 Merkle 根与 manifest.json 的 merkle.root 不符",
                en: "the Merkle root computed from the events does not match merkle.root in manifest.json")
        }
    }

    private static func checkContinuity(_ manifest: ArchiveManifest, anchor: ContinuityAnchor?, previous: ArchiveManifest?) throws {
        switch anchor {
        case nil:
            return
        case .trustedRoot(let root):
            guard manifest.previous.merkleRoot == root.hex else {
                throw ArchiveProblem(
                    zh: "本归档接续的 Merkle 根 \(manifest.previous.merkleRoot) 不是所信任的根 \(root.hex)：它不接续你所持有的记录",
                    en: "this archive continues Merkle root \(manifest.previous.merkleRoot), not the trusted root \(root.hex): it does not extend the log you hold")
            }
        case .previousArchive:
            guard let previous else { return }
            guard previous.hubID == manifest.hubID else {
                throw ArchiveProblem(
                    zh: "前一归档属于 \(previous.hubID)，本归档属于 \(manifest.hubID)",
                    en: "the previous archive is from hub \(previous.hubID), this one from \(manifest.hubID)")
            }
            guard previous.lastPosition == manifest.previous.lastPosition else {
                throw ArchiveProblem(
                    zh: "前一归档止于位置 \(previous.lastPosition)，本归档却从位置 \(manifest.firstPosition) 开始：二者不相接",
                    en: "the previous archive ends at position \(previous.lastPosition) but this one starts at \(manifest.firstPosition): they do not join")
            }
            guard previous.lastHash == manifest.previous.lastHash else {
                throw ArchiveProblem(
                    zh: "前一归档的末事件哈希与本归档接续的哈希不符：链条断开",
                    en: "the previous archive's last hash is not the hash this archive continues: the chain is broken")
            }
            guard previous.merkle.root == manifest.previous.merkleRoot, previous.merkle.treeSize == manifest.previous.treeSize else {
                throw ArchiveProblem(
                    zh: "一致性校验失败：本归档的日志不是前一归档日志的原样延续（前一归档覆盖的事件被改动过）",
                    en: "consistency check failed: this archive's log does not extend the previous archive's unchanged (an event the previous archive covered was altered)")
            }
        }
    }
}
