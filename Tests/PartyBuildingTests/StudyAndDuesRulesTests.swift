import Testing
@testable import PartyBuilding

@Suite struct StudyAndDuesRulesTests {
    func world() throws -> World {
        var world = try World.district()
        try world.member("a")
        try world.member("b", status: "probationary", since: "2025-10-15")
        try world.member("app", status: "applicant", since: "2025-01-01")
        return world
    }

    func study(_ values: [String: String], id: String = "s1") throws -> DomainCommand {
        var all = ["member": "a,b", "date": "2026-03-01", "hours": "2.5", "kind": "online", "course": "党章"]
        all.merge(values) { $1 }
        return try CommandParsing.logStudy(World.fields(all), session: id)
    }

    func dues(_ values: [String: String], id: String = "p1") throws -> DomainCommand {
        var all = ["member": "a", "from": "2026-01"]
        all.merge(values) { $1 }
        return try CommandParsing.payDues(World.fields(all), payment: id, today: World.date("2026-03-20"))
    }

    @Test func studyStoresTenthsOfAnHourForEveryMember() throws {
        var world = try world()
        let events = try world.run(study([:]))
        #expect(events == [.studyLogged(StudyLogged(
            session: "s1", members: ["a", "b"], date: World.date("2026-03-01"), hoursTenths: 25, kind: .online, course: "党章"))])
        #expect(world.refusal(try study([:])) == .recordExists(id: "s1"))
    }

    @Test func studyRefusals() throws {
        let world = try world()
        #expect(throws: DomainError.self) { try study(["hours": "25"]) }
        #expect(throws: DomainError.self) { try study(["kind": "nap"]) }
        #expect(world.refusal(try study(["member": "a,a"])) == .listedTwice(member: "a"))
        #expect(world.refusal(try study(["date": "2026-03-21"])) == .futureDate(date: World.date("2026-03-21"), today: world.today))
        #expect(world.refusal(try study(["date": "2025-10-14"])) == .notOnRoll(member: "b", date: World.date("2025-10-14")))
        #expect(world.refusal(try study(["member": "zz"])) == .unknownMember(id: "zz"))
    }

    @Test func duesCoverWholeMonthsInFen() throws {
        var world = try world()
        let events = try world.run(dues(["to": "2026-03", "amount": "36.60", "date": "2026-03-05"]))
        #expect(events == [.duesPaid(DuesPaid(
            payment: "p1", member: "a", branch: "b1", from: YearMonth(parsing: "2026-01")!, to: YearMonth(parsing: "2026-03")!,
            months: 3, amountFen: 3660, date: World.date("2026-03-05")))])
        #expect(world.state.members["a"]?.paidMonths.count == 3)
        let defaulted = try dues(["from": "2026-04"], id: "p2")
        guard case .payDues(let command) = defaulted else { Issue.record("not dues"); return }
        #expect(command.to == command.from && command.date == World.date("2026-03-20") && command.amountFen == nil)
    }

    @Test func duesRefusals() throws {
        var world = try world()
        try world.run(dues(["from": "2026-02"]))
        #expect(world.refusal(try dues(["from": "2026-01", "to": "2026-03"], id: "p2")) == .duesAlreadyPaid(member: "a", month: YearMonth(parsing: "2026-02")!))
        #expect(world.refusal(try dues(["from": "2026-03", "to": "2026-01"], id: "p2"))
                == .duesMonthsReversed(from: YearMonth(parsing: "2026-03")!, to: YearMonth(parsing: "2026-01")!))
        #expect(world.refusal(try dues(["member": "b", "from": "2025-09", "to": "2025-10"], id: "p2"))
                == .duesBeforeJoining(member: "b", month: YearMonth(parsing: "2025-09")!, joined: World.date("2025-10-15")))
        #expect(world.refusal(try dues(["member": "app"], id: "p2")) == .notAPartyMember(member: "app", date: World.date("2026-03-20")))
        #expect(world.refusal(try dues(["date": "2026-03-21"], id: "p2")) == .futureDate(date: World.date("2026-03-21"), today: world.today))
        #expect(throws: DomainError.self) { try dues(["from": "2026-1"]) }
        #expect(throws: DomainError.self) { try dues(["amount": "1.234"]) }
    }
}
