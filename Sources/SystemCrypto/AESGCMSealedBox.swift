import Foundation

extension AES.GCM {
    /// A sealed message in swift-crypto's combined layout: 12-byte nonce ‖ ciphertext ‖ 16-byte tag.
    public struct SealedBox: Sendable {
        private let bytes: Data

        /// The combined layout. Optional only to match swift-crypto, where a box sealed with a
        /// nonce of another length has none; every box here has a 12-byte nonce, so it is never nil.
        public var combined: Data? { bytes }

        /// A box from its combined layout; shorter than a nonce and a tag is refused.
        public init<D: DataProtocol>(combined: D) throws {
            guard combined.count >= AES.GCM.nonceByteCount + AES.GCM.tagByteCount else {
                throw CryptoKitError.incorrectParameterSize
            }
            bytes = Data(combined)
        }

        init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
            bytes = Data(nonce + ciphertext + tag)
        }

        var nonce: [UInt8] { Array(bytes.prefix(AES.GCM.nonceByteCount)) }
        var ciphertext: [UInt8] { Array(bytes.dropFirst(AES.GCM.nonceByteCount).dropLast(AES.GCM.tagByteCount)) }
        var tag: [UInt8] { Array(bytes.suffix(AES.GCM.tagByteCount)) }
    }
}
