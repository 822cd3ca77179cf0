import EventStore
import Foundation
import Testing
@testable import PartyBuilding

/// Commands read only the streams they need (`streams(neededBy:knowing:)`); these tests hold
/// that a decision on those streams is the decision on the whole log, and that a change to
/// any stream read makes the append fail.
@Suite struct PartialLoadTests {
    /// A district with members in both branches and groups, a transfer, a committee, meetings
    /// (one corrected, one retracted), study and dues; stored event by event.
    static func history() throws -> (world: World, store: TemporaryStore, meetings: [String]) {
        var world = try World.district()
        try world.member("a", group: "g1")
        try world.member("b", group: "g2")
        try world.member("c")
        try world.member("x", branch: "b2")
        try world.member("t", branch: "b2", since: "2015-01-01")
        try world.member("p", status: "probationary", since: "2025-05-01")
        try world.member("app", status: "applicant", since: "2026-01-10")
        try world.run(CommandParsing.transfer(World.fields(["id": "t", "to-branch": "b1", "group": "g1", "date": "2026-01-01"])))
        try world.run(CommandParsing.electCommittee(World.fields(["branch": "b1", "date": "2026-01-05", "members": "a,b"])))
        let meetings = ["m1", "m2", "m3"]
        for (id, type) in zip(meetings, ["member-assembly", "party-lecture", "theme-day"]) {
            try world.run(CommandParsing.logMeeting(World.fields([
                "branch": "b1", "type": type, "date": "2026-03-02", "topic": "学习", "attendees": "a,b,t", "absent": "c",
                "host": "a",
            ]), meeting: id))
        }
        try world.run(CommandParsing.correctMeeting(World.fields(["absent": "", "attendees": "a,b,c,t", "reason": "补"]), meeting: "m1"))
        try world.run(CommandParsing.retractMeeting(World.fields(["reason": "重复"]), meeting: "m3"))
        try world.run(CommandParsing.logStudy(World.fields(["member": "a,x", "date": "2026-03-03", "hours": "2", "kind": "online", "course": "党章"]), session: "s1"))
        try world.run(CommandParsing.payDues(World.fields(["member": "a", "from": "2026-01", "to": "2026-02"]), payment: "pay1", today: world.today))
        let store = try TemporaryStore()
        let identified = world.history.enumerated().map { IdentifiedEvent(id: DeterministicID.uuid(for: "event \($0.offset)"), event: $0.element) }
        try DomainLog.append(identified, basedOn: DomainState(), to: store.store, metadata: EventMetadata(actor: "tester"))
        return (world, store, meetings)
    }

