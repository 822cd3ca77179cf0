import PartyBuilding

/// Each month's plan: the meetings every branch should hold (and which a lax branch will
/// not), study sessions, dues, new applicants, transfers and departures.
extension Engine {
    func planMonth(_ month: YearMonth) {
        for branch in branches.indices {
            planMeetings(branch, month)
            let studyDay = randomDay(in: month, 15...25)
            schedule(.branchStudy(branch: branch, date: studyDay), on: studyDay)
            planDues(branch, month)
            planComingsAndGoings(branch, month)
        }
        if month.month == 3 || month.month == 5 {
            for community in communities.indices {
                let trainingDay = randomDay(in: month, 18...24)
                schedule(.leaderTraining(community: community, date: trainingDay), on: trainingDay)
            }
        }
    }

    static func frequency(of type: MeetingType) -> SimulationPeriod.Frequency {
        switch type {
        case .committeeMeeting, .groupMeeting, .themeDay: .monthly
        case .memberAssembly, .partyLecture: .quarterly
        case .lifeMeeting, .memberReview: .yearly
        }
    }

    private func planMeetings(_ branch: Int, _ month: YearMonth) {
        if !branches[branch].leaders.isEmpty { planMeeting(branch, nil, .committeeMeeting, randomDay(in: month, 1...8)) }
        planMeeting(branch, nil, .themeDay, randomDay(in: month, 5...12))
        for group in branches[branch].groups { planMeeting(branch, group, .groupMeeting, randomDay(in: month, 10...20)) }
        if month.month % 3 == 2 {
            planMeeting(branch, nil, .memberAssembly, randomDay(in: month, 10...20))
            // A lax branch often leaves the quarter's lecture to its last fortnight.
            let lateLecture = branches[branch].lax && rng.chance(0.5)
            planMeeting(branch, nil, .partyLecture, lateLecture ? randomDay(in: YearMonth(index: month.index + 1), 18...28) : randomDay(in: month, 15...25))
        }
        if month.month == 9 { planMeeting(branch, nil, .memberReview, randomDay(in: month, 10...25)) }
        if month.month == 10 { planMeeting(branch, nil, .lifeMeeting, randomDay(in: month, 10...28)) }
    }

    private func planMeeting(_ branch: Int, _ group: String?, _ type: MeetingType, _ date: CalendarDate) {
        guard date <= end else { return }
        var plan = MeetingPlan(branch: branch, group: group, type: type, date: date)
        let period = SimulationPeriod(Self.frequency(of: type), containing: date.yearMonth)
        if branches[branch].forcedMisses.contains(Self.missKey(type, group: group, period: period)) {
            // The showcase's member assembly is logged by mistake and retracted; the others are simply not held.
            guard type == .memberAssembly else { return }
            plan.retracted = true
        } else if branches[branch].lax && rng.chance(0.12) {
            // Never two theme days in a row: members' participation must not lapse by accident.
            let month = date.yearMonth.index
            if type != .themeDay || branches[branch].lastThemeDayMissed != month - 1 {
                if type == .themeDay { branches[branch].lastThemeDayMissed = month }
                guard rng.chance(0.2) else { return }
                plan.retracted = true
            }
        }
        var logDay = min(date.adding(days: rng.int(0...3)), end)
        if branches[branch].lax && rng.chance(0.2) && date.adding(days: 45) <= end {
            plan.late = true
            logDay = date.adding(days: rng.int(31...45))
        }
        plan.duplicated = rng.chance(0.01)
        plan.corrected = rng.chance(0.03)
        schedule(.meeting(plan), on: logDay)
    }

    private func planDues(_ branch: Int, _ month: YearMonth) {
        for id in branches[branch].roster {
            guard let person = people[id], let status = member(id)?.status, status.isPartyMember else { continue }
            if let last = person.lastPaidMonth, month > last { continue }
            if person.quarterlyPayer && month.month % 3 != 1 { continue }
            let day = CalendarDate(year: month.year, month: month.month, day: min(person.payDay, CalendarDate.daysIn(month: month.month, year: month.year)))!
            schedule(.dues(member: id, month: month), on: day)
        }
    }

    private func planComingsAndGoings(_ branch: Int, _ month: YearMonth) {
        guard branches[branch].shape == .regular else { return }
        if rng.chance(0.12) { schedule(.application(branch: branch, skipsTalk: false), on: randomDay(in: month, 1...28)) }
        let neighbours = communities[branches[branch].community].branches.filter { $0 != branch && branches[$0].shape == .regular }
        for id in branches[branch].roster {
            guard let person = people[id], !person.settled, member(id)?.status == .full else { continue }
            if !neighbours.isEmpty && rng.chance(0.002) {
                schedule(.transfer(member: id, to: rng.pick(neighbours)), on: randomDay(in: month, 1...28))
            } else if rng.chance(0.001) {
                schedule(.leave(member: id, reason: rng.chance(0.5) ? .deceased : .transferredOut), on: randomDay(in: month, 1...28))
            }
        }
    }
}
