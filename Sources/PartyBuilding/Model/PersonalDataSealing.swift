import Bilingual
import Foundation
import SystemCrypto

/// Personal data as a secretary gives it, before it is sealed. Lives only in memory: the
/// log holds it sealed, never in plain text.
public struct PersonalDataEntry: Hashable, Sendable {
    public var member: String
    public var idCardNumber: String?
    public var phone: String?
    public var date: CalendarDate
}

/// A member's personal-data key, kept in the store outside the hash chain (`personal_keys`),
/// so destroying it erases what it sealed without rewriting a single event.
public struct PersonalDataKey: Hashable, Sendable {
    public var id: String
    public var bytes: [UInt8]
}

/// One sealed field and the key that opens it.
public struct SealedValue: Hashable, Sendable {
    public var keyID: String
    /// AES-GCM sealed box, nonce ‖ ciphertext ‖ tag, base64.
    public var sealed: String
}

/// The fields of a sealed record, opened.
public struct OpenedPersonalData: Hashable, Sendable {
    public var idCardNumber: String?
    public var phone: String?
}

/// AES-256-GCM under a fresh random key per record. The authenticated data binds each
/// sealed field to its member, its field name and its key id, so a ciphertext moved to
/// another member or field does not open.
public enum PersonalDataSealing {
    enum Field: String {
        case idCardNumber = "id_card_number"
        case phone
    }

    /// Seals `entry` under a new key; the event holds only ciphertext and the key's id.
    public static func seal(_ entry: PersonalDataEntry) throws -> (event: MemberPersonalDataRecorded, key: PersonalDataKey) {
        let key = SymmetricKey(size: .bits256)
        let keyID = UUID().uuidString.lowercased()
        func sealed(_ text: String?, _ field: Field) throws -> String? {
            guard let text else { return nil }
            let box = try AES.GCM.seal(
                Data(text.utf8), using: key, authenticating: associatedData(entry.member, field, keyID))
            guard let combined = box.combined else { throw PersonalDataError.cannotSeal }
            return combined.base64EncodedString()
        }
        let event = MemberPersonalDataRecorded(
            member: entry.member, date: entry.date, keyID: keyID,
            sealedIdCardNumber: try sealed(entry.idCardNumber, .idCardNumber), sealedPhone: try sealed(entry.phone, .phone))
        return (event, PersonalDataKey(id: keyID, bytes: key.withUnsafeBytes { Array($0) }))
    }

    /// Opens a member's sealed fields with their keys (`key(id)` nil: the key is gone).
    public static func open(
        _ member: Member, key: (String) throws -> [UInt8]?
    ) throws -> OpenedPersonalData? {
        func opened(_ value: SealedValue?, _ field: Field) throws -> String? {
            guard let value else { return nil }
            guard let bytes = try key(value.keyID) else { throw PersonalDataError.keyMissing(member: member.id) }
            guard let data = Data(base64Encoded: value.sealed),
                  let box = try? AES.GCM.SealedBox(combined: data),
                  let plain = try? AES.GCM.open(
                      box, using: SymmetricKey(data: bytes), authenticating: associatedData(member.id, field, value.keyID))
            else { throw PersonalDataError.doesNotOpen(member: member.id) }
            return String(decoding: plain, as: UTF8.self)
        }
        guard member.idCardNumber != nil || member.phone != nil else { return nil }
        return OpenedPersonalData(
            idCardNumber: try opened(member.idCardNumber, .idCardNumber), phone: try opened(member.phone, .phone))
    }

    private static func associatedData(_ member: String, _ field: Field, _ keyID: String) -> Data {
        Data("dangjian personal data\u{0}\(member)\u{0}\(field.rawValue)\u{0}\(keyID)".utf8)
    }
}

/// Why personal data could not be sealed or opened.
public enum PersonalDataError: UserFacingError, Equatable {
    case cannotSeal
    case keyMissing(member: String)
    case doesNotOpen(member: String)

    public var message: BilingualText {
        switch self {
        case .cannotSeal:
            return BilingualText(zh: "无法加密个人信息：请重试", en: "personal data could not be sealed: try again")
        case .keyMissing(let member):
            return BilingualText(
                zh: "\(member) 的个人信息密钥不在本数据库中（例如由归档导入）：个人信息无法查看",
                en: "the key of \(member)'s personal data is not in this store (imported from an archive, say): it cannot be shown")
        case .doesNotOpen(let member):
            return BilingualText(
                zh: "\(member) 的个人信息无法用其密钥解开：密文或密钥在 dangjian 之外被改动过",
                en: "\(member)'s personal data does not open with its key: the ciphertext or the key was altered outside dangjian")
        }
    }
}
