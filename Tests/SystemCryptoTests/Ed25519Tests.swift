import Foundation
import SystemCrypto
import Testing

@Suite struct Ed25519Tests {
    struct Vector: Sendable {
        var seed: String
        var publicKey: String
        var message: String
        var signature: String
    }

    /// RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte).
    static let vectors = [
        Vector(
            seed: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            message: "",
            signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Vector(
            seed: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            message: "72",
            signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ]

    @Test(arguments: vectors) func rfc8032VectorSignsAndVerifies(_ vector: Vector) throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](hex: vector.seed))
        #expect(key.rawRepresentation.hex == vector.seed)
        #expect(key.publicKey.rawRepresentation.hex == vector.publicKey)
        let message = [UInt8](hex: vector.message)
        #expect(try key.signature(for: message).hex == vector.signature)

        let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: [UInt8](hex: vector.publicKey))
        let signature = [UInt8](hex: vector.signature)
        #expect(publicKey.isValidSignature(signature, for: message))
        for bit in [0, 255, 256, 511] {
            var flipped = signature
            flipped[bit / 8] ^= 1 << (bit % 8)
            #expect(!publicKey.isValidSignature(flipped, for: message), "signature bit \(bit)")
        }
        let otherMessage = message.isEmpty ? [0x00] : message.map { $0 ^ 0x01 }
        #expect(!publicKey.isValidSignature(signature, for: otherMessage))
        #expect(!publicKey.isValidSignature(signature.dropLast(), for: message))
    }

    @Test func aNewKeySignsAndItsRawFormRestoresIt() throws {
        let key = Curve25519.Signing.PrivateKey()
        #expect(key.rawRepresentation.count == 32 && key.publicKey.rawRepresentation.count == 32)
        #expect(key.rawRepresentation != Curve25519.Signing.PrivateKey().rawRepresentation)
        let restored = try Curve25519.Signing.PrivateKey(rawRepresentation: Array(key.rawRepresentation))
        #expect(restored.publicKey.rawRepresentation == key.publicKey.rawRepresentation)
        let manifest = Data("{\"hub_id\":\"guandu\"}".utf8)
        let signature = try key.signature(for: manifest)
        #expect(signature.count == 64)
        #expect(restored.publicKey.isValidSignature(signature, for: manifest))
        #expect(!Curve25519.Signing.PrivateKey().publicKey.isValidSignature(signature, for: manifest))
    }

    @Test func keysOfTheWrongLengthAreRefused() {
        #expect(throws: CryptoKitError.incorrectKeySize) {
            try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 31))
        }
        #expect(throws: CryptoKitError.incorrectKeySize) {
            try Curve25519.Signing.PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 33))
        }
    }
}
