import Testing
@testable import PartyBuilding

@Suite struct OrganisationRulesTests {
    @Test func buildsTheTreeWithDefaultSettings() throws {
        let world = try World.district()
        #expect(world.state.organisations["b1"]?.setting == .community)  // under a community
        #expect(world.state.organisations["b2"]?.setting == .other)      // under a street
        #expect(world.state.organisations["g1"]?.setting == nil)
        #expect(world.state.version(of: "org-b1") == 1)
    }

    @Test func refusesADuplicateID() throws {
        var world = try World.district()
        #expect(throws: DomainError.organisationExists(id: "b1")) { try world.org("b1", "branch", parent: "c") }
    }

    @Test func refusesAWrongOrMissingParent() throws {
        var world = try World.district()
        #expect(throws: DomainError.wrongParent(kind: .group, parent: "c", parentKind: .community)) {
            try world.org("g9", "group", parent: "c")
        }
        #expect(throws: DomainError.wrongParent(kind: .branch, parent: nil, parentKind: nil)) { try world.org("b9", "branch") }
        #expect(throws: DomainError.wrongParent(kind: .district, parent: "d", parentKind: .district)) {
            try world.org("d2", "district", parent: "d")
        }
        #expect(throws: DomainError.unknownOrganisation(id: "nowhere")) { try world.org("b9", "branch", parent: "nowhere") }
    }

    @Test func settingOnlyForBranches() throws {
        var world = try World.district()
        #expect(throws: DomainError.settingOnlyForBranches(id: "g9")) { try world.org("g9", "group", parent: "b1", setting: "village") }
    }

    @Test func refusesAFutureCreationDate() throws {
        var world = try World.district()
        #expect(throws: DomainError.futureDate(date: World.date("2026-03-21"), today: world.today)) {
            try world.org("b9", "branch", parent: "c", since: "2026-03-21")
        }
    }

    @Test func committeeTermIsFiveYearsForCommunityBranchesAndThreeOtherwise() throws {
        var world = try World.district()
        try world.member("a")
        try world.member("x", branch: "b2")
        let community = try world.run(CommandParsing.electCommittee(World.fields(["branch": "b1", "date": "2025-04-01", "members": "a"])))
        let other = try world.run(CommandParsing.electCommittee(World.fields(["branch": "b2", "date": "2025-04-01", "members": "x"])))
        guard case .committeeElected(let five) = community.first, case .committeeElected(let three) = other.first else {
            Issue.record("no election event")
            return
        }
        #expect(five.termYears == 5 && five.termEnds == World.date("2030-04-01"))
        #expect(three.termYears == 3 && three.termEnds == World.date("2028-04-01"))
        let explicit = try world.run(CommandParsing.electCommittee(World.fields(
            ["branch": "b2", "date": "2026-01-10", "members": "x", "term-years": "4"])))
        #expect(explicit == [.committeeElected(CommitteeElected(
            branch: "b2", date: World.date("2026-01-10"), members: ["x"], termYears: 4, termEnds: World.date("2030-01-10")))])
        #expect(world.state.organisations["b2"]?.committee?.termYears == 4)
    }

    @Test func committeeMembersMustBeFullMembersOfTheBranchOnTheDate() throws {
        var world = try World.district()
        try world.member("p", status: "probationary", since: "2025-06-01")
        try world.member("x", branch: "b2")
        try world.member("late", since: "2025-05-01")
        let elect = { (members: String) in try CommandParsing.electCommittee(World.fields(["branch": "b1", "date": "2025-04-01", "members": members])) }
        #expect(world.refusal(try elect("p")) == .notFullMemberOfBranch(member: "p", branch: "b1", date: World.date("2025-04-01")))
        #expect(world.refusal(try elect("x")) == .notFullMemberOfBranch(member: "x", branch: "b1", date: World.date("2025-04-01")))
        #expect(world.refusal(try elect("late")) == .notFullMemberOfBranch(member: "late", branch: "b1", date: World.date("2025-04-01")))
        try world.member("a")
        #expect(world.refusal(try elect("a,a")) == .listedTwice(member: "a"))
        #expect(world.refusal(try CommandParsing.electCommittee(World.fields(["branch": "g1", "date": "2025-04-01", "members": "a"])))
                == .notABranch(id: "g1"))
        #expect(throws: DomainError.self) {
            try CommandParsing.electCommittee(World.fields(["branch": "b1", "date": "2025-04-01", "members": "a", "term-years": "6"]))
        }
    }
}
