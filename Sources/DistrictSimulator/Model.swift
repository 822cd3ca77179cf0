import PartyBuilding

/// A branch as the simulator runs it: its roll, its committee and how diligent it is.
struct SimBranch {
    enum Shape {
        /// An ordinary branch with a committee.
        case regular
        /// Two full members: too few to exist as a branch.
        case tooSmall
        /// More than fifty members: should be split.
        case tooLarge
        /// Seven or more full members and no elected committee.
        case withoutCommittee
    }

    /// What the branch does when its committee's term runs out.
    enum Reelection {
        case onTime
        /// Five days before the term ends: "due soon" until then.
        case lastMinute
        case never
    }

    let id: String
    let name: String
    let community: Int
    let setting: BranchSetting
    let shape: Shape
    var groups: [String] = []
    /// Everyone on its roll, any status, in the order they came.
    var roster: [String] = []
    /// The elected committee, secretary first; empty when the branch has none.
    var leaders: [String] = []
    var secretary = ""
    /// Misses meetings now and then and logs some late.
    var lax = false
    var reelection = Reelection.onTime
    /// Elections already fixed (a showcase's cycle), earliest first.
    var plannedElections: [CalendarDate] = []
    /// `type|period` of meetings the branch leaves out on purpose.
    var forcedMisses: Set<String> = []
    var lastThemeDayMissed: Int?

    var termYears: Int { setting.defaultCommitteeTermYears }
}

/// A community committee and its branches.
struct SimCommunity {
    let id: String
    let name: String
    let street: String
    var branches: [Int] = []
}

/// A person's habits: how they pay, and whether (and from when) they drift away.
struct SimPerson {
    let id: String
    var monthlyDuesFen: Int64
    var quarterlyPayer: Bool
    var payDay: Int
    /// The last month they take part in organisational life; absent from every meeting after it.
    var lastParticipation: YearMonth?
    /// The last month they pay dues for.
    var lastPaidMonth: YearMonth?
    /// Years in which they attend only the first five study sessions.
    var studiesLittle: Set<Int> = []
    /// Never transfers or leaves.
    var settled = false
    /// Takes no further step along the pipeline unless one is planned for them.
    var frozen = false
    var forgetsProbationDecision = false
    var skipsTalk = false
}

/// A meeting the simulator will log, and how it goes wrong if it does.
struct MeetingPlan {
    var branch: Int
    var group: String?
    var type: MeetingType
    var date: CalendarDate
    /// Logged, then retracted as never held: the period ends up without the meeting.
    var retracted = false
    var duplicated = false
    var corrected = false
    var late = false
}

/// Something that happens on a day of the simulation.
enum Action {
    case meeting(MeetingPlan)
    case correctMeeting(id: String, branch: Int)
    case retractMeeting(id: String, branch: Int, reason: String)
    case branchStudy(branch: Int, date: CalendarDate)
    case leaderTraining(community: Int, date: CalendarDate)
    case dues(member: String, month: YearMonth)
    case application(branch: Int, skipsTalk: Bool)
    case talk(member: String, branch: Int, date: CalendarDate)
    case promote(member: String, to: MemberStatus, override: String?)
    case probationDecision(member: String)
    case transfer(member: String, to: Int)
    case leave(member: String, reason: LeaveReason)
    case election(branch: Int)
}
