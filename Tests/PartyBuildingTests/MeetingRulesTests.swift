import Testing
@testable import PartyBuilding

@Suite struct MeetingRulesTests {
    /// b1 with full members a, b, c (a and b in group g1) and x in b2.
    func world() throws -> World {
        var world = try World.district()
        try world.member("a", group: "g1", role: "secretary")
        try world.member("b", group: "g1")
        try world.member("c", group: "g2")
        try world.member("x", branch: "b2")
        return world
    }

    func log(_ values: [String: String], id: String = "m1") throws -> DomainCommand {
        var all = ["branch": "b1", "type": "member-assembly", "date": "2026-03-10", "topic": "学习", "attendees": "a,b"]
        all.merge(values) { $1 }
        return try CommandParsing.logMeeting(World.fields(all), meeting: id)
    }

    @Test func logsEveryMeetingType() throws {
        var world = try world()
        for (index, type) in MeetingType.allCases.enumerated() {
            var values = ["type": type.rawValue]
            if type == .groupMeeting { values["group"] = "g1" }
            if type == .partyLecture { values["lecturer"] = "a" }
            try world.run(log(values, id: "m\(index)"))
        }
        #expect(world.state.meetings.count == MeetingType.allCases.count)
        #expect(world.state.meetings["m2"]?.record.group == "g1")
    }

    @Test func recordsAttendanceAbsenceAndLeave() throws {
        var world = try world()
        let events = try world.run(log(["attendees": "a", "absent": "b", "on-leave": "c:出差", "host": "a", "recorder": "b", "place": "活动室"]))
        guard case .meetingLogged(let logged) = events.first else { Issue.record("no meeting"); return }
        #expect(logged.record.absentees == ["b"])
        #expect(logged.record.onLeave == [ApprovedLeave(member: "c", reason: "出差")])
        #expect(logged.lateReason == nil)
    }

    @Test func everyoneListedMustBeInTheBranchOnThatDate() throws {
        var world = try world()
        #expect(world.refusal(try log(["attendees": "a,x"])) == .notInBranch(member: "x", branch: "b1", group: nil, date: World.date("2026-03-10")))
        #expect(world.refusal(try log(["on-leave": "x:病"])) == .notInBranch(member: "x", branch: "b1", group: nil, date: World.date("2026-03-10")))
        #expect(world.refusal(try log(["host": "x"])) == .notInBranch(member: "x", branch: "b1", group: nil, date: World.date("2026-03-10")))
        try world.member("new", since: "2026-03-11")
        #expect(world.refusal(try log(["attendees": "a,new"])) == .notInBranch(member: "new", branch: "b1", group: nil, date: World.date("2026-03-10")))
        try world.run(CommandParsing.transfer(World.fields(["id": "b", "to-branch": "b2", "date": "2026-03-01"])))
        #expect(world.refusal(try log([:])) == .notInBranch(member: "b", branch: "b1", group: nil, date: World.date("2026-03-10")))
        #expect(world.refusal(try log(["date": "2026-02-28"])) == nil)
        #expect(world.refusal(try log(["attendees": "ghost"])) == .unknownMember(id: "ghost"))
    }

