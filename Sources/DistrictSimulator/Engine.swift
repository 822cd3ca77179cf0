import EventStore
import PartyBuilding

/// Runs the district day by day: plans each month's meetings, study and dues, performs
/// what falls due each day through the secretaries' commands, and appends each week's
/// records in one transaction (the commands are still decided one by one, each on its day).
final class Engine {
    let options: SimulationOptions
    let start: CalendarDate
    let end: CalendarDate
    var rng: SeededRandom
    var recorder: Recorder
    var ledger = Ledger()

    var streets: [(id: String, name: String)] = []
    var communities: [SimCommunity] = []
    var branches: [SimBranch] = []
    var branchIndex: [String: Int] = [:]
    var groups: [String] = []
    var people: [String: SimPerson] = [:]
    var nextMemberNumber = 1
    /// What falls due on each day (`CalendarDate.dayNumber`), in the order it was planned.
    var agenda: [Int: [Action]] = [:]
    /// Meetings still to be corrected or retracted.
    var openMeetings: Set<String> = []

    static let organisationDepartment = "官渡区委组织部"

    init(options: SimulationOptions, store: EventStore, clock: SimulatedClock) {
        self.options = options
        start = options.startDate
        end = options.endDate
        var seeds = SeededRandom(seed: options.seed)
        rng = seeds.fork()
        recorder = Recorder(store: store, clock: clock, seed: seeds.next())
    }

    func run(progress: (Int, Int) -> Void) throws {
        let days = start.days(until: end) + 1
        try setUp()
        for offset in 0..<days {
            let day = start.adding(days: offset)
            if day.day == 1 { planMonth(day.yearMonth) }
            while let actions = agenda.removeValue(forKey: day.dayNumber) {
                for action in actions { try perform(action, on: day) }
            }
            // A week's records in one append (1970-01-01 was a Thursday: 3 is a Sunday).
            if day.dayNumber % 7 == 3 || day == end { try recorder.flush(day: day) }
            if day.adding(days: 1).day == 1 { recorder.forgetSettledRecords(keeping: openMeetings) }
            progress(offset + 1, days)
        }
    }

    /// Plans `action` for `day`, if that is within the simulation (later days never come).
    func schedule(_ action: Action, on day: CalendarDate) {
        guard day <= end else { return }
        agenda[max(day, start).dayNumber, default: []].append(action)
    }

    /// A day of `month` in `days` (clamped to the month's length).
    func randomDay(in month: YearMonth, _ days: ClosedRange<Int>) -> CalendarDate {
        let last = CalendarDate.daysIn(month: month.month, year: month.year)
        return CalendarDate(year: month.year, month: month.month, day: min(rng.int(days), last))!
    }

    func member(_ id: String) -> Member? { recorder.state.members[id] }

    /// The branch's people on `date` (of `group`, when given) who were party members then.
    func partyMembers(of branch: Int, group: String? = nil, on date: CalendarDate) -> [String] {
        branches[branch].roster.filter { id in
            guard let member = member(id) else { return false }
            return member.belongs(to: branches[branch].id, group: group, on: date) && member.wasPartyMember(on: date)
        }
    }

    /// The branch secretary's name, the actor of the branch's records.
    func actor(of branch: Int) -> String {
        member(branches[branch].secretary)?.name ?? branches[branch].name
    }

    func moveOnRoster(_ member: String, from: Int, to: Int?) {
        branches[from].roster.removeAll { $0 == member }
        if let to { branches[to].roster.append(member) }
    }

    func record(_ command: DomainCommand, on day: CalendarDate, by actor: String) throws {
        try recorder.record(command, today: day, actor: actor)
    }
}
