import Bilingual

/// A closed set of words operators type on the command line and in CSV headers' columns.
/// The raw value is the stable English word; `label` is what people read.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {
    var label: BilingualText { get }
}

extension Vocabulary {
    /// The accepted words, for messages: `a|b|c`.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }
}

/// Where an organisation sits in the tree: 区委 → 街道党工委 → 社区党委 → 党总支 → 党支部 → 党小组.
public enum OrganisationKind: String, Vocabulary {
    case district, street, community
    case generalBranch = "general-branch"
    case branch, group

    public var label: BilingualText {
        switch self {
        case .district: BilingualText(zh: "区委", en: "district")
        case .street: BilingualText(zh: "街道党工委", en: "street")
        case .community: BilingualText(zh: "社区党委", en: "community")
        case .generalBranch: BilingualText(zh: "党总支", en: "general branch")
        case .branch: BilingualText(zh: "党支部", en: "branch")
        case .group: BilingualText(zh: "党小组", en: "party group")
        }
    }

    /// The kinds an organisation of this kind may hang under; empty for the root.
    public var allowedParents: [OrganisationKind] {
        switch self {
        case .district: []
        case .street: [.district]
        case .community: [.street]
        case .generalBranch: [.community, .street]
        case .branch: [.community, .generalBranch, .street]
        case .group: [.branch]
        }
    }

    /// Branches and general branches hold members and elect committees.
    public var holdsMembers: Bool { self == .branch || self == .generalBranch }
}

/// A branch's setting: it decides the committee term (community/village 5 years, others 3).
public enum BranchSetting: String, Vocabulary {
    case community, village, other

    public var label: BilingualText {
        switch self {
        case .community: BilingualText(zh: "社区", en: "community")
        case .village: BilingualText(zh: "村", en: "village")
        case .other: BilingualText(zh: "其他", en: "other")
        }
    }

    public var defaultCommitteeTermYears: Int { self == .other ? 3 : 5 }
}

/// The development pipeline (发展党员), in order; `left` once a person has left.
public enum MemberStatus: String, Vocabulary {
    case applicant, activist, candidate, probationary, full, left

    public var label: BilingualText {
        switch self {
        case .applicant: BilingualText(zh: "入党申请人", en: "applicant")
        case .activist: BilingualText(zh: "入党积极分子", en: "activist")
        case .candidate: BilingualText(zh: "发展对象", en: "candidate")
        case .probationary: BilingualText(zh: "预备党员", en: "probationary member")
        case .full: BilingualText(zh: "正式党员", en: "full member")
        case .left: BilingualText(zh: "已离开", en: "left")
        }
    }

    /// The next step of the pipeline, if any.
    public var next: MemberStatus? {
        switch self {
        case .applicant: .activist
        case .activist: .candidate
        case .candidate: .probationary
        case .probationary: .full
        case .full, .left: nil
        }
    }

    /// Probationary and full members are party members; the others are on the way.
    public var isPartyMember: Bool { self == .probationary || self == .full }
}

/// A member's role in the branch.
public enum MemberRole: String, Vocabulary {
    case secretary
    case deputySecretary = "deputy-secretary"
    case committeeMember = "committee-member"
    case member

    public var label: BilingualText {
        switch self {
        case .secretary: BilingualText(zh: "书记", en: "secretary")
        case .deputySecretary: BilingualText(zh: "副书记", en: "deputy secretary")
        case .committeeMember: BilingualText(zh: "委员", en: "committee member")
        case .member: BilingualText(zh: "党员", en: "member")
        }
    }
}

/// Why someone left the branch's roll.
public enum LeaveReason: String, Vocabulary {
    case transferredOut = "transferred-out"
    case deceased, expelled, withdrawn
    /// Set by `member cancel-probation`, not accepted by `member leave`.
    case probationCancelled = "probation-cancelled"

    public var label: BilingualText {
        switch self {
        case .transferredOut: BilingualText(zh: "组织关系转出", en: "transferred out")
        case .deceased: BilingualText(zh: "去世", en: "deceased")
        case .expelled: BilingualText(zh: "开除党籍", en: "expelled")
        case .withdrawn: BilingualText(zh: "自行脱党/除名", en: "withdrawn")
        case .probationCancelled: BilingualText(zh: "取消预备党员资格", en: "probation cancelled")
        }
    }
}

/// 三会一课 and the other required meetings.
public enum MeetingType: String, Vocabulary {
    case memberAssembly = "member-assembly"
    case committeeMeeting = "committee-meeting"
    case groupMeeting = "group-meeting"
    case partyLecture = "party-lecture"
    case themeDay = "theme-day"
    case lifeMeeting = "life-meeting"
    case memberReview = "member-review"

    public var label: BilingualText {
        switch self {
        case .memberAssembly: BilingualText(zh: "党员大会", en: "member assembly")
        case .committeeMeeting: BilingualText(zh: "支委会", en: "committee meeting")
        case .groupMeeting: BilingualText(zh: "党小组会", en: "group meeting")
        case .partyLecture: BilingualText(zh: "党课", en: "party lecture")
        case .themeDay: BilingualText(zh: "主题党日", en: "theme day")
        case .lifeMeeting: BilingualText(zh: "组织生活会", en: "organisational-life meeting")
        case .memberReview: BilingualText(zh: "民主评议党员", en: "member review")
        }
    }
}

/// Kinds of study session (学习).
public enum StudyKind: String, Vocabulary {
    case partySchool = "party-school"
    case online, lecture
    case selfStudy = "self-study"
    case training

    public var label: BilingualText {
        switch self {
        case .partySchool: BilingualText(zh: "党校", en: "party school")
        case .online: BilingualText(zh: "网络学习", en: "online")
        case .lecture: BilingualText(zh: "讲座", en: "lecture")
        case .selfStudy: BilingualText(zh: "自学", en: "self-study")
        case .training: BilingualText(zh: "培训", en: "training")
        }
    }
}
