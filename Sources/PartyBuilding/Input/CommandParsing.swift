import Bilingual

/// Builds commands from named fields: the one parser behind both the command line and CSV
/// import, so a flag and the CSV column of the same name mean exactly the same thing.
public enum CommandParsing {
    public static func addOrganisation(_ f: Fields, today: CalendarDate) throws -> DomainCommand {
        .addOrganisation(AddOrganisation(
            id: try f.identifier("id"), name: try f.required("name"), kind: try f.choice("kind", OrganisationKind.self),
            parent: try f.optionalIdentifier("parent"), setting: try f.optionalChoice("setting", BranchSetting.self),
            since: try f.optionalDate("since") ?? today))
    }

    public static func addMember(_ f: Fields) throws -> DomainCommand {
        let status = try Fields.parsedChoice(
            f.required("status"), field: "status", MemberStatus.self,
            allowed: [.applicant, .activist, .candidate, .probationary, .full])
        return .addMember(AddMember(
            id: try f.identifier("id"), name: try f.required("name"), branch: try f.identifier("branch"),
            group: try f.optionalIdentifier("group"), status: status, since: try f.date("since"),
            role: try f.optionalChoice("role", MemberRole.self),
            idCardNumber: try f.optional("id-card").map(validIDCard), phone: try f.optional("phone").map(validPhone)))
    }

    static func validIDCard(_ value: String) throws -> String {
        guard let number = PersonalData.normalisedIDCard(value) else {
            throw DomainError.invalidField(name: "id-card", value: PersonalData.maskedIDCard(value), expected: BilingualText(
                zh: "18 位居民身份证号码，校验码符合 GB 11643", en: "an 18-character resident ID number whose check digit agrees (GB 11643)"))
        }
        return number
    }

    static func validPhone(_ value: String) throws -> String {
        guard let number = PersonalData.normalisedPhone(value) else {
            throw DomainError.invalidField(name: "phone", value: PersonalData.maskedPhone(value), expected: BilingualText(
                zh: "11 位手机号或带区号的固定电话，如 0871-12345678", en: "an 11-digit mobile number or a landline with area code, like 0871-12345678"))
        }
        return number
    }

    public static func promote(_ f: Fields) throws -> DomainCommand {
        let to = try Fields.parsedChoice(
            f.required("to"), field: "to", MemberStatus.self, allowed: [.activist, .candidate, .probationary, .full])
        return .promoteMember(PromoteMember(
            member: try f.identifier("id"), to: to, date: try f.date("date"), override: f.optional("override")))
    }

    public static func extendProbation(_ f: Fields) throws -> DomainCommand {
        .extendProbation(ExtendProbation(
            member: try f.identifier("id"), months: try f.integer("months", in: 6...12), date: try f.date("date"),
            reason: try f.required("reason")))
    }

    public static func cancelProbation(_ f: Fields) throws -> DomainCommand {
        .cancelProbation(CancelProbation(member: try f.identifier("id"), date: try f.date("date"), reason: try f.required("reason")))
    }

    public static func transfer(_ f: Fields) throws -> DomainCommand {
        .transferMember(TransferMember(
            member: try f.identifier("id"), toBranch: try f.identifier("to-branch"),
            toGroup: try f.optionalIdentifier("group"), date: try f.date("date")))
    }

    public static func leave(_ f: Fields) throws -> DomainCommand {
        let reason = try Fields.parsedChoice(
            f.required("reason"), field: "reason", LeaveReason.self,
            allowed: [.transferredOut, .deceased, .expelled, .withdrawn])
        return .recordLeaving(RecordLeaving(member: try f.identifier("id"), reason: reason, date: try f.date("date")))
    }

    public static func changeRole(_ f: Fields, today: CalendarDate) throws -> DomainCommand {
        .changeRole(ChangeRole(
            member: try f.identifier("id"), role: try f.choice("role", MemberRole.self),
            date: try f.optionalDate("date") ?? today))
    }

