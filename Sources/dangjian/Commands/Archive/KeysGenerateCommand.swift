import Archive
import ArgumentParser
import Bilingual
import EventStore
import Foundation

struct KeysGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Create an Ed25519 key pair for signing archives. 生成签名密钥对",
        discussion: """
            Writes \(SigningKeys.privateKeyFileName) (PKCS #8 PEM, mode 0600: keep it secret, use it with \
            `archive export --key`) and \(SigningKeys.publicKeyFileName) (PEM: give it to auditors for \
            `archive verify --public-key` or `openssl pkeyutl -verify`). A missing folder is created with mode 0700. \
            Existing key files are never overwritten.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The folder for the two key files. 密钥目录", valueName: "dir"))
    var out: String

    func run() throws {
        if !FileManager.default.fileExists(atPath: out) {
            do {
                try FileManager.default.createDirectory(
                    atPath: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw EventStoreError.cannotOpen(path: out, detail: "the folder cannot be created")
            }
        }
        let keys = try SigningKeys.generate(in: out)
        let fingerprint = Hex.string(keys.key.rawRepresentation)
        print(BilingualText(
            zh: "私钥（保密，权限 0600）：\(keys.privateKey)\n公钥（交给审计方）：\(keys.publicKey)\n公钥十六进制：\(fingerprint)",
            en: "private key (keep secret, mode 0600): \(keys.privateKey)\npublic key (give to auditors): \(keys.publicKey)\npublic key hex: \(fingerprint)"
        ).text(in: global.language))
    }
}
