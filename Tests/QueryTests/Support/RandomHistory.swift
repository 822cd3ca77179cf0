import DistrictSimulator
import EventStore
@testable import PartyBuilding

/// Random but valid branch life: random commands, of which `decide` keeps the ones the rules
/// accept, appended one command at a time as a secretary would.
struct RandomHistory {
    var random: SeededRandom
    let today = CalendarDate(parsing: "2026-06-30")!
    var secretary: Secretary
    var state: DomainState { secretary.state }
    var branches: [String] = []
    var groups: [String: [String]] = [:]
    var memberIDs: [String] = []
    var meetingIDs: [String] = []
    var counter = 0
    /// How many events of each type were appended.
    var appended: [String: Int] = [:]

    init(seed: UInt64, store: EventStore) {
        random = SeededRandom(seed: seed)
        secretary = Secretary(store: store, today: today)
    }

    mutating func run(steps: Int) throws {
        for command in organisationCommands() { submit(command) }
        for _ in 0..<40 { submit(memberCommand()) }
        for _ in 0..<steps {
            if let command = randomCommand() { submit(command) }
        }
    }

    /// Appends what `decide` makes of `command`; a refused command is simply skipped.
    mutating func submit(_ command: DomainCommand) {
        guard let events = try? secretary.submit(command) else { return }
        for event in events { appended[event.typeName, default: 0] += 1 }
    }

    private mutating func date(from start: CalendarDate) -> CalendarDate {
        let span = max(0, start.days(until: today))
        return start.adding(days: Int.random(in: 0...span, using: &random))
    }

    private mutating func organisationCommands() -> [DomainCommand] {
        let start = CalendarDate(parsing: "2024-01-01")!
        var commands: [DomainCommand] = [.addOrganisation(AddOrganisation(id: "d", name: "官渡区", kind: .district, parent: nil, setting: nil, since: start))]
        for street in 1...2 {
            commands.append(.addOrganisation(AddOrganisation(id: "s\(street)", name: "街道\(street)", kind: .street, parent: "d", setting: nil, since: start)))
            for community in 1...2 {
                let communityID = "s\(street)c\(community)"
                commands.append(.addOrganisation(AddOrganisation(id: communityID, name: "社区\(community)", kind: .community, parent: "s\(street)", setting: nil, since: start)))
                for branch in 1...2 {
                    let branchID = "\(communityID)b\(branch)"
                    let since = start.adding(days: Int.random(in: 0...500, using: &random))
                    let setting = [BranchSetting.community, .village, .other].randomElement(using: &random)!
                    commands.append(.addOrganisation(AddOrganisation(id: branchID, name: "第\(branch)支部", kind: .branch, parent: communityID, setting: setting, since: since)))
                    branches.append(branchID)
                    for group in 1...Int.random(in: 1...2, using: &random) {
                        let groupID = "\(branchID)g\(group)"
                        commands.append(.addOrganisation(AddOrganisation(id: groupID, name: "第\(group)党小组", kind: .group, parent: branchID, setting: nil, since: date(from: since))))
                        groups[branchID, default: []].append(groupID)
                    }
                }
            }
        }
        return commands
    }

    private mutating func memberCommand() -> DomainCommand {
        counter += 1
        let id = "m\(counter)"
        memberIDs.append(id)
        let branch = branches.randomElement(using: &random)!
        let status = [MemberStatus.applicant, .activist, .candidate, .probationary, .full, .full, .full].randomElement(using: &random)!
        let since = date(from: state.organisations[branch]!.since)
        let group = Bool.random(using: &random) ? groups[branch]?.randomElement(using: &random) : nil
        return .addMember(AddMember(id: id, name: "党员\(counter)", branch: branch, group: group, status: status, since: since, role: nil, idCardNumber: nil, phone: nil))
    }

