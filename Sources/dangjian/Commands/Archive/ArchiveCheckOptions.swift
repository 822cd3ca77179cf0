import Archive
import ArgumentParser
import Bilingual
import SystemCrypto

/// What `archive verify` and `archive import` check an archive against.
struct ArchiveCheckOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The previous archive: verified too, and this one must continue it unchanged. 前一归档", valueName: "file"))
    var previous: String?

    @Option(name: .customLong("trusted-root"), help: ArgumentHelp(
        "The Merkle root you trust for the log before this archive (from the previous archive's manifest). 可信根",
        valueName: "hex"))
    var trustedRoot: String?

    @Option(name: .customLong("public-key"), help: ArgumentHelp(
        "The hub's Ed25519 public key (PEM, or 64 hex digits): the signature must be by it. 公钥", valueName: "file"))
    var publicKey: String?

    func validate() throws {
        if previous != nil && trustedRoot != nil { throw ValidationError("give --previous or --trusted-root, not both") }
        if let trustedRoot, Hash256(hex: trustedRoot.lowercased()) == nil {
            throw ValidationError("--trusted-root must be 64 hexadecimal digits")
        }
    }

    var anchor: ContinuityAnchor? {
        if let previous { return .previousArchive(path: previous) }
        return trustedRoot.flatMap { Hash256(hex: $0.lowercased()) }.map(ContinuityAnchor.trustedRoot)
    }

    func key() throws -> Curve25519.Signing.PublicKey? {
        try publicKey.map(SigningKeys.readPublicKey)
    }
}

/// How a verified archive is described to the person who checked it.
enum VerificationSummary {
    static func lines(_ verified: VerifiedArchive, file: String) -> [BilingualText] {
        let manifest = verified.manifest
        var lines = [
            BilingualText(
                zh: "归档 \(file)：数据中心 \(manifest.hubID)，位置 \(manifest.firstPosition)–\(manifest.lastPosition)，共 \(manifest.eventCount) 个事件",
                en: "archive \(file): hub \(manifest.hubID), positions \(manifest.firstPosition)–\(manifest.lastPosition), \(manifest.eventCount) events"),
            BilingualText(
                zh: "✓ 每个事件均为规范格式、哈希正确、链条连续；各成员的 SHA-256 与清单一致",
                en: "✓ every event canonical, its hash correct, the chain unbroken; every member matches its SHA-256 in the manifest"),
            BilingualText(
                zh: "✓ Merkle 根（树大小 \(manifest.merkle.treeSize)）：\(manifest.merkle.root)",
                en: "✓ Merkle root (tree size \(manifest.merkle.treeSize)): \(manifest.merkle.root)"),
        ]
        switch verified.signature {
        case .trustedKey(let key):
            lines.append(BilingualText(zh: "✓ 签名有效，签名公钥 \(key)", en: "✓ signature valid, by public key \(key)"))
        case .embeddedKeyOnly(let key):
            lines.append(BilingualText(
                zh: "! 签名与清单所记公钥 \(key) 相符，但来源未核验：请用 --public-key 给出数据中心的公钥",
                en: "! signature matches the key the manifest names (\(key)), but its origin is unchecked: give the hub's key with --public-key"))
        case .unsigned:
            lines.append(BilingualText(zh: "! 归档未签名：来源无法核验", en: "! the archive is not signed: its origin cannot be checked"))
        }
        if let previous = verified.previous {
            lines.append(BilingualText(
                zh: "✓ 接续前一归档（位置 \(previous.firstPosition)–\(previous.lastPosition)）：一致性校验通过，前一归档的记录未被改动",
                en: "✓ continues the previous archive (positions \(previous.firstPosition)–\(previous.lastPosition)): consistency proven, the records it covered are unchanged"))
        } else if verified.continuityChecked {
            lines.append(BilingualText(
                zh: "✓ 接续可信根 \(manifest.previous.merkleRoot)（树大小 \(manifest.previous.treeSize)）",
                en: "✓ continues the trusted root \(manifest.previous.merkleRoot) (tree size \(manifest.previous.treeSize))"))
        } else {
            lines.append(BilingualText(
                zh: "! 未核对与前一归档的衔接：请给出 --previous 或 --trusted-root",
                en: "! continuity with the previous archive not checked: give --previous or --trusted-root"))
        }
        return lines
    }

    /// Prints the summary; when no trusted public key confirmed who made the archive, a warning
    /// ends it and goes to stderr too. The exit code stays 0 (every content check passed), so
    /// the warning must be hard to miss for a person skimming or a script logging stderr.
    static func print(_ verified: VerifiedArchive, file: String, language: Language) {
        for line in lines(verified, file: file) {
            Swift.print(line.text(in: language))
        }
        if case .trustedKey = verified.signature { return }
        let warning = originWarning.text(in: language)
        Swift.print(warning)
        Terminal.printError(warning)
    }

    static let originWarning = BilingualText(
        zh: "警告：未核验来源——未给出 --public-key，无法证明此归档出自数据中心；以上只证明内容自洽。请加 --public-key 数据中心公钥文件 重新核验",
        en: "WARNING: ORIGIN NOT VERIFIED — no --public-key was given, so nothing proves the hub made this archive; the checks above show only that it is self-consistent. Verify again with --public-key HUB-KEY-FILE")
}
