import Bilingual
import PartyBuilding
import Projections

/// The rules in force: the official defaults, or a file given with `--rules`.
public struct RuleSet: Codable, Hashable, Sendable {
    /// The format of the rules file; this build reads 1.
    public var version: Int
    public var rules: [Rule]
}

/// One early-warning rule: what it checks, its thresholds, and its legal basis.
public struct Rule: Codable, Hashable, Sendable {
    /// The rule table's id, e.g. `committee-meeting`; part of every warning's key.
    public var id: String
    public var enabled: Bool
    /// True for common local practice rather than national text (DOMAIN.md marks them).
    public var local: Bool
    /// The regulation and article (依据).
    public var basis: Basis
    public var check: Check

    public struct Basis: Codable, Hashable, Sendable {
        public var zh: String
        public var en: String

        public var text: BilingualText { BilingualText(zh: zh, en: en) }
    }

    /// What the rule checks, with its parameters.
    public enum Check: Hashable, Sendable {
        case meetingFrequency(MeetingFrequency)
        case participationGap(MonthThresholds)
        case duesArrears(MonthThresholds)
        case studyHours(StudyHours)
        case probationDue(DayWindow)
        case committeeTerm(DayWindow)
        case branchStructure(BranchStructure)
        case activistDuration(ActivistDuration)
        case applicantTalk(ApplicantTalk)

        /// The `kind` that names it in a rules file.
        public var kind: String {
            switch self {
            case .meetingFrequency: "meeting-frequency"
            case .participationGap: "participation-gap"
            case .duesArrears: "dues-arrears"
            case .studyHours: "study-hours"
            case .probationDue: "probation-due"
            case .committeeTerm: "committee-term"
            case .branchStructure: "branch-structure"
            case .activistDuration: "activist-duration"
            case .applicantTalk: "applicant-talk"
            }
        }
    }

    /// A meeting type that must be held each month, quarter or year.
    public struct MeetingFrequency: Codable, Hashable, Sendable {
        public var meetingType: MeetingType
        public var frequency: Frequency
        public var judged: MeetingRequirement.Judged
        public var needsCommittee: Bool
        /// Completed periods that ended this many days before the day or less are reported.
        public var lookBackDays: Int
        /// The current period turns yellow when this many days of it, or fewer, are left.
        public var reminderDays: Int

        public var requirement: MeetingRequirement {
            MeetingRequirement(type: meetingType, frequency: frequency, judged: judged, needsCommittee: needsCommittee)
        }
    }

    /// Whole months: yellow from one count, red from another.
    public struct MonthThresholds: Codable, Hashable, Sendable {
        public var yellowMonths: Int
        public var redMonths: Int
    }

    public struct StudyHours: Codable, Hashable, Sendable {
        public var hours: Int
        public var leaderHours: Int
        /// From this month of the current year, members below target are yellow.
        public var yellowFromMonth: Int

        public var target: StudyTarget { StudyTarget(hours: hours, leaderHours: leaderHours) }
    }

    /// Yellow this many days before a due date, red after it.
    public struct DayWindow: Codable, Hashable, Sendable {
        public var reminderDays: Int
    }

    public struct BranchStructure: Codable, Hashable, Sendable {
        public var minimumFullMembers: Int
        public var committeeFromFullMembers: Int
        public var maximumMembers: Int
        public var committeeMinimum: Int
        public var committeeMaximum: Int
    }

    public struct ActivistDuration: Codable, Hashable, Sendable {
        public var minimumMonths: Int
        public var lookBackDays: Int
    }

    public struct ApplicantTalk: Codable, Hashable, Sendable {
        public var withinMonths: Int
        public var reminderDays: Int
    }
}

extension Rule {
    private enum CodingKeys: String, CodingKey {
        case id, kind, enabled, local, basis, parameters
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        local = try container.decodeIfPresent(Bool.self, forKey: .local) ?? false
        basis = try container.decode(Basis.self, forKey: .basis)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "meeting-frequency": check = .meetingFrequency(try container.decode(MeetingFrequency.self, forKey: .parameters))
        case "participation-gap": check = .participationGap(try container.decode(MonthThresholds.self, forKey: .parameters))
        case "dues-arrears": check = .duesArrears(try container.decode(MonthThresholds.self, forKey: .parameters))
        case "study-hours": check = .studyHours(try container.decode(StudyHours.self, forKey: .parameters))
        case "probation-due": check = .probationDue(try container.decode(DayWindow.self, forKey: .parameters))
        case "committee-term": check = .committeeTerm(try container.decode(DayWindow.self, forKey: .parameters))
        case "branch-structure": check = .branchStructure(try container.decode(BranchStructure.self, forKey: .parameters))
        case "activist-duration": check = .activistDuration(try container.decode(ActivistDuration.self, forKey: .parameters))
        case "applicant-talk": check = .applicantTalk(try container.decode(ApplicantTalk.self, forKey: .parameters))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "unknown kind '\(kind)': use meeting-frequency, participation-gap, dues-arrears, study-hours, probation-due, committee-term, branch-structure, activist-duration or applicant-talk")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(check.kind, forKey: .kind)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(local, forKey: .local)
        try container.encode(basis, forKey: .basis)
        switch check {
        case .meetingFrequency(let parameters): try container.encode(parameters, forKey: .parameters)
        case .participationGap(let parameters), .duesArrears(let parameters): try container.encode(parameters, forKey: .parameters)
        case .studyHours(let parameters): try container.encode(parameters, forKey: .parameters)
        case .probationDue(let parameters), .committeeTerm(let parameters): try container.encode(parameters, forKey: .parameters)
        case .branchStructure(let parameters): try container.encode(parameters, forKey: .parameters)
        case .activistDuration(let parameters): try container.encode(parameters, forKey: .parameters)
        case .applicantTalk(let parameters): try container.encode(parameters, forKey: .parameters)
        }
    }
}
