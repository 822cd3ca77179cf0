import Bilingual
import EventStore
import Foundation
import PartyBuilding

/// A member's personal data as `member show` prints it: opened with the member's key,
/// masked unless asked for in full, or why it cannot be shown.
struct PersonalDataView {
    /// The fields opened; nil when there is nothing to open or it cannot be opened.
    let opened: OpenedPersonalData?
    /// Why nothing is shown although something was recorded (erased, key missing), if so.
    let unavailable: BilingualText?

    init(member: Member, store: EventStore) throws {
        do {
            opened = try PersonalDataSealing.open(member) { try store.secret(id: $0) }
            unavailable = opened == nil ? Self.reasonNothingIsShown(member) : nil
        } catch let error as PersonalDataError {
            opened = nil
            unavailable = error.message
        }
    }

    private static func reasonNothingIsShown(_ member: Member) -> BilingualText? {
        if let erased = member.personalDataErased {
            return BilingualText(zh: "已于 \(erased) 删除", en: "erased on \(erased)")
        }
        if member.hasUnsealedPersonalData {
            return BilingualText(zh: "旧版未加密记录，不显示", en: "an unsealed record of an older version: not shown")
        }
        return nil
    }

    func idCardNumber(full: Bool, language: Language) -> String? {
        field(opened?.idCardNumber, full: full, mask: PersonalData.maskedIDCard, language: language)
    }

    func phone(full: Bool, language: Language) -> String? {
        field(opened?.phone, full: full, mask: PersonalData.maskedPhone, language: language)
    }

    private func field(_ value: String?, full: Bool, mask: (String) -> String, language: Language) -> String? {
        if let value { return full ? value : mask(value) }
        return unavailable?.text(in: language)
    }

    /// Records that the actor had the member's personal data shown in full (who: the actor;
    /// when: the recorded time). In a stream of its own, appended whatever its version, so
    /// looking never conflicts with a secretary's write.
    static func recordViewing(of member: String, in store: EventStore, metadata: EventMetadata) throws {
        let viewed = DomainEvent.memberPersonalDataViewed(MemberPersonalDataViewed(member: member, date: try Today.fromEnvironment()))
        try store.append(
            [EventCoding.newEvent(viewed, id: DomainWrite.newRecordID(), metadata: metadata)],
            to: viewed.streamID, expecting: .any)
    }
}
