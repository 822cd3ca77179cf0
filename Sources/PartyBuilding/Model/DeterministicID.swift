import Foundation
import SystemCrypto

/// Name-based ids: the same name always gives the same lower-case UUID, so re-importing a
/// file yields the same event ids and the store recognises what it already holds.
public enum DeterministicID {
    /// The first 16 bytes of SHA-256(`name`), marked as an RFC 9562 version-8 UUID.
    public static func uuid(for name: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return uuid.uuidString.lowercased()
    }
}
