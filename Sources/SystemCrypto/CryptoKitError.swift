/// Why an operation failed: swift-crypto's error type and the cases this target can raise.
public enum CryptoKitError: Error, Equatable, Sendable {
    /// A key of the wrong length: Ed25519 keys are 32 bytes, AES keys 16, 24 or 32.
    case incorrectKeySize
    /// Input of an impossible length, such as a sealed box shorter than its nonce and tag.
    case incorrectParameterSize
    /// The sealed box, its authenticated data or the key is not the one it was sealed with.
    case authenticationFailure
    /// libcrypto failed; `error` is its (truncated) error code.
    case underlyingCoreCryptoError(error: Int32)
}