    /// Accepted and refused commands of every kind, several naming things that do not exist.
    static func commands(today: CalendarDate) throws -> [DomainCommand] {
        func meeting(_ values: [String: String], id: String = "new") throws -> DomainCommand {
            var all = ["branch": "b1", "type": "theme-day", "date": "2026-03-10", "topic": "t", "attendees": "a,b"]
            all.merge(values) { $1 }
            return try CommandParsing.logMeeting(World.fields(all), meeting: id)
        }
        func correct(_ id: String, _ values: [String: String]) throws -> DomainCommand {
            try CommandParsing.correctMeeting(World.fields(values.merging(["reason": "r"]) { $1 }), meeting: id)
        }
        return [
            try meeting([:]),
            try meeting(["attendees": "a,x"]),
            try meeting(["attendees": "a,nobody"]),
            try meeting(["type": "group-meeting", "group": "g1", "attendees": "a,t"]),
            try meeting(["type": "group-meeting", "group": "g2", "attendees": "a"]),
            try meeting(["type": "party-lecture", "lecturer": "x", "host": "c", "recorder": "t"]),
            try meeting(["date": "2025-12-31", "attendees": "t"]),
            try meeting(["branch": "b9"]),
            try meeting([:], id: "m1"),
            try correct("m1", ["branch": "b2", "attendees": "x"]),
            try correct("m1", ["branch": "b2"]),
            try correct("m2", ["attendees": "a,b,t"]),
            try correct("m3", ["topic": "new"]),
            try correct("nope", ["topic": "new"]),
            try CommandParsing.retractMeeting(World.fields(["reason": "r"]), meeting: "m2"),
            try CommandParsing.addOrganisation(World.fields(["id": "g3", "name": "n", "kind": "group", "parent": "b1"]), today: today),
            try CommandParsing.addOrganisation(World.fields(["id": "b3", "name": "n", "kind": "branch", "parent": "g1"]), today: today),
            try CommandParsing.addOrganisation(World.fields(["id": "b1", "name": "n", "kind": "branch", "parent": "c"]), today: today),
            try CommandParsing.addMember(World.fields(["id": "n", "name": "n", "branch": "b1", "group": "g2", "status": "full", "since": "2026-01-01"])),
            try CommandParsing.addMember(World.fields(["id": "a", "name": "n", "branch": "b1", "status": "full", "since": "2026-01-01"])),
            try CommandParsing.addMember(World.fields(["id": "n", "name": "n", "branch": "b2", "group": "g1", "status": "full", "since": "2026-01-01"])),
            try CommandParsing.promote(World.fields(["id": "app", "to": "activist", "date": "2026-03-01"])),
            try CommandParsing.promote(World.fields(["id": "p", "to": "full", "date": "2026-03-01"])),
            try CommandParsing.transfer(World.fields(["id": "c", "to-branch": "b2", "date": "2026-03-01"])),
            try CommandParsing.transfer(World.fields(["id": "c", "to-branch": "b2", "group": "g1", "date": "2026-03-01"])),
            try CommandParsing.transfer(World.fields(["id": "t", "to-branch": "b2", "date": "2025-12-01"])),
            try CommandParsing.leave(World.fields(["id": "b", "reason": "deceased", "date": "2026-03-01"])),
            try CommandParsing.changeRole(World.fields(["id": "c", "role": "secretary", "date": "2026-03-01"]), today: today),
            try CommandParsing.recordTalk(World.fields(["id": "app", "date": "2026-01-20", "by": "a"])),
            try CommandParsing.recordTalk(World.fields(["id": "app", "date": "2026-01-20", "by": "app"])),
            try CommandParsing.electCommittee(World.fields(["branch": "b1", "date": "2026-03-01", "members": "a,t,c"])),
            try CommandParsing.electCommittee(World.fields(["branch": "b1", "date": "2026-03-01", "members": "a,x"])),
            try CommandParsing.electCommittee(World.fields(["branch": "b1", "date": "2026-03-01", "members": "a,p"])),
            try CommandParsing.logStudy(World.fields(["member": "a,x,t", "date": "2026-03-03", "hours": "1", "kind": "online", "course": "c"]), session: "s2"),
            try CommandParsing.logStudy(World.fields(["member": "a", "date": "2026-03-03", "hours": "1", "kind": "online", "course": "c"]), session: "s1"),
            try CommandParsing.logStudy(World.fields(["member": "a,app", "date": "2026-01-03", "hours": "1", "kind": "online", "course": "c"]), session: "s3"),
            try CommandParsing.payDues(World.fields(["member": "a", "from": "2026-02", "to": "2026-03"]), payment: "pay2", today: today),
            try CommandParsing.payDues(World.fields(["member": "a", "from": "2026-03"]), payment: "pay2", today: today),
            try CommandParsing.payDues(World.fields(["member": "p", "from": "2025-04"]), payment: "pay3", today: today),
            try CommandParsing.payDues(World.fields(["member": "a", "from": "2026-03"]), payment: "pay1", today: today),
        ]
    }

    enum Outcome: Equatable {
        case accepted([DomainEvent])
        case refused(DomainError)

        init(_ command: DomainCommand, _ state: DomainState, today: CalendarDate) {
            do {
                self = .accepted(try decide(command, state, today: today))
            } catch {
                self = .refused(error as! DomainError)
            }
        }
    }

