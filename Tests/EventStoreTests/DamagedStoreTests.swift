import EventStore
import Foundation
import GRDB
import Testing

/// A store altered or broken outside dangjian gives an error, never a crash, and is never repaired.
@Suite struct DamagedStoreTests {
    /// A store of three events whose row at position 2 then has `assignment` applied behind the triggers' back.
    static func alteredStore(_ assignment: String) throws -> TemporaryStore {
        let fixture = try TemporaryStore()
        try fixture.open().append([event("一"), event("二"), event("三")], to: "s", expecting: .any)
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            try db.execute(sql: "UPDATE events SET \(assignment) WHERE position = 2")
        }
        return fixture
    }

    @Test(arguments: ["stream_version = 'two'", "schema_version = x'01'", "payload = x'ff00'", "actor = x'c3'"])
    func aColumnOfTheWrongTypeIsAnErrorEverywhere(_ assignment: String) throws {
        let fixture = try Self.alteredStore(assignment)
        let store = try EventStore(path: fixture.path)
        #expect(throws: EventStoreError.self) { _ = try store.readAll() }
        #expect(throws: EventStoreError.self) { _ = try store.readStream("s") }
        #expect(throws: EventStoreError.self) { _ = try store.readStreams(["s"]) }
        #expect(try store.verifyChain().failure != nil)
    }

    @Test func aBrokenHeadIsAnErrorForAppendsAndReads() throws {
        let fixture = try Self.alteredStore("stream_version = 2")
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: "UPDATE events SET hash = x'ff' WHERE position = 3")
        }
        let store = try EventStore(path: fixture.path)
        #expect(throws: EventStoreError.damagedRecord(position: 3)) { _ = try store.head() }
        #expect(throws: EventStoreError.damagedRecord(position: 3)) { try store.append([event()], to: "s", expecting: .any) }
    }

    @Test func aTruncatedFileIsDamagedAndLeftAsItIs() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        for batch in 0..<20 {
            try store.append((0..<50).map { event("事件 \(batch) \($0) " + String(repeating: "长", count: 200)) }, to: "s\(batch)", expecting: .any)
        }
        try DatabaseQueue(path: fixture.path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let whole = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        let truncated = whole.prefix(whole.count / 2)
        try truncated.write(to: URL(fileURLWithPath: fixture.path))
        let error = #expect(throws: EventStoreError.self) {
            let reopened = try EventStore(path: fixture.path)
            _ = try reopened.verifyChain()
        }
        #expect(error?.message.en.contains("damaged") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == truncated)
    }
}
