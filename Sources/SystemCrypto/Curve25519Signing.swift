internal import COpenSSL
import Foundation

/// swift-crypto's namespace for Ed25519 (RFC 8032) signatures; key agreement is not needed.
public enum Curve25519 {
    public enum Signing {
        /// An Ed25519 private key, held as its 32-byte seed: swift-crypto's raw form.
        public struct PrivateKey: Sendable {
            public let rawRepresentation: Data
            public let publicKey: PublicKey

            /// A new random key: any 32 bytes are a valid seed.
            public init() {
                // Deriving the public key fails only when libcrypto cannot allocate.
                try! self.init(rawRepresentation: OpenSSL.randomBytes(Ed25519.keyByteCount))
            }

            public init<D: ContiguousBytes>(rawRepresentation data: D) throws {
                let seed = data.withUnsafeBytes { Data($0) }
                guard seed.count == Ed25519.keyByteCount else { throw CryptoKitError.incorrectKeySize }
                rawRepresentation = seed
                publicKey = try PublicKey(rawRepresentation: Ed25519.withKey(seed, isPrivate: true, Ed25519.rawPublicKey))
            }

            /// The 64-byte signature of `data` (deterministic, as RFC 8032 defines it).
            public func signature<D: DataProtocol>(for data: D) throws -> Data {
                let message = Array(data)
                var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
                var length = signature.count
                try Ed25519.withKey(rawRepresentation, isPrivate: true) { key in
                    try Ed25519.withDigestContext { context in
                        try OpenSSL.check(EVP_DigestSignInit(context, nil, nil, nil, key))
                        try OpenSSL.check(EVP_DigestSign(context, &signature, &length, message, message.count))
                    }
                }
                return Data(signature.prefix(length))
            }
        }

        /// An Ed25519 public key, held as its 32 raw bytes. Like swift-crypto, only the length is
        /// checked here: bytes that are no curve point simply verify no signature.
        public struct PublicKey: Sendable {
            public let rawRepresentation: Data

            public init<D: ContiguousBytes>(rawRepresentation data: D) throws {
                let raw = data.withUnsafeBytes { Data($0) }
                guard raw.count == Ed25519.keyByteCount else { throw CryptoKitError.incorrectKeySize }
                rawRepresentation = raw
            }

            public func isValidSignature<S: DataProtocol, D: DataProtocol>(_ signature: S, for data: D) -> Bool {
                let signature = Array(signature)
                let message = Array(data)
                let valid = try? Ed25519.withKey(rawRepresentation, isPrivate: false) { key in
                    try Ed25519.withDigestContext { context in
                        try OpenSSL.check(EVP_DigestVerifyInit(context, nil, nil, nil, key))
                        return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
                    }
                }
                // A rejected signature may leave an entry on the error queue: it is no failure.
                ERR_clear_error()
                return valid ?? false
            }
        }
    }
}

/// libcrypto's Ed25519 objects, each freed as soon as the operation is done.
private enum Ed25519 {
    static let keyByteCount = 32
    static let signatureByteCount = 64

    /// The libcrypto key made of 32 raw bytes, a private seed or a public key.
    static func withKey<R>(_ raw: Data, isPrivate: Bool, _ body: (OpaquePointer) throws -> R) throws -> R {
        let make = isPrivate ? EVP_PKEY_new_raw_private_key : EVP_PKEY_new_raw_public_key
        let key = try OpenSSL.check(raw.withUnsafeBytes {
            make(EVP_PKEY_ED25519, nil, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), $0.count)
        })
        defer { EVP_PKEY_free(key) }
        return try body(key)
    }

    /// The 32 raw bytes of a key's public half.
    static func rawPublicKey(_ key: OpaquePointer) throws -> [UInt8] {
        var raw = [UInt8](repeating: 0, count: keyByteCount)
        var length = raw.count
        try OpenSSL.check(EVP_PKEY_get_raw_public_key(key, &raw, &length))
        return Array(raw.prefix(length))
    }

    /// A one-shot signing or verification context (Ed25519 hashes internally: no digest is set).
    static func withDigestContext<R>(_ body: (OpaquePointer) throws -> R) throws -> R {
        let context = try OpenSSL.check(EVP_MD_CTX_new())
        defer { EVP_MD_CTX_free(context) }
        return try body(context)
    }
}
