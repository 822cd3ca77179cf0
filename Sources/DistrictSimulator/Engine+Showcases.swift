import PartyBuilding

/// In every street, at least one case of each warning the rules can raise, placed on
/// purpose: a lax branch that misses each kind of meeting once, committees whose terms
/// fall due or ran out, drifting members, a forgotten probation, an early candidate,
/// applicants nobody talked to.
extension Engine {
    func plantShowcases(among regular: [Int]) throws {
        var candidates = regular
        func takeBranch(_ suitable: (SimBranch) -> Bool = { _ in true }) -> Int {
            let index = candidates.indices.filter { suitable(branches[candidates[$0]]) }
            return candidates.remove(at: rng.pick(index))
        }
        plantMissedMeetings(takeBranch { !$0.groups.isEmpty })
        planCommitteeCycle(takeBranch(), endingOn: end.adding(days: rng.int(10...80)), then: .lastMinute)
        planCommitteeCycle(takeBranch(), endingOn: end.adding(days: -rng.int(20...150)), then: .never)

        let ordinary = regular.flatMap { branch in
            branches[branch].roster.filter { id in
                guard let person = people[id], !person.settled else { return false }
                return member(id)?.status == .full
            }
        }
        var chosen = Set<String>()
        func takeMember() -> String {
            while true {
                let id = rng.pick(ordinary)
                if chosen.insert(id).inserted { return id }
            }
        }
        driftAway(takeMember(), monthsAgo: rng.int(3...5))
        driftAway(takeMember(), monthsAgo: rng.int(6...8))
        stopPaying(takeMember(), monthsAgo: rng.int(3...5))
        stopPaying(takeMember(), monthsAgo: rng.int(6...8))
        studyLittle(takeMember())

        // A probation that ended during the simulation without the branch deciding anything.
        let forgottenEnd = start.adding(days: rng.int(30...min(365, start.days(until: end) - 10)))
        let forgotten = try addPerson(branch: rng.pick(regular), group: nil, status: .probationary,
                                      since: forgottenEnd.adding(years: -1), on: start)
        people[forgotten]!.forgetsProbationDecision = true
        people[forgotten]!.settled = true

        // A candidate admitted a year before the end: their probation falls due just after it.
        let dueSoon = try addPerson(branch: rng.pick(regular), group: nil, status: .candidate, since: start.adding(days: -30), on: start)
        people[dueSoon]!.frozen = true
        people[dueSoon]!.settled = true
        schedule(.promote(member: dueSoon, to: .probationary, override: nil), on: end.adding(years: -1).adding(days: rng.int(1...25)))

        // An activist made a candidate after eight months, with the committee's override.
        let branch = rng.pick(regular)
        let early = try addPerson(branch: branch, group: nil, status: .applicant, since: start.adding(days: -20), on: start)
        people[early]!.frozen = true
        people[early]!.settled = true
        schedule(.talk(member: early, branch: branch, date: start.adding(days: -10)), on: start)
        schedule(.promote(member: early, to: .activist, override: nil), on: max(start.adding(days: 30), end.adding(days: -300)))
        schedule(.promote(member: early, to: .candidate, override: "表现突出，经党委研究提前列为发展对象"), on: end.adding(days: -40))

        // Applicants nobody has talked to: one long overdue, one due within the week.
        schedule(.application(branch: rng.pick(regular), skipsTalk: true), on: end.adding(days: -rng.int(40...80)))
        schedule(.application(branch: rng.pick(regular), skipsTalk: true), on: end.adding(months: -1).adding(days: rng.int(0...6)))
    }

    /// Misses each meeting type once in the year before the end; the member assembly is
    /// logged and then retracted as never held.
    private func plantMissedMeetings(_ branch: Int) {
        let month = end.yearMonth
        let quarter = SimulationPeriod(.quarterly, containing: month).previous
        let lastYear = SimulationPeriod(.yearly, containing: month).previous
        let misses: [(MeetingType, String?, SimulationPeriod)] = [
            (.committeeMeeting, nil, SimulationPeriod(.monthly, containing: YearMonth(index: month.index - rng.int(1...10)))),
            (.themeDay, nil, SimulationPeriod(.monthly, containing: YearMonth(index: month.index - rng.int(1...10)))),
            (.groupMeeting, branches[branch].groups[0], SimulationPeriod(.monthly, containing: YearMonth(index: month.index - rng.int(1...10)))),
            (.memberAssembly, nil, quarter), (.partyLecture, nil, quarter),
            (.lifeMeeting, nil, lastYear), (.memberReview, nil, lastYear),
        ]
        for (type, group, period) in misses {
            branches[branch].forcedMisses.insert(Self.missKey(type, group: group, period: period))
        }
    }

    static func missKey(_ type: MeetingType, group: String?, period: SimulationPeriod) -> String {
        type.rawValue + "|" + (group ?? "") + "|" + period.description
    }

    /// Fixes a branch's elections so that a term ends on `termEnd`: earlier terms were
    /// renewed thirty days before they ran out, and this one is renewed as `then` says.
    private func planCommitteeCycle(_ branch: Int, endingOn termEnd: CalendarDate, then: SimBranch.Reelection) {
        let years = branches[branch].termYears
        var dates = [termEnd.adding(years: -years)]
        while dates[0] > start {
            dates.insert(dates[0].adding(days: 30).adding(years: -years), at: 0)
        }
        branches[branch].plannedElections = dates
        branches[branch].reelection = then
    }
}
