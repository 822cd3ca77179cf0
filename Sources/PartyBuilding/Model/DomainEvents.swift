/// The facts dangjian records. Each payload carries every date a rule needs, so projections
/// and warnings never have to look at envelopes; JSON field names are the snake_case of the
/// property names (schemas/events/<type>.schema.json describes each one).

/// `organisation.created`, stream `org-<id>`.
public struct OrganisationCreated: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: OrganisationKind
    public var parent: String?
    /// Branches and general branches only.
    public var setting: BranchSetting?
    public var since: CalendarDate
}

/// `committee.elected` (换届), stream `org-<branch>`.
public struct CommitteeElected: Codable, Hashable, Sendable {
    public var branch: String
    public var date: CalendarDate
    public var members: [String]
    public var termYears: Int
    /// `date` plus `termYears`: when the next election is due.
    public var termEnds: CalendarDate
}

/// `member.added`, stream `member-<id>`. Personal data goes in `member.personal-data-recorded`.
public struct MemberAdded: Codable, Hashable, Sendable {
    public var member: String
    public var name: String
    public var branch: String
    public var group: String?
    public var status: MemberStatus
    /// When the person reached `status` ("joined", for probationary and full members).
    public var since: CalendarDate
    public var role: MemberRole
    /// For someone added as probationary: their admission anniversary.
    public var probationEnds: CalendarDate?
}

/// `member.personal-data-recorded` (schema 2), stream `member-<id>`: the only event holding
/// personal data, and only sealed (`PersonalDataSealing`): the key that opens it lives
/// outside the chain, so destroying it erases the data and leaves the chain verifiable.
public struct MemberPersonalDataRecorded: Codable, Hashable, Sendable {
    public var member: String
    public var date: CalendarDate
    /// The key in the store's `personal_keys` table; nil for a schema-1 record, written in
    /// plain text before sealing existed, whose fields are not read.
    public var keyID: String?
    /// AES-GCM sealed box (nonce ‖ ciphertext ‖ tag) of the ID-card number, base64.
    public var sealedIdCardNumber: String?
    /// AES-GCM sealed box of the phone number, base64.
    public var sealedPhone: String?

    enum CodingKeys: String, CodingKey {
        // "keyId": the snake_case strategies turn it into `key_id` and back.
        case member, date, keyID = "keyId", sealedIdCardNumber, sealedPhone
    }
}

/// `member.personal-data-erased`, stream `member-<id>`: the member's personal-data keys were
/// destroyed (crypto-shredding, PIPL art. 47), in the same transaction as this event.
public struct MemberPersonalDataErased: Codable, Hashable, Sendable {
    public var member: String
    public var date: CalendarDate
    public var reason: String
    /// The keys destroyed.
    public var keyIDs: [String]

    enum CodingKeys: String, CodingKey {
        // "keyIds": the snake_case strategies turn it into `key_ids` and back.
        case member, date, reason, keyIDs = "keyIds"
    }
}

/// `member.personal-data-viewed`, stream `personal-data-views-<id>`: someone (the envelope's
/// actor, at its recorded time) had a member's personal data shown in full.
public struct MemberPersonalDataViewed: Codable, Hashable, Sendable {
    public var member: String
    public var date: CalendarDate

    public init(member: String, date: CalendarDate) {
        self.member = member
        self.date = date
    }
}

/// `member.promoted`: one step along the pipeline, stream `member-<id>`.
public struct MemberPromoted: Codable, Hashable, Sendable {
    public var member: String
    public var branch: String
    public var from: MemberStatus
    public var to: MemberStatus
    public var date: CalendarDate
    /// Why the activist year was waived, when it was.
    public var override: String?
    /// Set when `to` is probationary: one year after admission.
    public var probationEnds: CalendarDate?
}

/// `member.probation-extended` (延长预备期), stream `member-<id>`.
public struct ProbationExtended: Codable, Hashable, Sendable {
    public var member: String
    public var branch: String
    public var months: Int
    public var date: CalendarDate
    public var reason: String
    /// The new end of probation.
    public var probationEnds: CalendarDate
}

/// `member.probation-cancelled` (取消预备党员资格): the person leaves the roll, stream `member-<id>`.
public struct ProbationCancelled: Codable, Hashable, Sendable {
    public var member: String
    public var branch: String
    public var date: CalendarDate
    public var reason: String
}

/// `member.transferred` between branches, stream `member-<id>`. The role becomes `member`.
public struct MemberTransferred: Codable, Hashable, Sendable {
    public var member: String
    public var fromBranch: String
    public var fromGroup: String?
    public var toBranch: String
    public var toGroup: String?
    public var date: CalendarDate
}

