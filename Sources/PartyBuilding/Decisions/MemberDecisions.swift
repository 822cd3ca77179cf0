extension Rules {
    func addMember(_ c: AddMember) throws -> [DomainEvent] {
        guard state.members[c.id] == nil else { throw DomainError.memberExists(id: c.id) }
        _ = try branch(c.branch)
        if let group = c.group { try requireGroup(group, of: c.branch) }
        try requireNotFuture(c.since)
        let role = c.role ?? .member
        if role != .member && c.status != .full { throw DomainError.roleNeedsFullMember(member: c.id, role: role) }
        // The ID-card number and phone are not decided here: `decideSealingPersonalData` seals them.
        return [.memberAdded(MemberAdded(
            member: c.id, name: c.name, branch: c.branch, group: c.group, status: c.status, since: c.since, role: role,
            probationEnds: c.status == .probationary ? Self.probationEnd(admittedOn: c.since) : nil))]
    }

    /// Erasure (PIPL art. 47) is allowed whatever the member's status, a person who left
    /// included; there must be sealed data to erase.
    func erasePersonalData(_ c: ErasePersonalData) throws -> [DomainEvent] {
        let member = try member(c.member)
        try requireNotFuture(c.date)
        guard !member.personalKeyIDs.isEmpty else {
            throw DomainError.noPersonalDataToErase(member: c.member, erasedOn: member.personalDataErased)
        }
        return [.memberPersonalDataErased(MemberPersonalDataErased(
            member: c.member, date: c.date, reason: c.reason, keyIDs: member.personalKeyIDs))]
    }

    /// Probation lasts one year from admission (党章 第七条).
    static func probationEnd(admittedOn date: CalendarDate) -> CalendarDate { date.adding(years: 1) }

    func promote(_ c: PromoteMember) throws -> [DomainEvent] {
        let member = try activeMember(c.member, changingOn: c.date)
        guard member.status.next == c.to else {
            throw DomainError.notNextStep(member: c.member, from: member.status, to: c.to)
        }
        if c.to == .candidate, c.override == nil, let since = member.activistSince, c.date < since.adding(years: 1) {
            throw DomainError.activistYearNotComplete(member: c.member, activistSince: since, earliest: since.adding(years: 1))
        }
        if c.to == .full, let ends = member.probationEnds, c.date < ends {
            throw DomainError.conversionBeforeProbationEnds(member: c.member, probationEnds: ends)
        }
        return [.memberPromoted(MemberPromoted(
            member: c.member, branch: member.current.branch, from: member.status, to: c.to, date: c.date,
            override: c.to == .candidate ? c.override : nil,
            probationEnds: c.to == .probationary ? Self.probationEnd(admittedOn: c.date) : nil))]
    }

    func extendProbation(_ c: ExtendProbation) throws -> [DomainEvent] {
        let member = try activeMember(c.member, changingOn: c.date)
        guard member.status == .probationary, let ends = member.probationEnds else {
            throw DomainError.notProbationary(member: c.member, status: member.status)
        }
        guard !member.probationExtended else { throw DomainError.probationAlreadyExtended(member: c.member) }
        return [.probationExtended(ProbationExtended(
            member: c.member, branch: member.current.branch, months: c.months, date: c.date, reason: c.reason,
            probationEnds: ends.adding(months: c.months)))]
    }

    func cancelProbation(_ c: CancelProbation) throws -> [DomainEvent] {
        let member = try activeMember(c.member, changingOn: c.date)
        guard member.status == .probationary else {
            throw DomainError.notProbationary(member: c.member, status: member.status)
        }
        return [.probationCancelled(ProbationCancelled(
            member: c.member, branch: member.current.branch, date: c.date, reason: c.reason))]
    }

    func transfer(_ c: TransferMember) throws -> [DomainEvent] {
        let member = try activeMember(c.member, changingOn: c.date)
        _ = try branch(c.toBranch)
        if let group = c.toGroup { try requireGroup(group, of: c.toBranch) }
        let current = member.current
        guard current.branch != c.toBranch || current.group != c.toGroup else {
            throw DomainError.alreadyInBranch(member: c.member, branch: c.toBranch)
        }
        return [.memberTransferred(MemberTransferred(
            member: c.member, fromBranch: current.branch, fromGroup: current.group,
            toBranch: c.toBranch, toGroup: c.toGroup, date: c.date))]
    }

    func leave(_ c: RecordLeaving) throws -> [DomainEvent] {
        let member = try activeMember(c.member, changingOn: c.date)
        return [.memberLeft(MemberLeft(member: c.member, branch: member.current.branch, reason: c.reason, date: c.date))]
    }

    func changeRole(_ c: ChangeRole) throws -> [DomainEvent] {
        let member = try activeMember(c.member, changingOn: c.date)
        if c.role != .member && member.status != .full { throw DomainError.roleNeedsFullMember(member: c.member, role: c.role) }
        return [.memberRoleChanged(MemberRoleChanged(
            member: c.member, branch: member.current.branch, role: c.role, date: c.date))]
    }

    /// The talk with an applicant (《发展党员工作细则》: within a month of the application). It
    /// may be recorded after the person has moved on, as long as they were an applicant on
    /// the day; whoever held it was a party member then.
    func recordTalk(_ c: RecordTalk) throws -> [DomainEvent] {
        let member = try member(c.member)
        try requireNotFuture(c.date)
        guard let appliedOn = member.appliedOn else {
            throw DomainError.notAnApplicant(member: c.member, date: c.date)
        }
        guard c.date >= appliedOn else {
            throw DomainError.talkBeforeApplication(member: c.member, date: c.date, appliedOn: appliedOn)
        }
        guard member.wasApplicant(on: c.date), let placement = member.placements.last(where: { $0.covers(c.date) }) else {
            throw DomainError.notAnApplicant(member: c.member, date: c.date)
        }
        if let by = c.by, !(try self.member(by)).wasPartyMember(on: c.date) {
            throw DomainError.notAPartyMember(member: by, date: c.date)
        }
        return [.memberTalked(MemberTalked(member: c.member, branch: placement.branch, date: c.date, by: c.by, note: c.note))]
    }
}
