@testable import PartyBuilding
import Testing

/// DOMAIN.md, "meeting frequency", worked by hand.
@Suite struct MeetingFrequencyWarningTests {
    /// Branch b held theme days every month of 2025 but November.
    func themeDays() throws -> WarningFixture {
        var fixture = try WarningFixture()
        try fixture.branch("b", since: "2025-01-01")
        for month in 1...12 where month != 11 {
            try fixture.meeting(.themeDay, "2025-\(month < 10 ? "0" : "")\(month)-10", branch: "b")
        }
        return fixture
    }

    @Test func aMissedMonthIsRedAndTheCurrentMonthYellowInItsLastSevenDays() throws {
        let fixture = try themeDays()
        // December: 31 − 24 = 7 days left.
        #expect(try fixture.lights("theme-day", asOf: "2025-12-24") == ["red theme-day:b:2025-11"])
        // The December meeting of the 10th counts only once the day has come.
        var early = try WarningFixture()
        try early.branch("b", since: "2025-01-01")
        try early.meeting(.themeDay, "2025-12-28", branch: "b")
        for month in 1...11 { try early.meeting(.themeDay, "2025-\(month < 10 ? "0" : "")\(month)-10", branch: "b") }
        #expect(try early.lights("theme-day", asOf: "2025-12-24") == ["yellow theme-day:b:2025-12"])
        #expect(try early.lights("theme-day", asOf: "2025-12-23") == [])
        #expect(try early.lights("theme-day", asOf: "2025-12-28") == [])
    }

    @Test func theLookBackWindowEndsExactly365DaysBeforeTheDay() throws {
        let fixture = try themeDays()
        // November 2025 ended on 30 November: within 365 days of 2026-11-30, not of 2026-12-01.
        let late = try fixture.lights("theme-day", asOf: "2026-11-30")
        #expect(late.contains("red theme-day:b:2025-11"))
        // Red: November 2025 and January to October 2026; yellow: November 2026, its last day.
        #expect(late.count == 12)
        #expect(late.last == "yellow theme-day:b:2026-11")
        #expect(try !fixture.lights("theme-day", asOf: "2026-12-01").contains("red theme-day:b:2025-11"))
    }

    @Test func aBranchCreatedMidMonthIsJudgedFromItsFirstWholeMonth() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b", since: "2025-11-10")
        #expect(try fixture.lights("theme-day", asOf: "2026-01-05") == ["red theme-day:b:2025-12"])
    }

    @Test func aRetractedMeetingDoesNotCount() throws {
        var fixture = try themeDays()
        try fixture.meeting(.themeDay, "2025-11-20", branch: "b")
        #expect(try fixture.lights("theme-day", asOf: "2025-12-10") == [])
        let retracted = try fixture.meeting(.themeDay, "2025-10-25", branch: "b")
        try fixture.submit(.retractMeeting(RetractMeeting(meeting: retracted, reason: "重复")))
        #expect(try fixture.lights("theme-day", asOf: "2025-12-10") == [])  // October still has its meeting of the 10th
        try fixture.submit(.retractMeeting(RetractMeeting(meeting: "meeting-11", reason: "未开展")))  // 2025-12-10
        #expect(try fixture.lights("theme-day", asOf: "2025-12-24") == ["yellow theme-day:b:2025-12"])
    }

    @Test func februaryOfALeapYearHasTwentyNineDays() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b", since: "2024-01-01")
        try fixture.meeting(.themeDay, "2024-01-05", branch: "b")
        // 29 − 22 = 7 days left.
        #expect(try fixture.lights("theme-day", asOf: "2024-02-22") == ["yellow theme-day:b:2024-02"])
        #expect(try fixture.lights("theme-day", asOf: "2024-02-21") == [])
        #expect(try fixture.lights("theme-day", asOf: "2024-03-01") == ["red theme-day:b:2024-02"])
    }

    @Test func quartersAndYearsFollowTheirOwnReminderWindows() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b", since: "2025-10-01")
        try fixture.meeting(.memberAssembly, "2025-12-01", branch: "b")
        // Quarter: 15 days. 31 March − 16 March = 15.
        #expect(try fixture.lights("member-assembly", asOf: "2026-03-16") == ["yellow member-assembly:b:2026-Q1"])
        #expect(try fixture.lights("member-assembly", asOf: "2026-03-15") == [])
        #expect(try fixture.lights("member-assembly", asOf: "2026-04-01") == ["red member-assembly:b:2026-Q1"])
        // Year: 60 days. 31 December − 1 November = 60. Created in October, the branch is not
        // judged for 2025.
        #expect(try fixture.lights("life-meeting", asOf: "2026-11-01") == ["yellow life-meeting:b:2026"])
        #expect(try fixture.lights("life-meeting", asOf: "2026-10-31") == [])
    }

    @Test func committeeMeetingsAreRequiredOnlyOnceACommitteeIsElected() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b", since: "2025-01-01")
        for id in ["b-m1", "b-m2", "b-m3"] { try fixture.member(id, branch: "b", since: "2025-01-01") }
        try fixture.submit(.electCommittee(ElectCommittee(branch: "b", date: day("2025-11-15"), members: ["b-m1", "b-m2", "b-m3"], termYears: nil)))
        #expect(try fixture.lights("committee-meeting", asOf: "2026-01-02") == ["red committee-meeting:b:2025-12"])
    }

    @Test func partyGroupsAreJudgedOnGroupMeetings() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b", since: "2025-01-01")
        try fixture.group("g", of: "b", since: "2025-11-01")
        try fixture.member("x", branch: "b", since: "2025-11-01", group: "g")
        try fixture.meeting(.groupMeeting, "2025-11-03", branch: "b", group: "g", attendees: ["x"])
        #expect(try fixture.lights("group-meeting", asOf: "2026-01-02") == ["red group-meeting:g:2025-12"])
        let finding = try #require(try fixture.warnings(asOf: "2026-01-02").first { $0.rule == "group-meeting" })
        #expect(finding.org == "g")
        #expect(finding.since == "2026-01-01")
        #expect(finding.message.zh == "小组g 2025-12 未召开党小组会")
        #expect(finding.basis.zh.contains("第十三条"))
    }
}
