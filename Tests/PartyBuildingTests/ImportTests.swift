import EventStore
import Foundation
import Testing
@testable import PartyBuilding

@Suite struct ImportTests {
    @Test func deterministicIDsAreLowerCaseUUIDs() {
        let id = DeterministicID.uuid(for: "row")
        #expect(id == DeterministicID.uuid(for: "row"))
        #expect(id != DeterministicID.uuid(for: "row2"))
        #expect(UUID(uuidString: id) != nil && id == id.lowercased())
    }

    func plan(_ csv: String, kind: ImportKind, basis: DecisionBasis = DecisionBasis()) throws -> ImportPlan {
        let today = World.date("2026-03-20")
        let rows = try ImportRows.read(BytesInput(Array(csv.utf8)), kind: kind, file: "f.csv", today: today)
        return ImportPlan.make(rows, basis: basis, today: today)
    }

    @Test func everyBadRowIsReportedAndLaterRowsSeeEarlierOnes() throws {
        let csv = """
            id,name,kind,parent,since
            d,区委,district,,2020-01-01
            s,街道,street,d,2020-01-01
            x,坏,branch,nowhere,2020-01-01
            c,社区,community,s,2020-13-01
            c2,社区二,community,s,2020-01-01
            """
        let result = try plan(csv, kind: .orgs)
        #expect(result.problems.map(\.line) == [4, 5])
        #expect(result.problems[0].message == DomainError.unknownOrganisation(id: "nowhere").message)
        #expect(result.events.count == 3)
    }

    @Test func headerMustNameKnownColumns() {
        #expect(throws: ImportError.self) { try plan("id,nam,kind\n", kind: .orgs) }
        #expect(throws: ImportError.self) { try plan("id,name\n", kind: .orgs) }
    }

    @Test func rowsAlreadyImportedAreSkippedAndRepeatsReported() throws {
        let csv = "id,name,kind\nd,区委,district\n"
        let first = try plan(csv, kind: .orgs)
        #expect(first.newRows == 1 && first.alreadyImported == 0)
        let store = try TemporaryStore()
        try DomainLog.append(first.events, basedOn: DomainState(), to: store.store, metadata: EventMetadata(actor: "tester"))
        let rows = try ImportRows.read(BytesInput(Array(csv.utf8)), kind: .orgs, file: "f.csv", today: World.date("2026-03-20"))
        let basis = try DomainLog.load(neededBy: rows.commands, from: store.store)
        #expect(basis.streamsRead == ["org-d"])
        let again = try plan(csv, kind: .orgs, basis: basis)
        #expect(again.newRows == 0 && again.alreadyImported == 1 && again.events.isEmpty && again.problems.isEmpty)
        let reordered = try plan("kind,id,name\ndistrict, d ,区委\n", kind: .orgs)
        #expect(reordered.events.map(\.id) == first.events.map(\.id))
        let repeated = try plan(csv + "d,区委,district\n", kind: .orgs)
        #expect(repeated.problems.map(\.line) == [3])
    }
}

@Suite struct EventCodingTests {
    @Test func payloadsUseSnakeCaseAndRoundTrip() throws {
        var world = try World.district()
        try world.member("a")
        let events = try world.run(CommandParsing.payDues(World.fields(["member": "a", "from": "2026-01", "amount": "1.5"]),
                                                          payment: "p", today: world.today))
        let payload = try EventCoding.payload(of: events[0])
        guard case .object(let fields) = payload else { Issue.record("not an object"); return }
        #expect(fields["amount_fen"] == .integer(150))
        #expect(fields["from"] == .string("2026-01"))
    }
}

@Suite struct DomainLogTests {
    @Test func aWriterWorkingFromStaleStateGetsAVersionConflict() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let world = try World.district()
        let metadata = EventMetadata(actor: "tester")
        var setUp: [IdentifiedEvent] = []
        for (index, id) in ["d", "s", "c", "b1"].enumerated() {
            let organisation = try #require(world.state.organisations[id])
            setUp.append(IdentifiedEvent(id: DeterministicID.uuid(for: "org\(index)"), event: .organisationCreated(OrganisationCreated(
                id: id, name: organisation.name, kind: organisation.kind, parent: organisation.parent,
                setting: organisation.setting, since: organisation.since))))
        }
        try DomainLog.append(setUp, basedOn: DomainState(), to: store, metadata: metadata)
        let stale = try DomainLog.load(from: store)
        #expect(stale.version(of: "org-b1") == 1)
        let elect = { (date: String) in
            IdentifiedEvent(id: UUID().uuidString.lowercased(), event: .committeeElected(CommitteeElected(
                branch: "b1", date: World.date(date), members: ["a"], termYears: 5, termEnds: World.date(date).adding(years: 5))))
        }
        try DomainLog.append([elect("2025-01-01")], basedOn: stale, to: store, metadata: metadata)
        #expect(throws: EventStoreError.self) { try DomainLog.append([elect("2025-02-01")], basedOn: stale, to: store, metadata: metadata) }
        let fresh = try DomainLog.load(from: store)
        #expect(fresh.organisations["b1"]?.committee?.date == World.date("2025-01-01"))
        #expect(fresh.version(of: "org-b1") == 2)
    }
}
