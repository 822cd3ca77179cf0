// SystemCrypto: the few cryptographic operations dangjian needs (SHA-256, Ed25519 signatures,
// AES-GCM) under swift-crypto's type and method names, on the system's OpenSSL 3 libcrypto
// (libssl-dev).
//
// Why it exists: `swift run dangjian demo`, the README's first command, must finish within a
// minute including the build on a fresh 2-core machine (issue #7). swift-crypto compiles
// BoringSSL, about 104 s of CPU in a cold debug build on its own (GRDB: 36 s, swift-argument-
// parser: 14 s), which no build can fit in that minute. The distribution's libcrypto costs
// nothing to compile and receives the distribution's security updates.
//
// It is a thin wrapper, not a crypto implementation: every primitive is OpenSSL's; this target
// only passes bytes in and out, checks lengths and frees what OpenSSL allocates. The formats are
// swift-crypto's byte for byte (AES-GCM combined = 12-byte nonce ‖ ciphertext ‖ 16-byte tag;
// Ed25519 raw 32-byte keys and 64-byte signatures), so stores, key files and archives written
// before the change stay readable.

internal import COpenSSL

/// libcrypto's calling conventions, in one place.
enum OpenSSL {
    /// Throws libcrypto's error unless `result` is 1, its success.
    static func check(_ result: Int32) throws {
        guard result == 1 else { throw failure() }
    }

    /// The object libcrypto returned, or its error when it returned NULL.
    static func check(_ object: OpaquePointer?) throws -> OpaquePointer {
        guard let object else { throw failure() }
        return object
    }

    /// The latest error on this thread's OpenSSL error queue; the queue is emptied, so a later
    /// failure never reports this one.
    static func failure() -> CryptoKitError {
        let code = ERR_peek_last_error()
        ERR_clear_error()
        return .underlyingCoreCryptoError(error: Int32(truncatingIfNeeded: code))
    }

    /// `count` bytes from OpenSSL's random generator (seeded by the kernel), for keys and
    /// nonces. A failure traps: nothing can be sealed or signed safely without randomness, and
    /// the key initialisers that call this do not throw in swift-crypto either.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let result = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        precondition(result == 1, "the system's random number generator failed")
        return bytes
    }
}
