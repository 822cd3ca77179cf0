import Foundation
import SystemCrypto
import Testing

@Suite struct AESGCMTests {
    /// McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, 96-bit IV,
    /// authenticated data), laid out as swift-crypto's combined form: nonce ‖ ciphertext ‖ tag.
    static let key = [UInt8](hex: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
    static let plaintext = [UInt8](hex: "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
    static let authenticatedData = [UInt8](hex: "feedfacedeadbeeffeedfacedeadbeefabaddad2")
    static let combined = [UInt8](hex: "cafebabefacedbaddecaf888")
        + [UInt8](hex: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662")
        + [UInt8](hex: "76fc6ece0f4e1768cddf8853bb2d551b")

    static func open(_ combined: [UInt8], key: [UInt8] = key, authenticating data: [UInt8] = authenticatedData) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: SymmetricKey(data: key), authenticating: data)
    }

    @Test func aBoxInSwiftCryptosLayoutOpens() throws {
        #expect(Array(try Self.open(Self.combined)) == Self.plaintext)
        // Test cases 13 and 14: the zero key and nonce, empty and 16-byte plaintexts, no authenticated data.
        let zeroKey = [UInt8](repeating: 0, count: 32)
        let empty = [UInt8](repeating: 0, count: 12) + [UInt8](hex: "530f8afbc74536b9a963b4f1c4cb738b")
        #expect(try Self.open(empty, key: zeroKey, authenticating: []).isEmpty)
        let block = [UInt8](repeating: 0, count: 12) + [UInt8](hex: "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919")
        #expect(Array(try Self.open(block, key: zeroKey, authenticating: [])) == [UInt8](repeating: 0, count: 16))
    }

    @Test func aSealedMessageOpensAndKeepsTheCombinedLayout() throws {
        let key = SymmetricKey(size: .bits256)
        #expect(key.withUnsafeBytes { $0.count } == 32)
        let data = Data("dangjian personal data\u{0}zhang\u{0}phone".utf8)
        for message in [Data(), Data("13800138000".utf8), Data(repeating: 7, count: 1_000)] {
            let box = try AES.GCM.seal(message, using: key, authenticating: data)
            let combined = try #require(box.combined)
            #expect(combined.count == 12 + message.count + 16)
            let reopened = try AES.GCM.SealedBox(combined: combined)
            #expect(try AES.GCM.open(reopened, using: SymmetricKey(data: key.withUnsafeBytes { Array($0) }), authenticating: data) == message)
        }
        // A fresh nonce each time: the same message never seals to the same bytes.
        let first = try AES.GCM.seal(Data("x".utf8), using: key, authenticating: data).combined
        let second = try AES.GCM.seal(Data("x".utf8), using: key, authenticating: data).combined
        #expect(first?.prefix(12) != second?.prefix(12))
    }

    @Test func anAlteredBoxOrAuthenticatedDataDoesNotOpen() {
        // A bit of the nonce, the ciphertext and the tag.
        for index in [0, 11, 12, Self.combined.count - 17, Self.combined.count - 16, Self.combined.count - 1] {
            var altered = Self.combined
            altered[index] ^= 0x01
            #expect(throws: CryptoKitError.authenticationFailure, "byte \(index)") { try Self.open(altered) }
        }
        #expect(throws: CryptoKitError.authenticationFailure) {
            try Self.open(Self.combined, authenticating: Self.authenticatedData.dropLast())
        }
    }

    @Test func theWrongKeyDoesNotOpen() {
        var wrong = Self.key
        wrong[31] ^= 0x80
        #expect(throws: CryptoKitError.authenticationFailure) { try Self.open(Self.combined, key: wrong) }
        #expect(throws: CryptoKitError.incorrectKeySize) { try Self.open(Self.combined, key: Array(Self.key.prefix(20))) }
    }

    @Test func aBoxShorterThanNonceAndTagIsRefused() throws {
        #expect(throws: CryptoKitError.incorrectParameterSize) {
            try AES.GCM.SealedBox(combined: [UInt8](repeating: 0, count: 27))
        }
        _ = try AES.GCM.SealedBox(combined: [UInt8](repeating: 0, count: 28))
    }
}
