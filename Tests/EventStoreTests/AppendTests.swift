import EventStore
import GRDB
import Testing

@Suite struct AppendTests {
    @Test func positionsAndStreamVersionsAreGaplessFromOne() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([event("a"), event("b")], to: "s-1", expecting: .noStream)
        try store.append([event("c")], to: "s-2", expecting: .noStream)
        try store.append([event("d")], to: "s-1", expecting: .exactly(2))
        let all = try store.readAll()
        #expect(all.map(\.position) == [1, 2, 3, 4])
        #expect(all.map(\.streamVersion) == [1, 2, 1, 3])
        #expect(all.first?.previousHash == EnvelopeHashing.genesisHash)
        for (previous, next) in zip(all, all.dropFirst()) {
            #expect(next.previousHash == previous.hash)
        }
        #expect(try store.head() == LogHead(position: 4, hash: all[3].hash))
    }

    @Test func expectedVersionMismatchIsAConflictAndWritesNothing() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([event()], to: "s", expecting: .noStream)
        #expect(throws: EventStoreError.versionConflict(streamID: "s", expected: .noStream, actual: 1)) {
            try store.append([event()], to: "s", expecting: .noStream)
        }
        #expect(throws: EventStoreError.versionConflict(streamID: "s", expected: .exactly(5), actual: 1)) {
            try store.append([event()], to: "s", expecting: .exactly(5))
        }
        try store.append([event()], to: "s", expecting: .any)
        #expect(try store.readAll().count == 2)
    }

    @Test func sameEventIDAndContentReturnsTheOriginalAndWritesNothing() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        let first = try store.append([event("a", id: "00000000-0000-4000-8000-000000000001"), event("b")], to: "s", expecting: .noStream)
        // A retry of the whole write: same ids, same content, stale expected version.
        let retry = try store.append(
            [NewEvent(eventID: first[0].eventID, type: "thing-happened", businessTime: "2026-03-01",
                      payload: .object(["text": .string("a")]), metadata: EventMetadata(actor: "someone else")),
             NewEvent(eventID: first[1].eventID, type: "thing-happened", businessTime: "2026-03-01",
                      payload: .object(["text": .string("b")]), metadata: EventMetadata(actor: "tester"))],
            to: "s", expecting: .noStream)
        #expect(retry == first)
        #expect(try store.readAll().count == 2)
    }

    @Test func sameEventIDWithOtherContentIsRefused() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        let id = "00000000-0000-4000-8000-000000000002"
        try store.append([event("a", id: id)], to: "s", expecting: .any)
        #expect(throws: EventStoreError.eventIDReused(eventID: id, position: 1)) {
            try store.append([event("changed", id: id)], to: "s", expecting: .any)
        }
        #expect(try store.readAll().count == 1)
    }

    @Test func aBatchThatFailsMidwayLeavesNoTrace() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([event()], to: "busy", expecting: .any)
        let before = try store.readAll()
        // The second stream's conflict comes after the first stream's events were inserted.
        #expect(throws: EventStoreError.self) {
            try store.append([
                StreamWrite(streamID: "fresh", expectedVersion: .noStream, events: [event(), event()]),
                StreamWrite(streamID: "busy", expectedVersion: .noStream, events: [event()]),
            ])
        }
        // A bad event in the middle of a batch.
        #expect(throws: EventStoreError.self) {
            try store.append([event(), event(date: "2026-02-30"), event()], to: "fresh", expecting: .any)
        }
        // A reused id in the middle of a batch.
        #expect(throws: EventStoreError.self) {
            try store.append([event(), event("other", id: before[0].eventID)], to: "busy", expecting: .any)
        }
        #expect(try store.readAll() == before)
        #expect(try store.readStream("fresh").isEmpty)
    }

    @Test func aFailingInlineProjectorRollsTheAppendBack() throws {
        struct Refusing: InlineProjector {
            struct Refused: Error {}
            func apply(_ events: [RecordedEvent], in db: GRDB.Database) throws {
                if events.contains(where: { $0.type == "refused" }) { throw Refused() }
            }
        }
        let fixture = try TemporaryStore()
        let store = try fixture.open(projectors: [Refusing()])
        try store.append([event()], to: "s", expecting: .any)
        #expect(throws: Refusing.Refused.self) {
            try store.append([event(), event(type: "refused")], to: "s", expecting: .any)
        }
        #expect(try store.readAll().count == 1)
    }

    @Test(arguments: [
        ("not-a-uuid", "2026-03-01", "actor"),
        ("00000000-0000-4000-8000-00000000000A", "2026-03-01", "actor"),
        (UUIDs.valid, "2026-13-01", "actor"),
        (UUIDs.valid, "2025-02-29", "actor"),
        (UUIDs.valid, "2026-03-01T25:00:00Z", "actor"),
        (UUIDs.valid, "2026-03-01T08:00:00.", "actor"),
        (UUIDs.valid, "2026-03-01T08:00:00+0800", "actor"),
        (UUIDs.valid, "2026-3-01", "actor"),
        (UUIDs.valid, "2026-03-01T08:00:00Zjunk", "actor"),
        (UUIDs.valid, "2026-03-01", ""),
    ])
    func malformedEnvelopesAreRefused(id: String, businessTime: String, actor: String) throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        let bad = NewEvent(eventID: id, type: "t", businessTime: businessTime, payload: .null, metadata: EventMetadata(actor: actor))
        #expect(throws: EventStoreError.self) { try store.append([bad], to: "s", expecting: .any) }
        #expect(try store.head() == nil)
    }

    @Test func leapDaysAndOffsetsAreValidBusinessTimes() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([event(date: "2024-02-29"), event(date: "2026-03-01T08:30:00+08:00"), event(date: "2026-03-01T00:00:00.250Z"), event(date: "2026-12-31T23:59:59.123456789-05:30")], to: "s", expecting: .any)
        #expect(try store.readAll().count == 4)
    }
}

enum UUIDs {
    static let valid = "00000000-0000-4000-8000-000000000003"
}
