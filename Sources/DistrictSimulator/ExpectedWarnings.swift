import PartyBuilding

/// The warnings the simulation should raise as of its last day, worked out from the
/// simulator's own ledger and state (never from the store) with the definitions of
/// DOMAIN.md and the official parameters of `default-rules.json`. A test compares them
/// with what the evaluator finds in the store.
struct ExpectedWarnings {
    let day: CalendarDate
    let state: DomainState
    let ledger: Ledger
    let branches: [String]
    let groups: [String]
    /// The day every organisation was created.
    let organisationsSince: CalendarDate

    /// Meeting rules: id, type, reminder window in days, and whether only branches with a committee are judged.
    static let meetingRules: [(id: String, type: MeetingType, reminderDays: Int, needsCommittee: Bool)] = [
        ("member-assembly", .memberAssembly, 15, false), ("committee-meeting", .committeeMeeting, 7, true),
        ("group-meeting", .groupMeeting, 7, false), ("party-lecture", .partyLecture, 15, false),
        ("theme-day", .themeDay, 7, false), ("life-meeting", .lifeMeeting, 60, false), ("member-review", .memberReview, 60, false),
    ]
    static let lookBackDays = 365

    func all() -> [PlantedWarning] {
        var warnings: [PlantedWarning] = []
        for rule in Self.meetingRules { warnings += meetings(rule) }
        let members = partyMembers()
        warnings += monthlyDrift("participation-gap", members, floorOffset: 0) { ledger.lastParticipation[$0.id] }
        warnings += monthlyDrift("dues-arrears", members, floorOffset: -1) { $0.paidMonths.max() }
        warnings += study(members)
        warnings += probation()
        warnings += committeeTerms()
        warnings += branchStructure(members)
        warnings += earlyCandidates()
        warnings += applicantTalks()
        return warnings.sorted()
    }

    private var month: String { day.yearMonth.description }

    /// Everyone on a roll on the day, in id order.
    private var onRoll: [Member] {
        state.members.values.filter { $0.status != .left }.sorted { $0.id < $1.id }
    }

    private func partyMembers() -> [Member] { onRoll.filter { $0.status.isPartyMember } }

    private func meetings(_ rule: (id: String, type: MeetingType, reminderDays: Int, needsCommittee: Bool)) -> [PlantedWarning] {
        let judged = rule.type == .groupMeeting ? groups : branches
        let current = SimulationPeriod(Engine.frequency(of: rule.type), containing: day.yearMonth)
        var periods: [(SimulationPeriod, String)] = []
        var period = current.previous
        while period.lastDay >= day.adding(days: -Self.lookBackDays) {
            periods.append((period, "red"))
            period = period.previous
        }
        if day.days(until: current.lastDay) <= rule.reminderDays { periods.append((current, "yellow")) }
        return periods.flatMap { period, severity in
            judged.filter { org in
                guard organisationsSince <= period.firstDay else { return false }
                if rule.needsCommittee, !(ledger.firstElection[org].map { $0 <= period.firstDay } ?? false) { return false }
                return !ledger.held(rule.type, by: org, in: period)
            }.map { PlantedWarning(rule: rule.id, severity: severity, org: $0, period: period.description) }
        }
    }

    /// Whole months after the last good month (floored at the month of joining, shifted by
    /// `floorOffset`) and before the day's month: 3 yellow, 6 red.
    private func monthlyDrift(_ rule: String, _ members: [Member], floorOffset: Int, lastGood: (Member) -> Int?) -> [PlantedWarning] {
        members.compactMap { member in
            guard let joined = member.joined else { return nil }
            let floor = joined.yearMonth.index + floorOffset
            let gap = day.yearMonth.index - max(lastGood(member) ?? floor, floor) - 1
            guard gap >= 3 else { return nil }
            return PlantedWarning(rule: rule, severity: gap >= 6 ? "red" : "yellow", org: member.current.branch, subject: member.id, period: month)
        }
    }

