import PartyBuilding

/// What happens on a day, each through the command a secretary would type.
extension Engine {
    func perform(_ action: Action, on day: CalendarDate) throws {
        switch action {
        case .meeting(let plan): try logMeeting(plan, on: day)
        case .correctMeeting(let id, let branch): try correctMeeting(id, branch: branch, on: day)
        case .retractMeeting(let id, let branch, let reason):
            try record(CommandParsing.retractMeeting(Recorder.fields(["reason": reason]), meeting: id), on: day, by: actor(of: branch))
            openMeetings.remove(id)
        case .branchStudy(let branch, let date):
            let members = partyMembers(of: branch, on: date).filter { id in
                !(people[id]?.studiesLittle.contains(date.year) ?? false) || date.month <= 5
            }
            try logStudy(members, on: date, tenths: 40, kind: rng.pick([.lecture, .online, .selfStudy, .partySchool]),
                         course: rng.pick(Words.courses), actor: actor(of: branch))
        case .leaderTraining(let community, let date):
            let members = communities[community].branches.flatMap { branch in
                (branches[branch].leaders.isEmpty ? [branches[branch].secretary] : branches[branch].leaders)
                    .filter { member($0)?.belongs(to: branches[branch].id, on: date) ?? false }
            }
            try logStudy(members, on: date, tenths: 120, kind: .partySchool, course: "支部书记和支委培训", actor: Self.organisationDepartment)
        case .dues(let id, let month): try payDues(id, month: month, on: day)
        case .application(let branch, let skipsTalk):
            let groups = branches[branch].groups
            let id = try addPerson(branch: branch, group: groups.isEmpty ? nil : rng.pick(groups), status: .applicant, since: day, on: day)
            people[id]!.skipsTalk = skipsTalk
            people[id]!.frozen = skipsTalk
            people[id]!.settled = true
            planNextStep(id)
        case .talk(let id, let branch, let date):
            try record(CommandParsing.recordTalk(Recorder.fields([
                "id": id, "date": date.description, "by": branches[branch].secretary, "note": "了解入党动机，介绍党的基本知识",
            ])), on: day, by: actor(of: branch))
            ledger.talkedOn[id] = min(ledger.talkedOn[id] ?? date, date)
        case .promote(let id, let status, let override): try promote(id, to: status, override: override, on: day)
        case .probationDecision(let id): try decideProbation(id, on: day)
        case .transfer(let id, let target):
            guard let member = member(id), member.status == .full, let from = branchIndex[member.current.branch], from != target else { return }
            let groups = branches[target].groups
            try record(CommandParsing.transfer(Recorder.fields([
                "id": id, "to-branch": branches[target].id, "group": groups.isEmpty ? nil : rng.pick(groups), "date": day.description,
            ])), on: day, by: actor(of: target))
            moveOnRoster(id, from: from, to: target)
        case .leave(let id, let reason):
            guard let member = member(id), member.status == .full, let from = branchIndex[member.current.branch] else { return }
            try record(CommandParsing.leave(Recorder.fields(["id": id, "reason": reason.rawValue, "date": day.description])),
                       on: day, by: actor(of: from))
            moveOnRoster(id, from: from, to: nil)
        case .election(let branch):
            if branches[branch].plannedElections.first == day { branches[branch].plannedElections.removeFirst() }
            try elect(branch, on: day, today: day)
        }
    }

    /// The next step along the pipeline for someone who just reached their status.
    func planNextStep(_ id: String) {
        guard let person = people[id], !person.frozen, let member = member(id), let branch = branchIndex[member.current.branch] else { return }
        let since = member.statusSince
        switch member.status {
        case .applicant:
            if !person.skipsTalk {
                let talkDay = since.adding(days: rng.int(7...20))
                schedule(.talk(member: id, branch: branch, date: talkDay), on: talkDay)
            }
            schedule(.promote(member: id, to: .activist, override: nil), on: since.adding(days: rng.int(60...150)))
        case .activist:
            schedule(.promote(member: id, to: .candidate, override: nil), on: since.adding(years: 1).adding(days: rng.int(0...50)))
        case .candidate:
            schedule(.promote(member: id, to: .probationary, override: nil), on: since.adding(days: rng.int(60...120)))
        case .probationary:
            if !person.forgetsProbationDecision, let ends = member.probationEnds { schedule(.probationDecision(member: id), on: ends) }
        case .full, .left:
            break
        }
    }