    @Test func aDecisionOnTheStreamsNeededEqualsTheDecisionOnTheWholeLog() throws {
        let (world, store, _) = try Self.history()
        let whole = try DomainLog.load(from: store.store)
        var accepted = 0
        for command in try Self.commands(today: world.today) {
            let basis = try DomainLog.load(neededBy: [command], from: store.store)
            let partial = Outcome(command, basis.state, today: world.today)
            #expect(partial == Outcome(command, whole, today: world.today), "\(command)")
            #expect(partial == Outcome(command, world.state, today: world.today), "\(command)")
            if case .accepted = partial { accepted += 1 }
            // Only what the command names was read: never the whole roll.
            #expect(basis.state.members.count <= 5 && basis.streamsRead.count <= 7, "\(command): \(basis.streamsRead.sorted())")
        }
        // The set exercises both sides of the rules.
        #expect(accepted >= 10 && accepted <= 25)
    }

    @Test func aCorrectionReadsTheStreamsOfTheCorrectedRecord() throws {
        let (world, store, _) = try Self.history()
        let command = try CommandParsing.correctMeeting(World.fields(["branch": "b2", "attendees": "x", "reason": "r"]), meeting: "m1")
        let basis = try DomainLog.load(neededBy: [command], from: store.store)
        // The record's host (a) and its absentee list (cleared by the earlier correction) come from the meeting's stream.
        #expect(basis.streamsRead == ["meeting-m1", "org-b2", "member-x", "member-a"])
        #expect(Outcome(command, basis.state, today: world.today) == .refused(.notInBranch(
            member: "a", branch: "b2", group: nil, date: World.date("2026-03-02"))))
    }

    /// Decides `command` on `basis` and appends the events based on it.
    static func submit(_ command: DomainCommand, basedOn basis: DecisionBasis, to store: EventStore, today: CalendarDate) throws {
        let events = try decide(command, basis.state, today: today).map { IdentifiedEvent(id: UUID().uuidString.lowercased(), event: $0) }
        try DomainLog.append(events, basedOn: basis, to: store, metadata: EventMetadata(actor: "tester"))
    }

    @Test func aChangeToAStreamOnlyReadIsAVersionConflict() throws {
        let (world, temporary, _) = try Self.history()
        let store = temporary.store
        let log = { (attendees: String) in
            try CommandParsing.logMeeting(World.fields([
                "branch": "b1", "type": "theme-day", "date": "2026-03-10", "topic": "t", "attendees": attendees,
            ]), meeting: "new")
        }
        let basis = try DomainLog.load(neededBy: [try log("a,c")], from: store)

        // Meanwhile another secretary records that c left before the meeting: c's stream is
        // only read, never written, by the meeting log.
        let leave = try CommandParsing.leave(World.fields(["id": "c", "reason": "deceased", "date": "2026-03-05"]))
        try Self.submit(leave, basedOn: try DomainLog.load(neededBy: [leave], from: store), to: store, today: world.today)

        let headBefore = try store.head()
        #expect {
            try Self.submit(try log("a,c"), basedOn: basis, to: store, today: world.today)
        } throws: { error in
            guard case .versionConflict(let stream, _, _) = error as? EventStoreError else { return false }
            return stream == "member-c"
        }
        #expect(try store.head() == headBefore)
        // Reloaded, the rules refuse the meeting.
        let reloaded = try DomainLog.load(neededBy: [try log("a,c")], from: store)
        #expect(Outcome(try log("a,c"), reloaded.state, today: world.today) == .refused(.notInBranch(
            member: "c", branch: "b1", group: nil, date: World.date("2026-03-10"))))

        // A change to a stream the decision did not read is no conflict.
        let other = try DomainLog.load(neededBy: [try log("a")], from: store)
        let dues = try CommandParsing.payDues(World.fields(["member": "x", "from": "2026-03"]), payment: "pay9", today: world.today)
        try Self.submit(dues, basedOn: try DomainLog.load(neededBy: [dues], from: store), to: store, today: world.today)
        try Self.submit(try log("a"), basedOn: other, to: store, today: world.today)
        #expect(try store.readStream("meeting-new").count == 1)
    }
}