    @Test func groupMeetingsNeedTheirGroupsMembers() throws {
        let world = try world()
        #expect(world.refusal(try log(["type": "group-meeting"])) == .groupRequired)
        #expect(world.refusal(try log(["type": "group-meeting", "group": "g1", "attendees": "a,c"]))
                == .notInBranch(member: "c", branch: "b1", group: "g1", date: World.date("2026-03-10")))
        #expect(world.refusal(try log(["type": "group-meeting", "group": "g1", "branch": "b2", "attendees": "x"]))
                == .groupNotInBranch(group: "g1", branch: "b2"))
        #expect(world.refusal(try log(["group": "g1"])) == .groupOnlyForGroupMeetings)
        #expect(world.refusal(try log(["lecturer": "a"])) == .lecturerOnlyForLectures)
    }

    @Test func nobodyListedTwice() throws {
        let world = try world()
        #expect(world.refusal(try log(["attendees": "a,b,a"])) == .listedTwice(member: "a"))
        #expect(world.refusal(try log(["absent": "b"])) == .listedTwice(member: "b"))
        #expect(world.refusal(try log(["attendees": "a", "on-leave": "b:病,b:事"])) == .listedTwice(member: "b"))
    }

    @Test func noFutureDate() throws {
        let world = try world()
        #expect(world.refusal(try log(["date": "2026-03-21"])) == .futureDate(date: World.date("2026-03-21"), today: world.today))
        #expect(world.refusal(try log(["date": "2026-03-20"])) == nil)
    }

    @Test func moreThanThirtyDaysLateNeedsAReason() throws {
        let world = try world()
        #expect(world.refusal(try log(["date": "2026-02-18"])) == nil)  // 30 days
        #expect(world.refusal(try log(["date": "2026-02-17"])) == .lateWithoutReason(date: World.date("2026-02-17"), daysLate: 31))
        #expect(world.refusal(try log(["date": "2026-02-17", "late-reason": "补录纸质台账"])) == nil)
    }

    @Test func correctionsAreNewEventsCarryingTheWholeRecord() throws {
        var world = try world()
        try world.run(log([:]))
        let correct = { (values: [String: String]) in try CommandParsing.correctMeeting(World.fields(values), meeting: "m1") }
        #expect(throws: DomainError.missingField(name: "reason")) { try correct(["topic": "新主题"]) }
        let events = try world.run(correct(["attendees": "a", "absent": "b", "reason": "b 实际缺席"]))
        guard case .meetingCorrected(let corrected) = events.first else { Issue.record("no correction"); return }
        #expect(corrected.record.topic == "学习" && corrected.record.attendees == ["a"] && corrected.record.absentees == ["b"])
        #expect(world.state.meetings["m1"]?.corrections == 1)
        #expect(world.state.version(of: "meeting-m1") == 2)
        #expect(world.refusal(try correct(["topic": "学习", "reason": "x"])) == .nothingToCorrect(id: "m1"))
        #expect(world.refusal(try correct(["attendees": "a,x", "reason": "x"]))
                == .notInBranch(member: "x", branch: "b1", group: nil, date: World.date("2026-03-10")))
        #expect(world.refusal(try correct(["date": "2026-04-01", "reason": "x"])) == .futureDate(date: World.date("2026-04-01"), today: world.today))
        try world.run(correct(["place": "会议室", "reason": "补地点"]))
        try world.run(correct(["place": "", "reason": "地点有误"]))
        #expect(world.state.meetings["m1"]?.record.place == nil)
    }

    @Test func aCorrectionDoesNotRecheckPeopleListedBeforeALaterTransfer() throws {
        var world = try world()
        try world.run(log([:]))
        // b moves to b2 on the meeting's own day, after the meeting was logged.
        try world.run(CommandParsing.transfer(World.fields(["id": "b", "to-branch": "b2", "date": "2026-03-10"])))
        let correct = { (values: [String: String]) in try CommandParsing.correctMeeting(World.fields(values), meeting: "m1") }
        #expect(world.refusal(try correct(["topic": "学习党章", "reason": "主题有误"])) == nil)
        // Someone newly listed is still checked, and so is everyone when the date changes.
        #expect(world.refusal(try correct(["attendees": "a,b,x", "reason": "x"]))
                == .notInBranch(member: "x", branch: "b1", group: nil, date: World.date("2026-03-10")))
        #expect(world.refusal(try correct(["date": "2026-03-11", "reason": "日期有误"]))
                == .notInBranch(member: "b", branch: "b1", group: nil, date: World.date("2026-03-11")))
    }

    @Test func retractionKeepsTheRecordAndEndsChanges() throws {
        var world = try world()
        try world.run(log([:]))
        let retract = try CommandParsing.retractMeeting(World.fields(["reason": "重复登记"]), meeting: "m1")
        let events = try world.run(retract)
        #expect(events == [.meetingRetracted(MeetingRetracted(
            meeting: "m1", branch: "b1", type: .memberAssembly, date: World.date("2026-03-10"), reason: "重复登记"))])
        #expect(world.state.meetings["m1"]?.isRetracted == true)
        #expect(world.state.meetings["m1"]?.record.topic == "学习")
        #expect(world.refusal(retract) == .meetingRetracted(id: "m1"))
        #expect(world.refusal(try CommandParsing.retractMeeting(World.fields(["reason": "x"]), meeting: "zz")) == .unknownMeeting(id: "zz"))
        #expect(throws: DomainError.missingField(name: "reason")) { try CommandParsing.retractMeeting(World.fields([:]), meeting: "m1") }
    }

    @Test func aMeetingIDIsUsedOnce() throws {
        var world = try world()
        try world.run(log([:]))
        #expect(world.refusal(try log([:])) == .meetingExists(id: "m1"))
    }
}
