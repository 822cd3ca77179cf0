/// What a secretary asks for. `decide` turns a command and the current state into events,
/// or refuses it with a `DomainError`.
public enum DomainCommand: Hashable, Sendable {
    case addOrganisation(AddOrganisation)
    case addMember(AddMember)
    case promoteMember(PromoteMember)
    case extendProbation(ExtendProbation)
    case cancelProbation(CancelProbation)
    case transferMember(TransferMember)
    case recordLeaving(RecordLeaving)
    case changeRole(ChangeRole)
    case recordTalk(RecordTalk)
    case erasePersonalData(ErasePersonalData)
    case electCommittee(ElectCommittee)
    case logMeeting(LogMeeting)
    case correctMeeting(CorrectMeeting)
    case retractMeeting(RetractMeeting)
    case logStudy(LogStudy)
    case payDues(PayDues)
}

public struct AddOrganisation: Hashable, Sendable {
    var id: String
    var name: String
    var kind: OrganisationKind
    var parent: String?
    var setting: BranchSetting?
    var since: CalendarDate
}

public struct AddMember: Hashable, Sendable {
    var id: String
    var name: String
    var branch: String
    var group: String?
    var status: MemberStatus
    var since: CalendarDate
    var role: MemberRole?
    var idCardNumber: String?
    var phone: String?
}

public struct PromoteMember: Hashable, Sendable {
    var member: String
    var to: MemberStatus
    var date: CalendarDate
    var override: String?
}

public struct ExtendProbation: Hashable, Sendable {
    var member: String
    var months: Int
    var date: CalendarDate
    var reason: String
}

public struct CancelProbation: Hashable, Sendable {
    var member: String
    var date: CalendarDate
    var reason: String
}

public struct TransferMember: Hashable, Sendable {
    var member: String
    var toBranch: String
    var toGroup: String?
    var date: CalendarDate
}

public struct RecordLeaving: Hashable, Sendable {
    var member: String
    var reason: LeaveReason
    var date: CalendarDate
}

public struct ChangeRole: Hashable, Sendable {
    var member: String
    var role: MemberRole
    var date: CalendarDate
}

/// A talk with an applicant (谈话), which the party organisation holds within a month of the application.
public struct RecordTalk: Hashable, Sendable {
    var member: String
    var date: CalendarDate
    /// The party member who held the talk.
    var by: String?
    var note: String?
}

/// Erase a member's personal data: destroy the keys that open it.
public struct ErasePersonalData: Hashable, Sendable {
    var member: String
    var reason: String
    var date: CalendarDate
}

extension DomainCommand {
    /// The personal data the command carries, which `decideSealingPersonalData` seals.
    var personalData: PersonalDataEntry? {
        guard case .addMember(let c) = self, c.idCardNumber != nil || c.phone != nil else { return nil }
        return PersonalDataEntry(member: c.id, idCardNumber: c.idCardNumber, phone: c.phone, date: c.since)
    }
}

public struct ElectCommittee: Hashable, Sendable {
    var branch: String
    var date: CalendarDate
    var members: [String]
    var termYears: Int?
}

public struct LogMeeting: Hashable, Sendable {
    var meeting: String
    var record: MeetingRecord
    var lateReason: String?
}

/// The fields a correction changes; nil leaves a field as it is.
public struct MeetingChanges: Hashable, Sendable {
    var branch: String?
    var group: String??
    var type: MeetingType?
    var date: CalendarDate?
    var topic: String?
    var place: String??
    var host: String??
    var recorder: String??
    var lecturer: String??
    var attendees: [String]?
    var absentees: [String]?
    var onLeave: [ApprovedLeave]?
    var guests: String??

    func applied(to record: MeetingRecord) -> MeetingRecord {
        var result = record
        if let branch { result.branch = branch }
        if let group { result.group = group }
        if let type { result.type = type }
        if let date { result.date = date }
        if let topic { result.topic = topic }
        if let place { result.place = place }
        if let host { result.host = host }
        if let recorder { result.recorder = recorder }
        if let lecturer { result.lecturer = lecturer }
        if let attendees { result.attendees = attendees }
        if let absentees { result.absentees = absentees }
        if let onLeave { result.onLeave = onLeave }
        if let guests { result.guests = guests }
        return result
    }
}

public struct CorrectMeeting: Hashable, Sendable {
    var meeting: String
    var changes: MeetingChanges
    var reason: String
}

public struct RetractMeeting: Hashable, Sendable {
    var meeting: String
    var reason: String
}

public struct LogStudy: Hashable, Sendable {
    var session: String
    var members: [String]
    var date: CalendarDate
    var hoursTenths: Int
    var kind: StudyKind
    var course: String
}

public struct PayDues: Hashable, Sendable {
    var payment: String
    var member: String
    var from: YearMonth
    var to: YearMonth
    var amountFen: Int64?
    var date: CalendarDate
}
