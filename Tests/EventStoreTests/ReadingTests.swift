import EventStore
import GRDB
import Testing

@Suite struct ReadingTests {
    @Test func streamsReadForwardAndBackward() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append((1...5).map { event("e\($0)") }, to: "s", expecting: .noStream)
        try store.append([event("other")], to: "t", expecting: .noStream)
        #expect(try store.readStream("s").map(\.streamVersion) == [1, 2, 3, 4, 5])
        #expect(try store.readStream("s", from: 3, limit: 2).map(\.streamVersion) == [3, 4])
        #expect(try store.readStream("s", direction: .backward, limit: 2).map(\.streamVersion) == [5, 4])
        #expect(try store.readStream("s", from: 2, direction: .backward).map(\.streamVersion) == [2, 1])
        #expect(try store.readStream("missing").isEmpty)
    }

    @Test func everythingReadsInBatchesFromAPosition() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        for index in 0..<10 { try store.append([event("e\(index)")], to: "s\(index % 3)", expecting: .any) }
        var batches: [[Int64]] = []
        try store.forEachBatch(from: 3, batchSize: 3) { batches.append($0.map(\.position)) }
        #expect(batches == [[3, 4, 5], [6, 7, 8], [9, 10]])
        #expect(try store.readAll(from: 9, limit: 100).map(\.position) == [9, 10])
    }

    @Test func catchUpHandsOverEachEventOnceAndRemembersWhereItStopped() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append((1...7).map { event("e\($0)") }, to: "s", expecting: .any)
        var seen: [Int64] = []
        #expect(try store.catchUp(consumer: "counter", batchSize: 3) { events, _ in seen += events.map(\.position) } == 7)
        #expect(try store.checkpoint(of: "counter") == 7)
        try store.append([event("late")], to: "s", expecting: .any)
        #expect(try store.catchUp(consumer: "counter", batchSize: 3) { events, _ in seen += events.map(\.position) } == 1)
        #expect(seen == Array(1...8))
        #expect(try store.checkpoint(of: "other") == 0)
    }

    @Test func aConsumerThatFailsKeepsItsCheckpointAtTheLastWholeBatch() throws {
        struct Stop: Error {}
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append((1...6).map { event("e\($0)") }, to: "s", expecting: .any)
        #expect(throws: Stop.self) {
            try store.catchUp(consumer: "fragile", batchSize: 2) { events, _ in
                if events.contains(where: { $0.position == 5 }) { throw Stop() }
            }
        }
        #expect(try store.checkpoint(of: "fragile") == 4)
    }
}

@Suite struct ReadingManyStreamsTests {
    @Test func severalStreamsReadAtOnceMatchReadingEachAlone() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        for index in 0..<9 { try store.append([event("e\(index)")], to: "s\(index % 3)", expecting: .any) }
        let streams = try store.readStreams(["s0", "s2", "missing", "s0"])
        #expect(streams.keys.sorted() == ["s0", "s2"])
        #expect(streams["s0"] == (try store.readStream("s0")))
        #expect(streams["s2"]?.map(\.streamVersion) == [1, 2, 3])
    }
}
