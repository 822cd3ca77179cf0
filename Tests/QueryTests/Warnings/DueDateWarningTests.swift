@testable import PartyBuilding
import Testing

/// DOMAIN.md, "probation", "committee term", and the branch, activist and applicant rules.
@Suite struct DueDateWarningTests {
    @Test func probationIsYellowInItsLastThirtyDaysAndRedOnceOverdue() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("x", branch: "b", status: .probationary, since: "2025-05-01")
        // Ends 2026-05-01; yellow from 2026-04-01.
        #expect(try fixture.lights("probation-due", asOf: "2026-03-31") == [])
        #expect(try fixture.lights("probation-due", asOf: "2026-04-01") == ["yellow probation-due:x:2026-04"])
        #expect(try fixture.lights("probation-due", asOf: "2026-05-01") == ["yellow probation-due:x:2026-05"])
        #expect(try fixture.lights("probation-due", asOf: "2026-05-02") == ["red probation-due:x:2026-05"])
    }

    @Test func anExtensionMovesTheEndAndAConversionEndsTheWarning() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("extended", branch: "b", status: .probationary, since: "2025-05-01")
        try fixture.member("converted", branch: "b", status: .probationary, since: "2025-05-01")
        try fixture.submit(.extendProbation(ExtendProbation(member: "extended", months: 6, date: day("2026-04-20"), reason: "继续考察")))
        try fixture.submit(.promoteMember(PromoteMember(member: "converted", to: .full, date: day("2026-05-01"), override: nil)))
        #expect(try fixture.lights("probation-due", asOf: "2026-05-02") == [])
        // Before the extension was decided, it was yellow.
        #expect(try fixture.lights("probation-due", asOf: "2026-04-19") == ["yellow probation-due:converted:2026-04", "yellow probation-due:extended:2026-04"])
        // The extended probation ends 2026-11-01.
        #expect(try fixture.lights("probation-due", asOf: "2026-11-02") == ["red probation-due:extended:2026-11"])
    }

    @Test func aCommitteeTermIsYellowInItsLastNinetyDaysAndRedUntilANewElection() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.members(3, of: "b")
        try fixture.submit(.electCommittee(ElectCommittee(branch: "b", date: day("2023-04-01"), members: ["b-m1", "b-m2", "b-m3"], termYears: nil)))
        // Other branches: 3 years, ends 2026-04-01; 90 days before is 2026-01-01.
        #expect(try fixture.lights("committee-term", asOf: "2025-12-31") == [])
        #expect(try fixture.lights("committee-term", asOf: "2026-01-01") == ["yellow committee-term:b:2026-01"])
        #expect(try fixture.lights("committee-term", asOf: "2026-04-02") == ["red committee-term:b:2026-04"])
        try fixture.submit(.electCommittee(ElectCommittee(branch: "b", date: day("2026-03-20"), members: ["b-m1", "b-m2", "b-m3"], termYears: nil)))
        #expect(try fixture.lights("committee-term", asOf: "2026-04-02") == [])
    }

    @Test func branchStructureNamesEveryProblemOfABranch() throws {
        var fixture = try WarningFixture()
        try fixture.branch("small")
        try fixture.members(2, of: "small")
        try fixture.branch("large")
        try fixture.members(7, of: "large")
        try fixture.branch("fine")
        try fixture.members(6, of: "fine")
        #expect(try fixture.lights("branch-structure", asOf: "2026-01-15") == ["red branch-structure:small:2026-01", "yellow branch-structure:large:2026-01"])
        let large = try #require(try fixture.warnings(asOf: "2026-01-15").first { $0.org == "large" && $0.rule == "branch-structure" })
        #expect(large.message.en == "支部large: 7 full members but no elected committee")
    }

    @Test func anActivistPromotedBeforeAYearIsShownOnce() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("quick", branch: "b", status: .activist, since: "2025-06-01")
        try fixture.member("patient", branch: "b", status: .activist, since: "2025-01-10")
        try fixture.submit(.promoteMember(PromoteMember(member: "quick", to: .candidate, date: day("2026-01-15"), override: "上级党委批准")))
        try fixture.submit(.promoteMember(PromoteMember(member: "patient", to: .candidate, date: day("2026-01-10"), override: nil)))
        #expect(try fixture.lights("activist-duration", asOf: "2026-03-01") == ["yellow activist-duration:quick:2026-01"])
        // Outside the 365-day look-back.
        #expect(try fixture.lights("activist-duration", asOf: "2027-01-16") == [])
    }

    @Test func anApplicantWithoutATalkIsYellowThenRed() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("x", branch: "b", status: .applicant, since: "2026-03-01")
        // Due 2026-04-01; yellow from 7 days before.
        #expect(try fixture.lights("applicant-talk", asOf: "2026-03-24") == [])
        #expect(try fixture.lights("applicant-talk", asOf: "2026-03-25") == ["yellow applicant-talk:x:2026-03"])
        #expect(try fixture.lights("applicant-talk", asOf: "2026-04-02") == ["red applicant-talk:x:2026-04"])
    }
}