    private func logMeeting(_ plan: MeetingPlan, on day: CalendarDate) throws {
        let branch = branches[plan.branch]
        let invited = plan.type == .committeeMeeting
            ? branch.leaders.filter { member($0)?.belongs(to: branch.id, on: plan.date) ?? false }
            : partyMembers(of: plan.branch, group: plan.group, on: plan.date)
        var attendees: [String] = []
        var absentees: [String] = []
        var onLeave: [String] = []
        for id in invited {
            if let last = people[id]?.lastParticipation, plan.date.yearMonth > last {
                absentees.append(id)
                continue
            }
            let roll = rng.int(0...99)
            // Theme days and group meetings are where everyone shows up or asks for leave.
            let everyoneAccounted = plan.type == .themeDay || plan.type == .groupMeeting
            if id == branch.secretary || roll < 88 || (everyoneAccounted && roll < 94) {
                attendees.append(id)
            } else if roll < 94 || everyoneAccounted {
                onLeave.append(id + ":" + rng.pick(Words.leaveReasons))
            } else {
                absentees.append(id)
            }
        }
        guard !attendees.isEmpty else { return }
        let secretaryAttends = attendees.contains(branch.secretary)
        let fields: [String: String?] = [
            "branch": branch.id, "group": plan.group, "type": plan.type.rawValue, "date": plan.date.description,
            "topic": rng.pick(Words.topics[plan.type.rawValue]!), "place": rng.pick(Words.places),
            "host": plan.type == .groupMeeting || !secretaryAttends ? attendees[0] : branch.secretary,
            "recorder": branch.leaders.count > 1 && attendees.contains(branch.leaders[1]) ? branch.leaders[1] : nil,
            "lecturer": plan.type == .partyLecture ? branch.secretary : nil,
            "attendees": attendees.joined(separator: ","), "absent": absentees.joined(separator: ","),
            "on-leave": onLeave.joined(separator: ","),
            "guests": plan.type == .memberAssembly && rng.chance(0.3) ? "社区居委会主任" : nil,
            "late-reason": plan.late ? rng.pick(Words.lateReasons) : nil,
        ]
        let id = recorder.newID()
        try record(CommandParsing.logMeeting(Recorder.fields(fields), meeting: id), on: day, by: actor(of: plan.branch))
        if plan.retracted && day.adding(days: 5) <= end {
            openMeetings.insert(id)
            schedule(.retractMeeting(id: id, branch: plan.branch, reason: Words.retractionReasons[1]), on: day.adding(days: rng.int(1...5)))
            return
        }
        ledger.meetingHeld(recorder.state.meetings[id]!.record)
        if plan.duplicated && day.adding(days: 5) <= end {
            let duplicate = recorder.newID()
            try record(CommandParsing.logMeeting(Recorder.fields(fields), meeting: duplicate), on: day, by: actor(of: plan.branch))
            openMeetings.insert(duplicate)
            schedule(.retractMeeting(id: duplicate, branch: plan.branch, reason: Words.retractionReasons[0]), on: day.adding(days: rng.int(1...5)))
        }
        if plan.corrected && day.adding(days: 10) <= end {
            openMeetings.insert(id)
            schedule(.correctMeeting(id: id, branch: plan.branch), on: day.adding(days: rng.int(1...10)))
        }
    }

