import Testing
@testable import PartyBuilding

@Suite struct TalkRulesTests {
    /// Applicant `app` (applied 2026-01-10 in b1), full member `a`, probationary `p` (from 2026-02-01).
    func world() throws -> World {
        var world = try World.district()
        try world.member("a")
        try world.member("p", status: "probationary", since: "2026-02-01")
        try world.member("app", status: "applicant", since: "2026-01-10", group: "g1")
        return world
    }

    func talk(_ id: String = "app", on date: String, by: String? = nil, note: String? = nil) throws -> DomainCommand {
        var values = ["id": id, "date": date]
        values["by"] = by
        values["note"] = note
        return try CommandParsing.recordTalk(World.fields(values))
    }

    @Test func recordsTheTalkInTheApplicantsStream() throws {
        var world = try world()
        let events = try world.run(talk(on: "2026-01-25", by: "a", note: "了解入党动机"))
        #expect(events == [.memberTalked(MemberTalked(
            member: "app", branch: "b1", date: World.date("2026-01-25"), by: "a", note: "了解入党动机"))])
        #expect(events[0].streamID == "member-app" && events[0].typeName == "member.talked")
        #expect(events[0].businessDate == World.date("2026-01-25"))
        let payload = try EventCoding.payload(of: events[0])
        #expect(payload == .object([
            "member": .string("app"), "branch": .string("b1"), "date": .string("2026-01-25"), "by": .string("a"),
            "note": .string("了解入党动机"),
        ]))
        #expect(world.state.version(of: "member-app") == 2)
        // On the day of the application, and without a talker or note.
        let plain = try world.run(talk(on: "2026-01-10"))
        #expect(plain == [.memberTalked(MemberTalked(member: "app", branch: "b1", date: World.date("2026-01-10")))])
    }

    @Test func mayBeRecordedAfterThePersonMovedOn() throws {
        var world = try world()
        try world.run(CommandParsing.promote(World.fields(["id": "app", "to": "activist", "date": "2026-03-01"])))
        try world.run(CommandParsing.transfer(World.fields(["id": "app", "to-branch": "b2", "date": "2026-03-10"])))
        let events = try world.run(talk(on: "2026-02-28"))
        // The branch is the one the applicant was in on the day of the talk.
        #expect(events == [.memberTalked(MemberTalked(member: "app", branch: "b1", date: World.date("2026-02-28")))])
        // Talks change nothing the rules read: later changes may still be dated before them.
        #expect(world.state.members["app"]?.lastChange == World.date("2026-03-10"))
        #expect(world.refusal(try talk(on: "2026-03-01")) == .notAnApplicant(member: "app", date: World.date("2026-03-01")))
    }

    @Test func refusals() throws {
        var world = try world()
        #expect(world.refusal(try talk("nobody", on: "2026-02-01")) == .unknownMember(id: "nobody"))
        #expect(world.refusal(try talk(on: "2026-03-21")) == .futureDate(date: World.date("2026-03-21"), today: world.today))
        #expect(world.refusal(try talk(on: "2026-01-09")) == .talkBeforeApplication(
            member: "app", date: World.date("2026-01-09"), appliedOn: World.date("2026-01-10")))
        #expect(world.refusal(try talk("a", on: "2026-02-01")) == .notAnApplicant(member: "a", date: World.date("2026-02-01")))
        #expect(world.refusal(try talk(on: "2026-02-01", by: "zz")) == .unknownMember(id: "zz"))
        #expect(world.refusal(try talk(on: "2026-02-01", by: "app")) == .notAPartyMember(member: "app", date: World.date("2026-02-01")))
        // A probationary member may hold the talk, but not before their admission.
        #expect(world.refusal(try talk(on: "2026-02-01", by: "p")) == nil)
        #expect(world.refusal(try talk(on: "2026-01-31", by: "p")) == .notAPartyMember(member: "p", date: World.date("2026-01-31")))
        #expect(throws: DomainError.self) { try talk(on: "2026-02-30") }
        #expect(throws: DomainError.self) { try CommandParsing.recordTalk(World.fields(["id": "app"])) }
        // Someone who left is no longer an applicant.
        try world.run(CommandParsing.leave(World.fields(["id": "app", "reason": "withdrawn", "date": "2026-02-15"])))
        #expect(world.refusal(try talk(on: "2026-02-15")) == .notAnApplicant(member: "app", date: World.date("2026-02-15")))
        #expect(world.refusal(try talk(on: "2026-02-14")) == nil)
    }

    @Test func refusalMessagesSayHowToFixIt() {
        let before = DomainError.talkBeforeApplication(member: "app", date: World.date("2026-01-09"), appliedOn: World.date("2026-01-10"))
        #expect(before.message.en.contains("check --date") && before.message.zh.contains("早于"))
        let notApplicant = DomainError.notAnApplicant(member: "a", date: World.date("2026-02-01"))
        #expect(notApplicant.message.en.contains("not an applicant") && notApplicant.message.zh.contains("入党申请人"))
    }
}
