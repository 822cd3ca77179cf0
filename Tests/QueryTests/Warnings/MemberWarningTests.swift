@testable import PartyBuilding
import Testing

/// DOMAIN.md, "participation gap", "dues arrears", "study hours", worked by hand.
@Suite struct MemberWarningTests {
    @Test func participationGapCountsWholeMonthsBetweenTheLastOneAndTheDay() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("x", branch: "b", since: "2025-01-10")
        try fixture.meeting(.themeDay, "2025-06-20", branch: "b", attendees: ["x"])
        // July and August: 2.
        #expect(try fixture.lights("participation-gap", asOf: "2025-09-30") == [])
        // July, August, September: 3.
        #expect(try fixture.lights("participation-gap", asOf: "2025-10-01") == ["yellow participation-gap:x:2025-10"])
        #expect(try fixture.lights("participation-gap", asOf: "2025-12-31") == ["yellow participation-gap:x:2025-12"])
        #expect(try fixture.lights("participation-gap", asOf: "2026-01-01") == ["red participation-gap:x:2026-01"])
        let red = try #require(try fixture.warnings(asOf: "2026-01-01").first { $0.rule == "participation-gap" })
        #expect((red.org, red.subject, red.since) == ("b", "x", "2026-01-01"))
        #expect(red.message.en == "党员x has not taken part in organisational life for 6 months (last: 2025-06)")
    }

    @Test func approvedLeaveCountsAsParticipation() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("x", branch: "b", since: "2025-01-10")
        try fixture.meeting(.themeDay, "2025-06-20", branch: "b", attendees: ["x"])
        try fixture.meeting(.themeDay, "2025-08-20", branch: "b", onLeave: ["x"])
        // September to December: 4.
        #expect(try fixture.lights("participation-gap", asOf: "2026-01-01").filter { $0.contains(":x:") } == ["yellow participation-gap:x:2026-01"])
    }

    @Test func theMonthJoinedCountsAndATransferResetsNothing() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.branch("b2")
        try fixture.member("x", branch: "b", since: "2025-09-15")
        #expect(try fixture.lights("participation-gap", asOf: "2025-12-31") == [])
        try fixture.submit(.transferMember(TransferMember(member: "x", toBranch: "b2", toGroup: nil, date: day("2025-12-20"))))
        // October, November, December: 3; the warning follows the member to the new branch.
        let warning = try #require(try fixture.warnings(asOf: "2026-01-01").first { $0.rule == "participation-gap" })
        #expect((warning.severity, warning.org) == (.yellow, "b2"))
        #expect(warning.message.en.contains("none since joining"))
        // As of a day before the transfer, the member was in the first branch.
        #expect(try fixture.warnings(asOf: "2025-12-19").first { $0.rule == "participation-gap" } == nil)
    }

    @Test func duesArrearsCountFromTheLastPaidMonth() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("x", branch: "b", since: "2025-01-10")
        try fixture.submit(.payDues(PayDues(payment: "p1", member: "x", from: month("2025-01"), to: month("2025-03"), amountFen: 1500, date: day("2025-01-20"))))
        try fixture.submit(.payDues(PayDues(payment: "p2", member: "x", from: month("2025-04"), to: month("2025-09"), amountFen: 3000, date: day("2025-09-20"))))
        // April, May: 2.
        #expect(try fixture.lights("dues-arrears", asOf: "2025-06-30") == [])
        // April, May, June: 3.
        #expect(try fixture.lights("dues-arrears", asOf: "2025-07-01") == ["yellow dues-arrears:x:2025-07"])
        // The September payment is not yet made on 1 September: April to August, 5.
        #expect(try fixture.lights("dues-arrears", asOf: "2025-09-01") == ["yellow dues-arrears:x:2025-09"])
        #expect(try fixture.lights("dues-arrears", asOf: "2025-10-01") == [])
        // October 2025 to March 2026: 6.
        #expect(try fixture.lights("dues-arrears", asOf: "2026-04-01") == ["red dues-arrears:x:2026-04"])
    }

    @Test func duesOfSomeoneWhoNeverPaidCountFromTheMonthTheyJoined() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("x", branch: "b", since: "2025-09-15")
        // September, October, November: 3.
        let warning = try #require(try fixture.warnings(asOf: "2025-12-01").first { $0.rule == "dues-arrears" })
        #expect((warning.severity, warning.since) == (.yellow, "2025-12-01"))
        #expect(warning.message.zh == "党员x 已欠缴党费 3 个月（入党以来未交）")
    }

    @Test func studyHoursAreProRatedByWholeMonthsOfMembership() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("short", branch: "b", status: .probationary, since: "2025-03-15")
        try fixture.member("enough", branch: "b", status: .probationary, since: "2025-03-15")
        try fixture.member("secretary", branch: "b", since: "2020-01-01", role: .secretary)
        // Joined 15 March: April to December, 9 months: 32 × 9 / 12 = 24 hours.
        try fixture.submit(.logStudy(LogStudy(session: "s1", members: ["short"], date: day("2025-06-01"), hoursTenths: 239, kind: .online, course: "党史")))
        try fixture.submit(.logStudy(LogStudy(session: "s2", members: ["enough", "secretary"], date: day("2025-06-01"), hoursTenths: 240, kind: .online, course: "党史")))
        let lights = try fixture.lights("study-hours", asOf: "2026-01-01")
        #expect(lights == ["red study-hours:secretary:2025", "red study-hours:short:2025"])
        let secretary = try #require(try fixture.warnings(asOf: "2026-01-01").first { $0.subject == "secretary" && $0.rule == "study-hours" })
        #expect(secretary.message.en == "党员secretary studied 24 of the 56 hours due in 2025")
    }

    @Test func studyHoursOfTheCurrentYearTurnYellowFromOctober() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("x", branch: "b", since: "2024-01-01")
        try fixture.submit(.logStudy(LogStudy(session: "s2025", members: ["x"], date: day("2025-05-01"), hoursTenths: 320, kind: .online, course: "党史")))
        try fixture.submit(.logStudy(LogStudy(session: "s1", members: ["x"], date: day("2026-05-01"), hoursTenths: 200, kind: .online, course: "党章")))
        try fixture.submit(.logStudy(LogStudy(session: "s2", members: ["x"], date: day("2026-10-15"), hoursTenths: 120, kind: .lecture, course: "党章")))
        #expect(try fixture.lights("study-hours", asOf: "2026-09-30") == [])
        #expect(try fixture.lights("study-hours", asOf: "2026-10-01") == ["yellow study-hours:x:2026"])
        // The session of 15 October brings 20 + 12 = 32 hours.
        #expect(try fixture.lights("study-hours", asOf: "2026-10-15") == [])
    }
}