    private func study(_ members: [Member]) -> [PlantedWarning] {
        var years = [(day.year - 1, "red")]
        if day.month >= 10 { years.append((day.year, "yellow")) }
        return years.flatMap { year, severity in
            members.compactMap { member -> PlantedWarning? in
                guard let joined = member.joined else { return nil }
                let firstWhole = joined.day == 1 ? joined.yearMonth.index : joined.yearMonth.index + 1
                let months = max(0, YearMonth(year: year, month: 12)!.index - max(firstWhole, YearMonth(year: year, month: 1)!.index) + 1)
                guard months > 0 else { return nil }
                let target = (member.role == .member ? 32 : 56) * 10 * months / 12
                guard ledger.studyTenths[Ledger.MemberYear(member: member.id, year: year)] ?? 0 < target else { return nil }
                return PlantedWarning(rule: "study-hours", severity: severity, org: member.current.branch, subject: member.id, period: String(year))
            }
        }
    }

    /// Yellow from `reminderDays` before `due` through `due`, red after it.
    private func judge(_ due: CalendarDate, reminderDays: Int) -> String? {
        if day > due { return "red" }
        return day >= due.adding(days: -reminderDays) ? "yellow" : nil
    }

    private func probation() -> [PlantedWarning] {
        onRoll.compactMap { member in
            guard member.status == .probationary, let end = member.probationEnds, let severity = judge(end, reminderDays: 30) else { return nil }
            return PlantedWarning(rule: "probation-due", severity: severity, org: member.current.branch, subject: member.id, period: month)
        }
    }

    private func committeeTerms() -> [PlantedWarning] {
        branches.compactMap { branch in
            guard let term = state.organisations[branch]?.committee, let severity = judge(term.termEnds, reminderDays: 90) else { return nil }
            return PlantedWarning(rule: "committee-term", severity: severity, org: branch, period: month)
        }
    }

    /// At least 3 full members (red), a committee from 7, of 3 to 7 people, at most 50 members.
    private func branchStructure(_ members: [Member]) -> [PlantedWarning] {
        var full: [String: Int] = [:]
        var all: [String: Int] = [:]
        for member in members {
            all[member.current.branch, default: 0] += 1
            if member.status == .full { full[member.current.branch, default: 0] += 1 }
        }
        return branches.compactMap { branch in
            let fullCount = full[branch] ?? 0
            let committee = state.organisations[branch]?.committee
            let tooFew = fullCount < 3
            let problems = tooFew || (fullCount >= 7 && committee == nil) || committee.map { !(3...7).contains($0.members.count) } ?? false
                || (all[branch] ?? 0) > 50
            guard problems else { return nil }
            return PlantedWarning(rule: "branch-structure", severity: tooFew ? "red" : "yellow", org: branch, period: month)
        }
    }

    /// Candidates made within the look-back year less than twelve months after becoming activists.
    private func earlyCandidates() -> [PlantedWarning] {
        ledger.candidatePromotions.compactMap { promotion in
            guard promotion.date >= day.adding(days: -Self.lookBackDays), promotion.date <= day,
                  promotion.activistSince.adding(months: 12) > promotion.date,
                  let member = state.members[promotion.member], member.status != .left else { return nil }
            return PlantedWarning(rule: "activist-duration", severity: "yellow", org: member.current.branch, subject: member.id,
                                  period: promotion.date.yearMonth.description)
        }
    }

    /// Applicants with no talk recorded: due a month after applying, yellow in its last week.
    private func applicantTalks() -> [PlantedWarning] {
        onRoll.compactMap { member in
            guard member.status == .applicant, ledger.talkedOn[member.id] == nil,
                  let severity = judge(member.statusSince.adding(months: 1), reminderDays: 7) else { return nil }
            return PlantedWarning(rule: "applicant-talk", severity: severity, org: member.current.branch, subject: member.id, period: month)
        }
    }
}