/// `member.left`, stream `member-<id>`.
public struct MemberLeft: Codable, Hashable, Sendable {
    public var member: String
    public var branch: String
    public var reason: LeaveReason
    public var date: CalendarDate
}

/// `member.role-changed`, stream `member-<id>`.
public struct MemberRoleChanged: Codable, Hashable, Sendable {
    public var member: String
    public var branch: String
    public var role: MemberRole
    public var date: CalendarDate
}

/// `member.talked`: the party organisation talked with an applicant (谈话), stream `member-<id>`.
public struct MemberTalked: Codable, Hashable, Sendable {
    public var member: String
    /// The applicant's branch on the day of the talk.
    public var branch: String
    public var date: CalendarDate
    /// The party member who held the talk.
    public var by: String?
    public var note: String?
}

/// Someone excused from a meeting (请假), and why.
public struct ApprovedLeave: Codable, Hashable, Sendable {
    public var member: String
    public var reason: String

    public init(member: String, reason: String) {
        self.member = member
        self.reason = reason
    }
}

/// Everything a meeting record says. A correction carries the whole record again.
public struct MeetingRecord: Codable, Hashable, Sendable {
    public var branch: String
    public var group: String?
    public var type: MeetingType
    public var date: CalendarDate
    public var topic: String
    public var place: String?
    public var host: String?
    public var recorder: String?
    public var lecturer: String?
    public var attendees: [String]
    public var absentees: [String]
    public var onLeave: [ApprovedLeave]
    public var guests: String?

    public init(
        branch: String, group: String? = nil, type: MeetingType, date: CalendarDate, topic: String,
        place: String? = nil, host: String? = nil, recorder: String? = nil, lecturer: String? = nil,
        attendees: [String], absentees: [String] = [], onLeave: [ApprovedLeave] = [], guests: String? = nil
    ) {
        self.branch = branch
        self.group = group
        self.type = type
        self.date = date
        self.topic = topic
        self.place = place
        self.host = host
        self.recorder = recorder
        self.lecturer = lecturer
        self.attendees = attendees
        self.absentees = absentees
        self.onLeave = onLeave
        self.guests = guests
    }

    /// Everyone the record lists as attending, absent or on leave.
    public var listedMembers: [String] { attendees + absentees + onLeave.map(\.member) }
}

/// `meeting.logged`, stream `meeting-<id>`.
public struct MeetingLogged: Codable, Hashable, Sendable {
    public var meeting: String
    public var record: MeetingRecord
    /// Why it was logged more than 30 days after the meeting.
    public var lateReason: String?
}

/// `meeting.corrected`: the whole record as it should have been, stream `meeting-<id>`.
public struct MeetingCorrected: Codable, Hashable, Sendable {
    public var meeting: String
    public var record: MeetingRecord
    public var reason: String
}

/// `meeting.retracted`: the meeting no longer counts, stream `meeting-<id>`.
public struct MeetingRetracted: Codable, Hashable, Sendable {
    public var meeting: String
    public var branch: String
    public var group: String?
    public var type: MeetingType
    /// The meeting's date, so a retraction is read in the same period as the meeting.
    public var date: CalendarDate
    public var reason: String
}

/// `study.logged`, stream `study-<session>`.
public struct StudyLogged: Codable, Hashable, Sendable {
    public var session: String
    public var members: [String]
    public var date: CalendarDate
    /// Hours per member in tenths: 1.5 h is 15.
    public var hoursTenths: Int
    public var kind: StudyKind
    public var course: String
}

/// `dues.paid`, stream `member-<id>`.
public struct DuesPaid: Codable, Hashable, Sendable {
    public var payment: String
    public var member: String
    public var branch: String
    public var from: YearMonth
    public var to: YearMonth
    public var months: Int
    /// In fen (0.01 yuan); absent when the amount was not given.
    public var amountFen: Int64?
    /// The day it was paid.
    public var date: CalendarDate
}

/// Every domain event.
public enum DomainEvent: Hashable, Sendable {
    case organisationCreated(OrganisationCreated)
    case committeeElected(CommitteeElected)
    case memberAdded(MemberAdded)
    case memberPersonalDataRecorded(MemberPersonalDataRecorded)
    case memberPersonalDataErased(MemberPersonalDataErased)
    case memberPersonalDataViewed(MemberPersonalDataViewed)
    case memberPromoted(MemberPromoted)
    case probationExtended(ProbationExtended)
    case probationCancelled(ProbationCancelled)
    case memberTransferred(MemberTransferred)
    case memberLeft(MemberLeft)
    case memberRoleChanged(MemberRoleChanged)
    case memberTalked(MemberTalked)
    case meetingLogged(MeetingLogged)
    case meetingCorrected(MeetingCorrected)
    case meetingRetracted(MeetingRetracted)
    case studyLogged(StudyLogged)
    case duesPaid(DuesPaid)
}