    /// A wrong place or topic put right; attendance is never changed, so the corrections
    /// leave every rule's outcome as it was.
    private func correctMeeting(_ id: String, branch: Int, on day: CalendarDate) throws {
        guard let record = recorder.state.meetings[id]?.record else { return }
        let fixesPlace = rng.chance(0.5)
        var fields: [String: String?] = ["reason": Words.correctionReasons[fixesPlace ? 0 : 1]]
        if fixesPlace {
            fields["place"] = Words.places.first { $0 != record.place }
        } else {
            fields["topic"] = record.topic + "（专题）"
        }
        try self.record(CommandParsing.correctMeeting(Recorder.fields(fields), meeting: id), on: day, by: actor(of: branch))
        openMeetings.remove(id)
    }

    private func logStudy(_ members: [String], on date: CalendarDate, tenths: Int, kind: StudyKind, course: String, actor: String) throws {
        guard !members.isEmpty else { return }
        try record(CommandParsing.logStudy(Recorder.fields([
            "member": members.joined(separator: ","), "date": date.description, "hours": "\(tenths / 10).\(tenths % 10)",
            "kind": kind.rawValue, "course": course,
        ]), session: recorder.newID()), on: date, by: actor)
        ledger.studied(members, tenths: tenths, on: date)
    }

    /// Pays from the month after the last one paid (the first simulated month, or the month
    /// of joining, for a first payment) through this month, or this quarter for quarterly payers.
    private func payDues(_ id: String, month: YearMonth, on day: CalendarDate) throws {
        guard let person = people[id], let member = member(id), member.status.isPartyMember, let joined = member.joined, joined <= day,
              let branch = branchIndex[member.current.branch] else { return }
        let to = YearMonth(index: person.quarterlyPayer ? month.index + 2 : month.index)
        let from = YearMonth(index: member.paidMonths.max().map { $0 + 1 } ?? max(joined.yearMonth.index, start.yearMonth.index))
        guard from <= to else { return }
        let fen = person.monthlyDuesFen * Int64(to.index - from.index + 1)
        try record(CommandParsing.payDues(Recorder.fields([
            "member": id, "from": from.description, "to": to.description, "amount": "\(fen / 100).\(Self.padded(Int(fen % 100), 2))",
            "date": day.description,
        ]), payment: recorder.newID(), today: day), on: day, by: actor(of: branch))
    }

    private func promote(_ id: String, to status: MemberStatus, override: String?, on day: CalendarDate) throws {
        guard let member = member(id), member.status.next == status, let branch = branchIndex[member.current.branch] else { return }
        try record(CommandParsing.promote(Recorder.fields([
            "id": id, "to": status.rawValue, "date": day.description, "override": override,
        ])), on: day, by: actor(of: branch))
        if status == .candidate, let activistSince = member.activistSince {
            ledger.candidatePromotions.append((id, day, activistSince))
        }
        if status == .probationary {
            try logStudy([id], on: day, tenths: 160, kind: .training, course: "新党员入党培训", actor: actor(of: branch))
        }
        planNextStep(id)
    }

    /// On the day probation ends: mostly full membership, sometimes an extension (once), rarely cancellation.
    private func decideProbation(_ id: String, on day: CalendarDate) throws {
        guard let member = member(id), member.status == .probationary, let branch = branchIndex[member.current.branch] else { return }
        let roll = rng.int(0...99)
        if roll < 7 && !member.probationExtended {
            try record(CommandParsing.extendProbation(Recorder.fields([
                "id": id, "months": "6", "date": day.description, "reason": "需进一步考察",
            ])), on: day, by: actor(of: branch))
            planNextStep(id)
        } else if roll < 9 {
            try record(CommandParsing.cancelProbation(Recorder.fields([
                "id": id, "date": day.description, "reason": "不具备党员条件",
            ])), on: day, by: actor(of: branch))
            moveOnRoster(id, from: branch, to: nil)
        } else {
            try promote(id, to: .full, override: nil, on: day)
        }
    }
}
