import EventStore
import Testing
@testable import PartyBuilding

@Suite struct MemberRulesTests {
    func promote(_ id: String, to: String, on date: String, override: String? = nil) throws -> DomainCommand {
        var values = ["id": id, "to": to, "date": date]
        values["override"] = override
        return try CommandParsing.promote(World.fields(values))
    }

    @Test func walksThePipelineInOrder() throws {
        var world = try World.district()
        try world.member("m", status: "applicant", since: "2022-01-10")
        try world.run(promote("m", to: "activist", on: "2022-03-01"))
        try world.run(promote("m", to: "candidate", on: "2023-03-01"))
        let admitted = try world.run(promote("m", to: "probationary", on: "2024-02-29"))
        #expect(admitted == [.memberPromoted(MemberPromoted(
            member: "m", branch: "b1", from: .candidate, to: .probationary, date: World.date("2024-02-29"),
            probationEnds: World.date("2025-02-28")))])
        try world.run(promote("m", to: "full", on: "2025-02-28"))
        let member = try #require(world.state.members["m"])
        #expect(member.status == .full)
        #expect(member.joined == World.date("2024-02-29"))
        #expect(member.fullSince == World.date("2025-02-28"))
        #expect(world.state.version(of: "member-m") == 5)
    }

    @Test func refusesSkippingASteps() throws {
        var world = try World.district()
        try world.member("m", status: "applicant", since: "2022-01-10")
        #expect(world.refusal(try promote("m", to: "candidate", on: "2023-01-10")) == .notNextStep(member: "m", from: .applicant, to: .candidate))
        #expect(throws: DomainError.self) { try promote("m", to: "left", on: "2023-01-10") }
    }

    @Test func activistNeedsAFullYearUnlessOverridden() throws {
        var world = try World.district()
        try world.member("m", status: "activist", since: "2025-03-21")
        #expect(world.refusal(try promote("m", to: "candidate", on: "2026-03-20")) == .activistYearNotComplete(
            member: "m", activistSince: World.date("2025-03-21"), earliest: World.date("2026-03-21")))
        let overridden = try world.run(promote("m", to: "candidate", on: "2026-03-20", override: "组织部批准"))
        guard case .memberPromoted(let event) = overridden.first else { Issue.record("no promotion"); return }
        #expect(event.override == "组织部批准")
        var onTime = try World.district()
        onTime.today = World.date("2026-03-21")
        try onTime.member("m", status: "activist", since: "2025-03-21")
        #expect(onTime.refusal(try promote("m", to: "candidate", on: "2026-03-21")) == nil)
    }

    @Test func conversionNotBeforeProbationEnds() throws {
        var world = try World.district()
        try world.member("p", status: "probationary", since: "2025-03-10")
        #expect(world.refusal(try promote("p", to: "full", on: "2026-03-09")) == .conversionBeforeProbationEnds(
            member: "p", probationEnds: World.date("2026-03-10")))
        #expect(world.refusal(try promote("p", to: "full", on: "2026-03-10")) == nil)
    }

    @Test func probationCanBeExtendedOnceBySixToTwelveMonths() throws {
        var world = try World.district()
        try world.member("p", status: "probationary", since: "2025-01-15")
        let extend = { (months: String, date: String) in
            try CommandParsing.extendProbation(World.fields(["id": "p", "months": months, "date": date, "reason": "考察"]))
        }
        #expect(throws: DomainError.self) { try extend("5", "2026-01-15") }
        #expect(throws: DomainError.self) { try extend("13", "2026-01-15") }
        let events = try world.run(extend("6", "2026-01-15"))
        guard case .probationExtended(let event) = events.first else { Issue.record("no extension"); return }
        #expect(event.probationEnds == World.date("2026-07-15"))
        #expect(world.refusal(try extend("6", "2026-02-01")) == .probationAlreadyExtended(member: "p"))
        #expect(world.refusal(try promote("p", to: "full", on: "2026-03-01")) == .conversionBeforeProbationEnds(
            member: "p", probationEnds: World.date("2026-07-15")))
    }

    @Test func onlyProbationaryMembersCanBeExtendedOrCancelled() throws {
        var world = try World.district()
        try world.member("f")
        #expect(world.refusal(try CommandParsing.extendProbation(World.fields(
            ["id": "f", "months": "6", "date": "2026-01-15", "reason": "x"]))) == .notProbationary(member: "f", status: .full))
        #expect(world.refusal(try CommandParsing.cancelProbation(World.fields(
            ["id": "f", "date": "2026-01-15", "reason": "x"]))) == .notProbationary(member: "f", status: .full))
    }

    @Test func cancellationTakesThePersonOffTheRoll() throws {
        var world = try World.district()
        try world.member("p", status: "probationary", since: "2025-01-15")
        try world.run(CommandParsing.cancelProbation(World.fields(["id": "p", "date": "2026-01-20", "reason": "不合格"])))
        let member = try #require(world.state.members["p"])
        #expect(member.status == .left && member.leaveReason == .probationCancelled)
        #expect(!member.isOnRoll(on: World.date("2026-01-20")) && member.isOnRoll(on: World.date("2026-01-19")))
        #expect(world.refusal(try promote("p", to: "full", on: "2026-02-01")) == .memberHasLeft(member: "p"))
    }

    @Test func oneBranchAtATimeAndTransfersMoveIt() throws {
        var world = try World.district()
        try world.member("m", group: "g1")
        try world.run(CommandParsing.transfer(World.fields(["id": "m", "to-branch": "b2", "date": "2025-06-01"])))
        let member = try #require(world.state.members["m"])
        #expect(member.belongs(to: "b1", group: "g1", on: World.date("2025-05-31")))
        #expect(!member.belongs(to: "b1", on: World.date("2025-06-01")))
        #expect(member.belongs(to: "b2", on: World.date("2025-06-01")))
        #expect(world.refusal(try CommandParsing.transfer(World.fields(["id": "m", "to-branch": "b2", "date": "2025-07-01"])))
                == .alreadyInBranch(member: "m", branch: "b2"))
        #expect(world.refusal(try CommandParsing.transfer(World.fields(["id": "m", "to-branch": "b1", "date": "2025-05-01"])))
                == .dateBeforeLastChange(member: "m", date: World.date("2025-05-01"), lastChange: World.date("2025-06-01")))
    }

    @Test func groupMustBelongToThatBranch() throws {
        var world = try World.district()
        #expect(throws: DomainError.groupNotInBranch(group: "g1", branch: "b2")) { try world.member("m", branch: "b2", group: "g1") }
        #expect(throws: DomainError.groupNotInBranch(group: "c", branch: "b1")) { try world.member("m", group: "c") }
        try world.member("m")
        #expect(world.refusal(try CommandParsing.transfer(World.fields(["id": "m", "to-branch": "b2", "group": "g2", "date": "2025-07-01"])))
                == .groupNotInBranch(group: "g2", branch: "b2"))
    }

    @Test func membersBelongToBranchesNotOtherOrganisations() throws {
        var world = try World.district()
        #expect(throws: DomainError.notABranch(id: "c")) { try world.member("m", branch: "c") }
        #expect(throws: DomainError.unknownOrganisation(id: "zz")) { try world.member("m", branch: "zz") }
        try world.member("m")
        #expect(throws: DomainError.memberExists(id: "m")) { try world.member("m") }
    }

    @Test func leavingEndsTheMembershipAndFurtherChanges() throws {
        var world = try World.district()
        try world.member("m")
        #expect(throws: DomainError.self) {
            try CommandParsing.leave(World.fields(["id": "m", "reason": "probation-cancelled", "date": "2025-01-01"]))
        }
        try world.run(CommandParsing.leave(World.fields(["id": "m", "reason": "deceased", "date": "2025-09-01"])))
        #expect(world.state.members["m"]?.leaveReason == .deceased)
        #expect(world.refusal(try CommandParsing.leave(World.fields(["id": "m", "reason": "withdrawn", "date": "2025-10-01"])))
                == .memberHasLeft(member: "m"))
        #expect(world.refusal(try CommandParsing.leave(World.fields(["id": "nobody", "reason": "withdrawn", "date": "2025-10-01"])))
                == .unknownMember(id: "nobody"))
    }

    @Test func rolesOtherThanMemberNeedAFullMember() throws {
        var world = try World.district()
        #expect(throws: DomainError.roleNeedsFullMember(member: "p", role: .secretary)) {
            try world.member("p", status: "probationary", since: "2025-06-01", role: "secretary")
        }
        try world.member("s", role: "secretary")
        #expect(world.state.members["s"]?.role == .secretary)
        try world.member("p", status: "probationary", since: "2025-06-01")
        let setRole = { (id: String, role: String) in
            try CommandParsing.changeRole(World.fields(["id": id, "role": role, "date": "2026-01-01"]), today: World.date("2026-03-20"))
        }
        #expect(world.refusal(try setRole("p", "committee-member")) == .roleNeedsFullMember(member: "p", role: .committeeMember))
        try world.run(setRole("s", "deputy-secretary"))
        #expect(world.state.members["s"]?.role == .deputySecretary)
    }

    @Test func personalDataIsRecordedOnlySealedInItsOwnEvent() throws {
        var world = try World.district()
        let command = try CommandParsing.addMember(World.fields([
            "id": "m", "name": "李四", "branch": "b1", "status": "full", "since": "2020-01-01",
            "id-card": "530102199001011231", "phone": "13812345678",
        ]))
        // The rules alone never put personal data in an event.
        #expect(try decide(command, world.state, today: world.today).count == 1)
        let decision = try decideSealingPersonalData(command, world.state, today: world.today)
        #expect(decision.events.count == 2 && decision.keys.count == 1)
        guard case .memberAdded = decision.events[0], case .memberPersonalDataRecorded(let personal) = decision.events[1] else {
            Issue.record("unexpected events \(decision.events)")
            return
        }
        #expect(personal.keyID == decision.keys[0].id)
        let payload = CanonicalJSON.string(of: try EventCoding.payload(of: decision.events[1]))
        #expect(!payload.contains("530102199001011231") && !payload.contains("13812345678"))
        #expect(EventCoding.schemaVersion(of: decision.events[1]) == 2)
        for event in decision.events { world.state.apply(event) }
        let member = try #require(world.state.members["m"])
        let opened = try PersonalDataSealing.open(member) { $0 == decision.keys[0].id ? decision.keys[0].bytes : nil }
        #expect(opened == OpenedPersonalData(idCardNumber: "530102199001011231", phone: "13812345678"))
    }

    @Test func noFutureDatesForMemberChanges() throws {
        var world = try World.district()
        #expect(throws: DomainError.futureDate(date: World.date("2026-04-01"), today: world.today)) {
            try world.member("m", since: "2026-04-01")
        }
        try world.member("a", status: "applicant", since: "2025-01-01")
        #expect(world.refusal(try promote("a", to: "activist", on: "2026-03-21"))
                == .futureDate(date: World.date("2026-03-21"), today: world.today))
    }
}