    public static func erasePersonalData(_ f: Fields, today: CalendarDate) throws -> DomainCommand {
        .erasePersonalData(ErasePersonalData(
            member: try f.identifier("id"), reason: try f.required("reason"), date: try f.optionalDate("date") ?? today))
    }

    public static func recordTalk(_ f: Fields) throws -> DomainCommand {
        .recordTalk(RecordTalk(
            member: try f.identifier("id"), date: try f.date("date"), by: try f.optionalIdentifier("by"), note: f.optional("note")))
    }

    public static func electCommittee(_ f: Fields) throws -> DomainCommand {
        .electCommittee(ElectCommittee(
            branch: try f.identifier("branch"), date: try f.date("date"),
            members: try f.identifierList("members") ?? [], termYears: try f.optionalInteger("term-years", in: 1...5)))
    }

    public static func logMeeting(_ f: Fields, meeting: String) throws -> DomainCommand {
        let record = MeetingRecord(
            branch: try f.identifier("branch"), group: try f.optionalIdentifier("group"),
            type: try f.choice("type", MeetingType.self), date: try f.date("date"), topic: try f.required("topic"),
            place: f.optional("place"), host: try f.optionalIdentifier("host"), recorder: try f.optionalIdentifier("recorder"),
            lecturer: try f.optionalIdentifier("lecturer"), attendees: try f.identifierList("attendees") ?? [],
            absentees: try f.identifierList("absent") ?? [], onLeave: try f.leaveList("on-leave") ?? [],
            guests: f.optional("guests"))
        return .logMeeting(LogMeeting(meeting: meeting, record: record, lateReason: f.optional("late-reason")))
    }

    /// A correction: only the fields given change; a blank optional field clears it.
    public static func correctMeeting(_ f: Fields, meeting: String) throws -> DomainCommand {
        func clearable(_ name: String, _ parse: (String) throws -> String = { $0 }) throws -> String?? {
            guard f.isPresent(name) else { return nil }
            return .some(try f.optional(name).map(parse))
        }
        let id: (String, String) throws -> String = { try Fields.checkedIdentifier($0, field: $1) }
        let changes = MeetingChanges(
            branch: try f.optionalIdentifier("branch"), group: try clearable("group") { try id($0, "group") },
            type: try f.optionalChoice("type", MeetingType.self), date: try f.optionalDate("date"),
            topic: f.optional("topic"), place: try clearable("place"),
            host: try clearable("host") { try id($0, "host") }, recorder: try clearable("recorder") { try id($0, "recorder") },
            lecturer: try clearable("lecturer") { try id($0, "lecturer") },
            attendees: try f.identifierList("attendees"), absentees: try f.identifierList("absent"),
            onLeave: try f.leaveList("on-leave"), guests: try clearable("guests"))
        return .correctMeeting(CorrectMeeting(meeting: meeting, changes: changes, reason: try f.required("reason")))
    }

    public static func retractMeeting(_ f: Fields, meeting: String) throws -> DomainCommand {
        .retractMeeting(RetractMeeting(meeting: meeting, reason: try f.required("reason")))
    }

    public static func logStudy(_ f: Fields, session: String) throws -> DomainCommand {
        .logStudy(LogStudy(
            session: session, members: try f.identifierList("member") ?? [], date: try f.date("date"),
            hoursTenths: try f.hoursTenths("hours"), kind: try f.choice("kind", StudyKind.self),
            course: try f.required("course")))
    }

    public static func payDues(_ f: Fields, payment: String, today: CalendarDate) throws -> DomainCommand {
        let from = try f.month("from")
        return .payDues(PayDues(
            payment: payment, member: try f.identifier("member"), from: from, to: try f.optionalMonth("to") ?? from,
            amountFen: try f.optionalFen("amount"), date: try f.optionalDate("date") ?? today))
    }
}
