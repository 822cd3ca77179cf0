internal import COpenSSL
import Foundation

/// swift-crypto's namespace for AES.
public enum AES {
    /// AES in Galois/Counter Mode as swift-crypto seals: a random 12-byte nonce and a 16-byte tag.
    public enum GCM {
        static let nonceByteCount = 12
        static let tagByteCount = 16

        public static func seal<Plaintext: DataProtocol, AuthenticatedData: DataProtocol>(
            _ message: Plaintext, using key: SymmetricKey, authenticating authenticatedData: AuthenticatedData
        ) throws -> SealedBox {
            let nonce = OpenSSL.randomBytes(nonceByteCount)
            var tag = [UInt8](repeating: 0, count: tagByteCount)
            let ciphertext = try run(
                encrypting: true, key: key, nonce: nonce, input: Array(message),
                authenticatedData: Array(authenticatedData), tag: &tag)
            return SealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag)
        }

        /// The plaintext, or `authenticationFailure` when the box, the key or the authenticated
        /// data differ from those it was sealed with.
        public static func open<AuthenticatedData: DataProtocol>(
            _ sealedBox: SealedBox, using key: SymmetricKey, authenticating authenticatedData: AuthenticatedData
        ) throws -> Data {
            var tag = sealedBox.tag
            return Data(try run(
                encrypting: false, key: key, nonce: sealedBox.nonce, input: sealedBox.ciphertext,
                authenticatedData: Array(authenticatedData), tag: &tag))
        }

        /// One pass through libcrypto. Encrypting, `tag` receives the tag; decrypting, it is the
        /// tag to check.
        private static func run(
            encrypting: Bool, key: SymmetricKey, nonce: [UInt8], input: [UInt8], authenticatedData: [UInt8],
            tag: inout [UInt8]
        ) throws -> [UInt8] {
            let cipher = try cipher(for: key)
            guard input.count <= Int32.max, authenticatedData.count <= Int32.max else {
                throw CryptoKitError.incorrectParameterSize
            }
            let context = try OpenSSL.check(EVP_CIPHER_CTX_new())
            defer { EVP_CIPHER_CTX_free(context) }
            // The default IV length of GCM in libcrypto is 12 bytes: the nonce needs no setting.
            try key.withUnsafeBytes {
                try OpenSSL.check(EVP_CipherInit_ex(
                    context, cipher, nil, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), nonce, encrypting ? 1 : 0))
            }
            var output = [UInt8](repeating: 0, count: input.count)
            var written: Int32 = 0
            // A NULL output buffer marks the bytes as authenticated data.
            if !authenticatedData.isEmpty {
                try OpenSSL.check(EVP_CipherUpdate(context, nil, &written, authenticatedData, Int32(authenticatedData.count)))
            }
            if !input.isEmpty {
                try OpenSSL.check(EVP_CipherUpdate(context, &output, &written, input, Int32(input.count)))
            }
            if !encrypting {
                try OpenSSL.check(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tag.count), &tag))
            }
            // GCM is a stream mode: the update wrote every byte; the final step writes none and
            // only computes the tag, or checks it.
            guard EVP_CipherFinal_ex(context, &output, &written) == 1 else {
                if encrypting { throw OpenSSL.failure() }
                ERR_clear_error()
                throw CryptoKitError.authenticationFailure
            }
            if encrypting {
                try OpenSSL.check(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tag.count), &tag))
            }
            return output
        }

        /// AES-128, -192 or -256, by the key's length, as swift-crypto chooses.
        private static func cipher(for key: SymmetricKey) throws -> OpaquePointer? {
            switch key.byteCount {
            case 16: return EVP_aes_128_gcm()
            case 24: return EVP_aes_192_gcm()
            case 32: return EVP_aes_256_gcm()
            default: throw CryptoKitError.incorrectKeySize
            }
        }
    }
}
