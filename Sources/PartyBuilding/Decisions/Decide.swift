/// The rules: what a command produces given the state, or why it is refused.
///
/// A pure function: `today` is passed in (the CLI reads it from the district's clock or
/// `DANGJIAN_TODAY`), so every rule is testable without a database or a clock.
///
/// Personal data a command carries (ID-card number, phone) is not among these events: it is
/// only ever recorded sealed, by `decideSealingPersonalData`.
public func decide(_ command: DomainCommand, _ state: DomainState, today: CalendarDate) throws -> [DomainEvent] {
    let rules = Rules(state: state, today: today)
    switch command {
    case .addOrganisation(let c): return try rules.addOrganisation(c)
    case .addMember(let c): return try rules.addMember(c)
    case .promoteMember(let c): return try rules.promote(c)
    case .extendProbation(let c): return try rules.extendProbation(c)
    case .cancelProbation(let c): return try rules.cancelProbation(c)
    case .transferMember(let c): return try rules.transfer(c)
    case .recordLeaving(let c): return try rules.leave(c)
    case .changeRole(let c): return try rules.changeRole(c)
    case .recordTalk(let c): return try rules.recordTalk(c)
    case .erasePersonalData(let c): return try rules.erasePersonalData(c)
    case .electCommittee(let c): return try rules.electCommittee(c)
    case .logMeeting(let c): return try rules.logMeeting(c)
    case .correctMeeting(let c): return try rules.correctMeeting(c)
    case .retractMeeting(let c): return try rules.retractMeeting(c)
    case .logStudy(let c): return try rules.logStudy(c)
    case .payDues(let c): return try rules.payDues(c)
    }
}

/// What a command records: the events `decide` gives, then its personal data sealed under a
/// new key, and the keys to store with them in the same transaction.
public struct SealedDecision: Sendable {
    public var events: [DomainEvent]
    public var keys: [PersonalDataKey]
}

/// `decide`, with the command's personal data sealed (`PersonalDataSealing`) as one more
/// event of the member's stream: the way every writer that records personal data decides.
public func decideSealingPersonalData(
    _ command: DomainCommand, _ state: DomainState, today: CalendarDate
) throws -> SealedDecision {
    var decision = SealedDecision(events: try decide(command, state, today: today), keys: [])
    if let entry = command.personalData {
        let (event, key) = try PersonalDataSealing.seal(entry)
        decision.events.append(.memberPersonalDataRecorded(event))
        decision.keys.append(key)
    }
    return decision
}

/// The state and the day the rules are judged against, with the checks several rules share.
struct Rules {
    let state: DomainState
    let today: CalendarDate

    /// Meetings logged more than this many days after they took place need a reason.
    static let lateLoggingDays = 30

    func requireNotFuture(_ date: CalendarDate) throws {
        if date > today { throw DomainError.futureDate(date: date, today: today) }
    }

    func organisation(_ id: String) throws -> Organisation {
        guard let organisation = state.organisations[id] else { throw DomainError.unknownOrganisation(id: id) }
        return organisation
    }

    /// A branch or general branch: the organisations that hold members.
    func branch(_ id: String) throws -> Organisation {
        let organisation = try organisation(id)
        guard organisation.kind.holdsMembers else { throw DomainError.notABranch(id: id) }
        return organisation
    }

    func requireGroup(_ group: String, of branch: String) throws {
        let organisation = try organisation(group)
        guard organisation.kind == .group, organisation.parent == branch else {
            throw DomainError.groupNotInBranch(group: group, branch: branch)
        }
    }

    func member(_ id: String) throws -> Member {
        guard let member = state.members[id] else { throw DomainError.unknownMember(id: id) }
        return member
    }

    /// A member who may still change: on the roll, and `date` not before their latest change nor in the future.
    func activeMember(_ id: String, changingOn date: CalendarDate) throws -> Member {
        let member = try member(id)
        guard member.status != .left else { throw DomainError.memberHasLeft(member: id) }
        guard date >= member.lastChange else {
            throw DomainError.dateBeforeLastChange(member: id, date: date, lastChange: member.lastChange)
        }
        try requireNotFuture(date)
        return member
    }

    func requireNoDuplicates(_ ids: [String]) throws {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            throw DomainError.listedTwice(member: id)
        }
    }
}
