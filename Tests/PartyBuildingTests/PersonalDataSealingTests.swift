import EventStore
import Foundation
@testable import PartyBuilding
import Testing

@Suite struct PersonalDataSealingTests {
    static let idCard = "530102199001011231"
    static let phone = "13812345678"

    /// A district with member m whose personal data is sealed; returns the key too.
    static func worldWithPersonalData() throws -> (World, PersonalDataKey) {
        var world = try World.district()
        try world.member("m")
        let (event, key) = try PersonalDataSealing.seal(PersonalDataEntry(
            member: "m", idCardNumber: idCard, phone: phone, date: World.date("2020-01-01")))
        world.state.apply(.memberPersonalDataRecorded(event))
        return (world, key)
    }

    @Test func sealedDataOpensOnlyWithItsKey() throws {
        let (world, key) = try Self.worldWithPersonalData()
        let member = try #require(world.state.members["m"])
        #expect(try PersonalDataSealing.open(member) { _ in key.bytes }?.idCardNumber == Self.idCard)
        #expect(throws: PersonalDataError.keyMissing(member: "m")) { try PersonalDataSealing.open(member) { _ in nil } }
        var otherKey = key.bytes
        otherKey[0] ^= 1
        #expect(throws: PersonalDataError.doesNotOpen(member: "m")) { try PersonalDataSealing.open(member) { _ in otherKey } }
    }

    @Test func aCiphertextMovedToAnotherMemberDoesNotOpen() throws {
        var (world, key) = try Self.worldWithPersonalData()
        try world.member("n")
        world.state.members["n"]!.idCardNumber = world.state.members["m"]!.idCardNumber
        let moved = try #require(world.state.members["n"])
        #expect(throws: PersonalDataError.doesNotOpen(member: "n")) { try PersonalDataSealing.open(moved) { _ in key.bytes } }
    }

    @Test func twoSealingsOfTheSameDataDiffer() throws {
        let entry = PersonalDataEntry(member: "m", idCardNumber: Self.idCard, phone: nil, date: World.date("2020-01-01"))
        let first = try PersonalDataSealing.seal(entry)
        let second = try PersonalDataSealing.seal(entry)
        #expect(first.key.id != second.key.id && first.key.bytes != second.key.bytes)
        #expect(first.event.sealedIdCardNumber != second.event.sealedIdCardNumber)
        #expect(first.event.sealedPhone == nil)
    }

    @Test func erasureNamesEveryKeyAndClearsTheData() throws {
        var (world, key) = try Self.worldWithPersonalData()
        let erase = try CommandParsing.erasePersonalData(World.fields(["id": "m", "reason": "本人申请"]), today: world.today)
        let events = try world.run(erase)
        guard case .memberPersonalDataErased(let erasure) = try #require(events.first) else {
            Issue.record("unexpected \(events)")
            return
        }
        #expect(erasure.keyIDs == [key.id] && erasure.date == world.today && erasure.reason == "本人申请")
        let member = try #require(world.state.members["m"])
        #expect(member.idCardNumber == nil && member.phone == nil && member.personalKeyIDs.isEmpty)
        #expect(member.personalDataErased == world.today)
        #expect(world.refusal(erase) == .noPersonalDataToErase(member: "m", erasedOn: world.today))
    }

    @Test func erasureIsAllowedAfterTheMemberLeftButNeedsData() throws {
        var (world, _) = try Self.worldWithPersonalData()
        try world.run(CommandParsing.leave(World.fields(["id": "m", "reason": "deceased", "date": "2025-01-01"])))
        try world.member("x")
        let erase = { (id: String) in
            try CommandParsing.erasePersonalData(World.fields(["id": id, "reason": "r"]), today: world.today)
        }
        #expect(world.refusal(try erase("m")) == nil)
        #expect(world.refusal(try erase("x")) == .noPersonalDataToErase(member: "x", erasedOn: nil))
        #expect(world.refusal(try erase("nobody")) == .unknownMember(id: "nobody"))
    }

    @Test func anUnsealedRecordOfAnOlderVersionIsReadWithoutItsFields() throws {
        let recorded = RecordedEvent(
            position: 1, streamID: "member-m", streamVersion: 2, eventID: UUID().uuidString.lowercased(),
            type: "member.personal-data-recorded", schemaVersion: 1, businessTime: "2020-01-01",
            recordedTime: "2026-01-01T00:00:00.000Z", metadata: EventMetadata(actor: "t"),
            payloadJSON: #"{"date":"2020-01-01","id_card_number":"530102199001011231","member":"m"}"#,
            previousHash: EnvelopeHashing.genesisHash, hash: "")
        guard case .memberPersonalDataRecorded(let personal) = try EventCoding.domainEvent(from: recorded) else {
            Issue.record("not decoded")
            return
        }
        #expect(personal.keyID == nil && personal.sealedIdCardNumber == nil)
        var (world, _) = try Self.worldWithPersonalData()
        world.state.apply(.memberPersonalDataRecorded(personal))
        #expect(world.state.members["m"]?.hasUnsealedPersonalData == true)
    }

    @Test func viewingIsAnEventOfItsOwnStream() throws {
        let viewed = DomainEvent.memberPersonalDataViewed(MemberPersonalDataViewed(member: "m", date: World.date("2026-03-20")))
        #expect(viewed.streamID == "personal-data-views-m" && viewed.typeName == "member.personal-data-viewed")
        let (world, _) = try Self.worldWithPersonalData()
        let after = DomainState.evolve(world.state, viewed)
        #expect(after.members == world.state.members)
    }
}
