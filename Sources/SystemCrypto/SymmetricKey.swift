import Foundation

/// A secret key for AES-GCM: its bytes, as in swift-crypto.
public struct SymmetricKey: Sendable {
    private let bytes: [UInt8]

    /// A new random key.
    public init(size: SymmetricKeySize) {
        bytes = OpenSSL.randomBytes(size.bitCount / 8)
    }

    public init<D: ContiguousBytes>(data: D) {
        bytes = data.withUnsafeBytes { Array($0) }
    }

    var byteCount: Int { bytes.count }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }
}

/// The length of a new key; dangjian asks only for 256 bits.
public struct SymmetricKeySize: Sendable {
    public let bitCount: Int

    public static let bits256 = SymmetricKeySize(bitCount: 256)
}
