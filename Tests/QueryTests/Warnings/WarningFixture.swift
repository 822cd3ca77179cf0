import EarlyWarning
import EventStore
@testable import PartyBuilding
@testable import Projections

/// A small district for hand-worked warning cases: 官渡区 › 关上街道 › 世纪城社区 with the
/// branches a test adds. Commands go through the domain's rules, dated up to `today`.
struct WarningFixture {
    let store: TemporaryProjectedStore
    var secretary: Secretary
    private var meetings = 0
    private var branchSince: [String: String] = [:]

    init(today: String = "2027-12-31") throws {
        store = try TemporaryProjectedStore()
        secretary = Secretary(store: store.store, today: CalendarDate(parsing: today)!)
        let start = day("2020-01-01")
        for (id, kind, parent) in [("d", OrganisationKind.district, nil), ("s", .street, "d"), ("c", .community, "s")] as [(String, OrganisationKind, String?)] {
            try secretary.submit(.addOrganisation(AddOrganisation(id: id, name: "名称\(id)", kind: kind, parent: parent, setting: nil, since: start)))
        }
    }

    mutating func branch(_ id: String, since: String = "2020-01-01", setting: BranchSetting = .other) throws {
        branchSince[id] = since
        try secretary.submit(.addOrganisation(AddOrganisation(id: id, name: "支部\(id)", kind: .branch, parent: "c", setting: setting, since: day(since))))
    }

    mutating func group(_ id: String, of branch: String, since: String = "2020-01-01") throws {
        try secretary.submit(.addOrganisation(AddOrganisation(id: id, name: "小组\(id)", kind: .group, parent: branch, setting: nil, since: day(since))))
    }

    mutating func member(
        _ id: String, branch: String, status: MemberStatus = .full, since: String = "2020-01-01",
        role: MemberRole? = nil, group: String? = nil
    ) throws {
        try secretary.submit(.addMember(AddMember(
            id: id, name: "党员\(id)", branch: branch, group: group, status: status, since: day(since), role: role,
            idCardNumber: nil, phone: nil)))
    }

    /// Full members m1…mN of `branch`, added on 2020-01-01.
    mutating func members(_ count: Int, of branch: String) throws {
        for index in 1...count { try member("\(branch)-m\(index)", branch: branch) }
    }

    @discardableResult
    mutating func meeting(
        _ type: MeetingType, _ date: String, branch: String, group: String? = nil,
        attendees: [String] = [], onLeave: [String] = []
    ) throws -> String {
        meetings += 1
        let id = "meeting-\(meetings)"
        // A meeting needs someone present: the branch's host, added on first use.
        let host = "\(branch)-host"
        if attendees.isEmpty && secretary.state.members[host] == nil {
            try member(host, branch: branch, since: branchSince[branch] ?? "2020-01-01")
        }
        let attendees = attendees.isEmpty ? [host] : attendees
        try secretary.submit(.logMeeting(LogMeeting(meeting: id, record: MeetingRecord(
            branch: branch, group: group, type: type, date: day(date), topic: "学习", attendees: attendees,
            onLeave: onLeave.map { ApprovedLeave(member: $0, reason: "出差") }), lateReason: "补录")))
        return id
    }

    mutating func submit(_ command: DomainCommand) throws {
        try secretary.submit(command)
    }

    /// The warnings as of `date`, under `rules`.
    func warnings(asOf date: String, rules: RuleSet = .official) throws -> [Finding] {
        try store.store.snapshot { try WarningEvaluator(rules: rules).evaluate(asOf: day(date), in: $0) }
    }

    /// The keys of one rule's warnings as of `date`, with their severities: `["red theme-day:b:2025-11"]`.
    func lights(_ rule: String, asOf date: String, rules: RuleSet = .official) throws -> [String] {
        try warnings(asOf: date, rules: rules).filter { $0.rule == rule }.map { "\($0.severity.rawValue) \($0.key)" }
    }
}

func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

func month(_ text: String) -> YearMonth { YearMonth(parsing: text)! }
