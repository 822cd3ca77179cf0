/// The streams whose events `decide` reads for `command`: folding exactly these into a
/// `DomainState` gives the same decision as folding the whole log, because every event
/// changes only the organisation, member, meeting or session of its own stream.
///
/// A correction names only the fields it changes, so the streams of the corrected record
/// (its branch, group and people) are known once the meeting's own stream is: `state` is
/// what has been loaded so far, and a loader asks again until nothing new is needed
/// (`DomainLog.load(neededBy:from:)`).
public func streams(neededBy command: DomainCommand, knowing state: DomainState) -> Set<String> {
    var needed = Set<String>()
    func organisations(_ ids: String?...) { for case let id? in ids { needed.insert(StreamName.organisation(id)) } }
    func members(_ ids: [String?]) { for case let id? in ids { needed.insert(StreamName.member(id)) } }
    func people(of record: MeetingRecord) {
        organisations(record.branch, record.group)
        members(record.listedMembers + [record.host, record.recorder, record.lecturer])
    }
    switch command {
    case .addOrganisation(let c): organisations(c.id, c.parent)
    case .addMember(let c):
        members([c.id])
        organisations(c.branch, c.group)
    case .promoteMember(let c): members([c.member])
    case .extendProbation(let c): members([c.member])
    case .cancelProbation(let c): members([c.member])
    case .transferMember(let c):
        members([c.member])
        organisations(c.toBranch, c.toGroup)
    case .recordLeaving(let c): members([c.member])
    case .changeRole(let c): members([c.member])
    case .recordTalk(let c): members([c.member, c.by])
    case .erasePersonalData(let c): members([c.member])
    case .electCommittee(let c):
        organisations(c.branch)
        members(c.members)
    case .logMeeting(let c):
        needed.insert(StreamName.meeting(c.meeting))
        people(of: c.record)
    case .correctMeeting(let c):
        needed.insert(StreamName.meeting(c.meeting))
        if let meeting = state.meetings[c.meeting] { people(of: c.changes.applied(to: meeting.record)) }
    case .retractMeeting(let c): needed.insert(StreamName.meeting(c.meeting))
    case .logStudy(let c):
        needed.insert(StreamName.study(c.session))
        members(c.members)
    case .payDues(let c): members([c.member])
    }
    return needed
}
