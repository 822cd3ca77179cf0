extension Rules {
    func logStudy(_ c: LogStudy) throws -> [DomainEvent] {
        guard !state.studySessions.contains(c.session) else { throw DomainError.recordExists(id: c.session) }
        try requireNotFuture(c.date)
        guard !c.members.isEmpty else { throw DomainError.missingField(name: "member") }
        try requireNoDuplicates(c.members)
        for id in c.members where !(try member(id)).isOnRoll(on: c.date) {
            throw DomainError.notOnRoll(member: id, date: c.date)
        }
        return [.studyLogged(StudyLogged(
            session: c.session, members: c.members, date: c.date, hoursTenths: c.hoursTenths, kind: c.kind, course: c.course))]
    }

    func payDues(_ c: PayDues) throws -> [DomainEvent] {
        guard !state.duesPayments.contains(c.payment) else { throw DomainError.recordExists(id: c.payment) }
        let member = try member(c.member)
        try requireNotFuture(c.date)
        guard c.from <= c.to else { throw DomainError.duesMonthsReversed(from: c.from, to: c.to) }
        guard let joined = member.joined, joined <= c.date, let placement = member.placements.last(where: { $0.covers(c.date) })
        else { throw DomainError.notAPartyMember(member: c.member, date: c.date) }
        if c.from < joined.yearMonth {
            throw DomainError.duesBeforeJoining(member: c.member, month: c.from, joined: joined)
        }
        for index in c.from.index...c.to.index where member.paidMonths.contains(index) {
            throw DomainError.duesAlreadyPaid(member: c.member, month: YearMonth(index: index))
        }
        return [.duesPaid(DuesPaid(
            payment: c.payment, member: c.member, branch: placement.branch, from: c.from, to: c.to,
            months: c.to.index - c.from.index + 1, amountFen: c.amountFen, date: c.date))]
    }
}