/// Stream ids: one stream per organisation, member, meeting and study session.
public enum StreamName {
    public static func organisation(_ id: String) -> String { "org-" + id }
    public static func member(_ id: String) -> String { "member-" + id }
    /// Who had a member's personal data shown, apart from the member's own stream so that
    /// looking never conflicts with a secretary's write.
    public static func personalDataViews(_ id: String) -> String { "personal-data-views-" + id }
    public static func meeting(_ id: String) -> String { "meeting-" + id }
    public static func study(_ id: String) -> String { "study-" + id }
}

extension DomainEvent {
    /// Every event type name, as stored in the envelope's `type`.
    public static let typeNames: [String] = [
        "organisation.created", "committee.elected", "member.added", "member.personal-data-recorded",
        "member.personal-data-erased", "member.personal-data-viewed", "member.promoted", "member.probation-extended", "member.probation-cancelled", "member.transferred",
        "member.left", "member.role-changed", "member.talked", "meeting.logged", "meeting.corrected", "meeting.retracted",
        "study.logged", "dues.paid",
    ]

    public var typeName: String {
        switch self {
        case .organisationCreated: "organisation.created"
        case .committeeElected: "committee.elected"
        case .memberAdded: "member.added"
        case .memberPersonalDataRecorded: "member.personal-data-recorded"
        case .memberPersonalDataErased: "member.personal-data-erased"
        case .memberPersonalDataViewed: "member.personal-data-viewed"
        case .memberPromoted: "member.promoted"
        case .probationExtended: "member.probation-extended"
        case .probationCancelled: "member.probation-cancelled"
        case .memberTransferred: "member.transferred"
        case .memberLeft: "member.left"
        case .memberRoleChanged: "member.role-changed"
        case .memberTalked: "member.talked"
        case .meetingLogged: "meeting.logged"
        case .meetingCorrected: "meeting.corrected"
        case .meetingRetracted: "meeting.retracted"
        case .studyLogged: "study.logged"
        case .duesPaid: "dues.paid"
        }
    }

    public var streamID: String {
        switch self {
        case .organisationCreated(let e): StreamName.organisation(e.id)
        case .committeeElected(let e): StreamName.organisation(e.branch)
        case .memberAdded(let e): StreamName.member(e.member)
        case .memberPersonalDataRecorded(let e): StreamName.member(e.member)
        case .memberPersonalDataErased(let e): StreamName.member(e.member)
        case .memberPersonalDataViewed(let e): StreamName.personalDataViews(e.member)
        case .memberPromoted(let e): StreamName.member(e.member)
        case .probationExtended(let e): StreamName.member(e.member)
        case .probationCancelled(let e): StreamName.member(e.member)
        case .memberTransferred(let e): StreamName.member(e.member)
        case .memberLeft(let e): StreamName.member(e.member)
        case .memberRoleChanged(let e): StreamName.member(e.member)
        case .memberTalked(let e): StreamName.member(e.member)
        case .meetingLogged(let e): StreamName.meeting(e.meeting)
        case .meetingCorrected(let e): StreamName.meeting(e.meeting)
        case .meetingRetracted(let e): StreamName.meeting(e.meeting)
        case .studyLogged(let e): StreamName.study(e.session)
        case .duesPaid(let e): StreamName.member(e.member)
        }
    }

    /// The envelope's business time: the day the fact happened in the world.
    public var businessDate: CalendarDate {
        switch self {
        case .organisationCreated(let e): e.since
        case .committeeElected(let e): e.date
        case .memberAdded(let e): e.since
        case .memberPersonalDataRecorded(let e): e.date
        case .memberPersonalDataErased(let e): e.date
        case .memberPersonalDataViewed(let e): e.date
        case .memberPromoted(let e): e.date
        case .probationExtended(let e): e.date
        case .probationCancelled(let e): e.date
        case .memberTransferred(let e): e.date
        case .memberLeft(let e): e.date
        case .memberRoleChanged(let e): e.date
        case .memberTalked(let e): e.date
        case .meetingLogged(let e): e.record.date
        case .meetingCorrected(let e): e.record.date
        case .meetingRetracted(let e): e.date
        case .studyLogged(let e): e.date
        case .duesPaid(let e): e.date
        }
    }
}