    private mutating func randomCommand() -> DomainCommand? {
        let member = memberIDs.randomElement(using: &random)!
        let lastChange = state.members[member]?.lastChange ?? today
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<45: return meetingCommand()
        case 45..<52: return correctionCommand()
        case 52..<55:
            guard let meeting = meetingIDs.randomElement(using: &random) else { return nil }
            return .retractMeeting(RetractMeeting(meeting: meeting, reason: "重复录入"))
        case 55..<65:
            let members = Array(memberIDs.shuffled(using: &random).prefix(Int.random(in: 1...6, using: &random)))
            counter += 1
            return .logStudy(LogStudy(session: "st\(counter)", members: members, date: date(from: CalendarDate(parsing: "2025-01-01")!), hoursTenths: Int.random(in: 1...240, using: &random), kind: StudyKind.allCases.randomElement(using: &random)!, course: "课程\(counter)"))
        case 65..<75:
            counter += 1
            let from = YearMonth(index: YearMonth(year: 2025, month: 1)!.index + Int.random(in: 0...17, using: &random))
            return .payDues(PayDues(payment: "p\(counter)", member: member, from: from, to: YearMonth(index: from.index + Int.random(in: 0...2, using: &random)), amountFen: Bool.random(using: &random) ? Int64.random(in: 1...50_000, using: &random) : nil, date: date(from: from.firstDay)))
        case 75..<81:
            guard let next = state.members[member]?.status.next else { return nil }
            return .promoteMember(PromoteMember(member: member, to: next, date: date(from: lastChange), override: Bool.random(using: &random) ? "组织批准" : nil))
        case 81..<85:
            return .transferMember(TransferMember(member: member, toBranch: branches.randomElement(using: &random)!, toGroup: nil, date: date(from: lastChange)))
        case 85..<87:
            return .recordLeaving(RecordLeaving(member: member, reason: [.transferredOut, .deceased, .withdrawn].randomElement(using: &random)!, date: date(from: lastChange)))
        case 87..<89:
            return .changeRole(ChangeRole(member: member, role: MemberRole.allCases.randomElement(using: &random)!, date: date(from: lastChange)))
        case 89..<94:
            let branch = branches.randomElement(using: &random)!
            let day = date(from: CalendarDate(parsing: "2025-06-01")!)
            let electable = memberIDs.filter { id in
                state.members[id].map { $0.belongs(to: branch, on: day) && ($0.fullSince.map { $0 <= day } ?? false) } ?? false
            }
            guard !electable.isEmpty else { return nil }
            return .electCommittee(ElectCommittee(branch: branch, date: day, members: Array(electable.prefix(3)), termYears: nil))
        case 94..<96:
            return .extendProbation(ExtendProbation(member: member, months: Int.random(in: 6...12, using: &random), date: date(from: lastChange), reason: "考察"))
        default:
            return memberCommand()
        }
    }

    private mutating func meetingCommand() -> DomainCommand? {
        let branch = branches.randomElement(using: &random)!
        let type = MeetingType.allCases.randomElement(using: &random)!
        let group = type == .groupMeeting ? groups[branch]?.randomElement(using: &random) : nil
        let day = date(from: state.organisations[group ?? branch]!.since)
        let present = memberIDs.filter { state.members[$0]?.belongs(to: branch, group: group, on: day) == true }.shuffled(using: &random)
        guard !present.isEmpty else { return nil }
        let split = Int.random(in: 0...present.count, using: &random)
        let leaveCount = Int.random(in: 0...(present.count - split), using: &random)
        counter += 1
        let meeting = "mt\(counter)"
        meetingIDs.append(meeting)
        let record = MeetingRecord(
            branch: branch, group: group, type: type, date: day, topic: "议题\(counter)", place: "党群服务中心",
            attendees: Array(present[..<split]),
            absentees: Array(present[(split + leaveCount)...]),
            onLeave: present[split..<(split + leaveCount)].map { ApprovedLeave(member: $0, reason: "出差") })
        return .logMeeting(LogMeeting(meeting: meeting, record: record, lateReason: "补录"))
    }

    private mutating func correctionCommand() -> DomainCommand? {
        guard let meeting = meetingIDs.randomElement(using: &random), let existing = state.meetings[meeting] else { return nil }
        let record = existing.record
        var changes = MeetingChanges()
        if Bool.random(using: &random) {
            changes.date = date(from: state.organisations[record.group ?? record.branch]!.since)
        }
        let listed = record.attendees + record.absentees + record.onLeave.map(\.member)
        let shuffled = listed.shuffled(using: &random)
        let split = Int.random(in: 0...shuffled.count, using: &random)
        changes.attendees = Array(shuffled[..<split])
        changes.absentees = []
        changes.onLeave = shuffled[split...].map { ApprovedLeave(member: $0, reason: "病假") }
        return .correctMeeting(CorrectMeeting(meeting: meeting, changes: changes, reason: "更正出席名单"))
    }
}
