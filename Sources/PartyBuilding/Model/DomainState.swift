/// An organisation as the rules need it.
public struct Organisation: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: OrganisationKind
    public var parent: String?
    public var setting: BranchSetting?
    public var since: CalendarDate
    /// The latest committee election, if any.
    public var committee: CommitteeElected?
}

/// A stretch of time a member spent in one branch (and group): `from` inclusive, `until` exclusive.
public struct Placement: Hashable, Sendable {
    public var branch: String
    public var group: String?
    public var from: CalendarDate
    public var until: CalendarDate?

    public func covers(_ date: CalendarDate) -> Bool {
        from <= date && (until.map { date < $0 } ?? true)
    }
}

/// A person on a branch's roll, at any stage of the pipeline, and their history.
public struct Member: Hashable, Sendable {
    public var id: String
    public var name: String
    public var status: MemberStatus
    public var statusSince: CalendarDate
    /// When the person applied (入党申请), for someone added as an applicant.
    public var appliedOn: CalendarDate?
    public var activistSince: CalendarDate?
    /// Admission as probationary member, or the `since` of someone added as probationary or full.
    public var joined: CalendarDate?
    /// When the person became a full member, if they are or were one.
    public var fullSince: CalendarDate?
    public var probationEnds: CalendarDate?
    public var probationExtended = false
    public var role: MemberRole
    public var placements: [Placement]
    public var leaveReason: LeaveReason?
    /// The business date of the member's latest change: later changes may not predate it.
    public var lastChange: CalendarDate
    /// Sealed: opened only with the member's key (`PersonalDataSealing.open`).
    public var idCardNumber: SealedValue?
    public var phone: SealedValue?
    /// The keys of every personal-data record not yet erased: what an erasure destroys.
    public var personalKeyIDs: [String] = []
    /// When the member's personal data was last erased.
    public var personalDataErased: CalendarDate?
    /// A plain-text record written before sealing existed (schema 1): not shown, not erasable.
    public var hasUnsealedPersonalData = false
    /// Indexes (`YearMonth.index`) of months paid for.
    public var paidMonths: Set<Int> = []

    public var current: Placement { placements[placements.count - 1] }

    /// Whether the person was on the roll of `branch` (and of `group`, when given) on `date`.
    public func belongs(to branch: String, group: String? = nil, on date: CalendarDate) -> Bool {
        placements.contains { $0.branch == branch && $0.covers(date) && (group == nil || $0.group == group) }
    }

    /// Whether the person was on any branch's roll on `date`.
    public func isOnRoll(on date: CalendarDate) -> Bool {
        placements.contains { $0.covers(date) }
    }

    /// Whether the person was an applicant on `date`: on or after the application, before
    /// becoming an activist, and on the roll.
    public func wasApplicant(on date: CalendarDate) -> Bool {
        guard let appliedOn, appliedOn <= date else { return false }
        if let activistSince, activistSince <= date { return false }
        return isOnRoll(on: date)
    }

    /// Whether the person was a probationary or full member on `date`.
    public func wasPartyMember(on date: CalendarDate) -> Bool {
        guard let joined, joined <= date else { return false }
        return isOnRoll(on: date)
    }
}

/// A meeting as currently recorded: the latest correction applied.
public struct Meeting: Hashable, Sendable {
    public var id: String
    public var record: MeetingRecord
    public var lateReason: String?
    public var corrections: Int
    public var retractedReason: String?

    public var isRetracted: Bool { retractedReason != nil }
}

/// Everything `decide` needs to know, folded from the log by `evolve`.
public struct DomainState: Sendable {
    public var organisations: [String: Organisation] = [:]
    public var members: [String: Member] = [:]
    public var meetings: [String: Meeting] = [:]
    public var studySessions: Set<String> = []
    public var duesPayments: Set<String> = []
    /// Each stream's version: the number of events in it, for expected-version appends.
    public var streamVersions: [String: Int64] = [:]

    public init() {}

    public func version(of stream: String) -> Int64 { streamVersions[stream] ?? 0 }

    /// The state after `event`: the pure form, for tests and small folds.
    public static func evolve(_ state: DomainState, _ event: DomainEvent) -> DomainState {
        var next = state
        next.apply(event)
        return next
    }

