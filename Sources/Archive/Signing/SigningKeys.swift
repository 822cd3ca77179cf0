import Bilingual
import EventStore
import Foundation
import SystemCrypto

/// Ed25519 keys in the PEM files OpenSSL reads: the private key as PKCS #8
/// (`-----BEGIN PRIVATE KEY-----`), the public key as SubjectPublicKeyInfo
/// (`-----BEGIN PUBLIC KEY-----`), so an auditor can check a signature with
/// `openssl pkeyutl -verify` (docs/archive-format.md).
///
/// For Ed25519 both DER forms are a fixed prefix (RFC 8410) followed by the 32 key bytes,
/// so they are written and read here without an ASN.1 library.
public enum SigningKeys {
    private static let privatePrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    private static let publicPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    public static let privateKeyFileName = "archive-signing-key.pem"
    public static let publicKeyFileName = "archive-signing-key.pub.pem"

    /// Creates a new key pair in `directory`: the private key with mode 0600, the public key 0644.
    /// Refuses to replace existing key files. Returns the two paths.
    public static func generate(in directory: String) throws -> (privateKey: String, publicKey: String, key: Curve25519.Signing.PublicKey) {
        let key = Curve25519.Signing.PrivateKey()
        let privatePath = (directory as NSString).appendingPathComponent(privateKeyFileName)
        let publicPath = (directory as NSString).appendingPathComponent(publicKeyFileName)
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw ArchiveError.refused(BilingualText(
                zh: "\(path) 已存在：为防止覆盖现有密钥，请换一个 --out 目录",
                en: "\(path) exists already: choose another --out folder so no existing key is overwritten"))
        }
        try write(pem(label: "PRIVATE KEY", der: privatePrefix + Array(key.rawRepresentation)), to: privatePath, mode: 0o600)
        try write(pem(label: "PUBLIC KEY", der: publicPrefix + Array(key.publicKey.rawRepresentation)), to: publicPath, mode: 0o644)
        return (privatePath, publicPath, key.publicKey)
    }

    public static func readPrivateKey(_ path: String) throws -> Curve25519.Signing.PrivateKey {
        let raw = try keyBytes(path, label: "PRIVATE KEY", prefix: privatePrefix)
        do { return try Curve25519.Signing.PrivateKey(rawRepresentation: raw) } catch { throw notAKey(path, "PRIVATE KEY") }
    }

    /// A public key from a PEM file, or from a file holding its 64 hexadecimal digits.
    public static func readPublicKey(_ path: String) throws -> Curve25519.Signing.PublicKey {
        let text = try readText(path).trimmingCharacters(in: .whitespacesAndNewlines)
        let raw = text.utf8.count == 64 ? Hex.bytes(text) : nil
        do {
            return try Curve25519.Signing.PublicKey(rawRepresentation: raw ?? keyBytes(path, label: "PUBLIC KEY", prefix: publicPrefix))
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw notAKey(path, "PUBLIC KEY")
        }
    }

    private static func keyBytes(_ path: String, label: String, prefix: [UInt8]) throws -> [UInt8] {
        let lines = try readText(path).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN \(label)-----"),
              let end = lines.firstIndex(of: "-----END \(label)-----"), begin < end,
              let der = Data(base64Encoded: lines[begin + 1..<end].joined()).map(Array.init),
              der.count == prefix.count + 32, Array(der.prefix(prefix.count)) == prefix
        else { throw notAKey(path, label) }
        return Array(der.suffix(32))
    }

    private static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArchiveError.io(path: path, detail: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func notAKey(_ path: String, _ label: String) -> ArchiveError {
        .refused(BilingualText(
            zh: "\(path) 不是 Ed25519 密钥文件（应为 PEM “\(label)”，由 `dangjian keys generate` 生成）",
            en: "\(path) is not an Ed25519 key file (expected PEM \"\(label)\" as written by `dangjian keys generate`)"))
    }

    private static func pem(label: String, der: [UInt8]) -> String {
        "-----BEGIN \(label)-----\n\(Data(der).base64EncodedString())\n-----END \(label)-----\n"
    }

    /// Created with its final mode from the start, so the private key is never readable by others.
    private static func write(_ text: String, to path: String, mode: mode_t) throws {
        let file = try OutputFile(creating: path, mode: mode)
        try file.write(Array(text.utf8))
        try file.synchronize()
    }
}