    /// Applies `event` in place: the form long folds use, so no dictionary is copied per event.
    public mutating func apply(_ event: DomainEvent) {
        streamVersions[event.streamID, default: 0] += 1
        switch event {
        case .organisationCreated(let e):
            organisations[e.id] = Organisation(
                id: e.id, name: e.name, kind: e.kind, parent: e.parent, setting: e.setting, since: e.since)
        case .committeeElected(let e):
            organisations[e.branch]?.committee = e
        case .memberAdded(let e):
            members[e.member] = Member(
                id: e.member, name: e.name, status: e.status, statusSince: e.since,
                appliedOn: e.status == .applicant ? e.since : nil,
                activistSince: e.status == .activist ? e.since : nil,
                joined: e.status.isPartyMember ? e.since : nil, fullSince: e.status == .full ? e.since : nil,
                probationEnds: e.probationEnds, role: e.role,
                placements: [Placement(branch: e.branch, group: e.group, from: e.since)], lastChange: e.since)
        case .memberPersonalDataRecorded(let e):
            updateMember(e.member, on: e.date) {
                guard let keyID = e.keyID else {
                    $0.hasUnsealedPersonalData = true
                    return
                }
                $0.idCardNumber = e.sealedIdCardNumber.map { SealedValue(keyID: keyID, sealed: $0) } ?? $0.idCardNumber
                $0.phone = e.sealedPhone.map { SealedValue(keyID: keyID, sealed: $0) } ?? $0.phone
                if !$0.personalKeyIDs.contains(keyID) { $0.personalKeyIDs.append(keyID) }
            }
        case .memberPersonalDataErased(let e):
            // An erasure is dated the day it is done, which may follow every other change:
            // it does not move the member's latest change.
            updateMember(e.member, on: nil) {
                $0.idCardNumber = nil
                $0.phone = nil
                $0.personalKeyIDs.removeAll { e.keyIDs.contains($0) }
                $0.personalDataErased = e.date
            }
        case .memberPersonalDataViewed:
            break
        case .memberPromoted(let e):
            updateMember(e.member, on: e.date) {
                $0.status = e.to
                $0.statusSince = e.date
                if e.to == .activist { $0.activistSince = e.date }
                if e.to == .full { $0.fullSince = e.date }
                if e.to == .probationary {
                    $0.joined = e.date
                    $0.probationEnds = e.probationEnds
                }
            }
        case .probationExtended(let e):
            updateMember(e.member, on: e.date) {
                $0.probationEnds = e.probationEnds
                $0.probationExtended = true
            }
        case .probationCancelled(let e):
            updateMember(e.member, on: e.date) { $0.leave(.probationCancelled, on: e.date) }
        case .memberTransferred(let e):
            updateMember(e.member, on: e.date) {
                $0.placements[$0.placements.count - 1].until = e.date
                $0.placements.append(Placement(branch: e.toBranch, group: e.toGroup, from: e.date))
                $0.role = .member
            }
        case .memberLeft(let e):
            updateMember(e.member, on: e.date) { $0.leave(e.reason, on: e.date) }
        case .memberRoleChanged(let e):
            updateMember(e.member, on: e.date) { $0.role = e.role }
        case .memberTalked:
            // A record of what happened while the person was an applicant: it changes
            // nothing the rules read, and may be logged after later changes.
            break
        case .meetingLogged(let e):
            meetings[e.meeting] = Meeting(id: e.meeting, record: e.record, lateReason: e.lateReason, corrections: 0)
        case .meetingCorrected(let e):
            meetings[e.meeting]?.record = e.record
            meetings[e.meeting]?.corrections += 1
        case .meetingRetracted(let e):
            meetings[e.meeting]?.retractedReason = e.reason
        case .studyLogged(let e):
            studySessions.insert(e.session)
        case .duesPaid(let e):
            duesPayments.insert(e.payment)
            updateMember(e.member, on: nil) {
                for index in e.from.index...e.to.index { $0.paidMonths.insert(index) }
            }
        }
    }

    /// Changes a member in place; a dated change also moves the member's latest change date.
    private mutating func updateMember(_ id: String, on date: CalendarDate?, _ change: (inout Member) -> Void) {
        guard members[id] != nil else { return }
        change(&members[id]!)
        if let date { members[id]!.lastChange = max(members[id]!.lastChange, date) }
    }
}

extension Member {
    mutating func leave(_ reason: LeaveReason, on date: CalendarDate) {
        status = .left
        statusSince = date
        leaveReason = reason
        placements[placements.count - 1].until = date
        role = .member
    }
}
