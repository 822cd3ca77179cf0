import EventStore
import Foundation
import GRDB
import Testing

@Suite struct TamperingTests {
    @Test func updateAndDeleteAreRefusedByTheDatabaseItself() throws {
        let fixture = try TemporaryStore()
        try fixture.open().append([event("original")], to: "s", expecting: .any)
        let db = try DatabaseQueue(path: fixture.path)
        for sql in ["UPDATE events SET payload = '{}' WHERE position = 1", "DELETE FROM events"] {
            let error = #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: sql) } }
            #expect(error?.message?.contains("append-only") == true)
        }
        #expect(try fixture.open().readAll().first?.payloadJSON == #"{"text":"original"}"#)
    }

    @Test func aChangedPayloadByteIsFoundAtItsPosition() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        for index in 1...5 { try store.append([event("event \(index)")], to: "s", expecting: .any) }
        #expect(try store.verifyChain().failure == nil)
        try tamper(fixture.path, "UPDATE events SET payload = replace(payload, 'event 3', 'event 8') WHERE position = 3")
        let report = try fixture.open().verifyChain()
        #expect(report.failure?.position == 3)
        #expect(report.failure?.problem.en.contains("does not match the recomputed") == true)
        #expect(report.eventsChecked == 2)
    }

    @Test func aRemovedEventIsFoundWhereTheGapIs() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        for index in 1...4 { try store.append([event("event \(index)")], to: "s\(index)", expecting: .any) }
        try tamper(fixture.path, "DELETE FROM events WHERE position = 2")
        let failure = try fixture.open().verifyChain().failure
        #expect(failure?.position == 3)
        #expect(failure?.problem.en.contains("events are missing") == true)
    }

    @Test func aRecomputedHashStillBreaksTheLinkToTheNextEvent() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        for index in 1...3 { try store.append([event("event \(index)")], to: "s", expecting: .any) }
        // A forger who rewrites event 2 and fixes its own hash still breaks event 3's prev_hash.
        var forged = try store.readAll()[1]
        forged.payloadJSON = #"{"text":"forged"}"#
        forged.hash = forged.recomputedHash
        try tamper(fixture.path, "UPDATE events SET payload = '\(forged.payloadJSON)', hash = '\(forged.hash)' WHERE position = 2")
        let failure = try fixture.open().verifyChain().failure
        #expect(failure?.position == 3)
        #expect(failure?.problem.en.contains("the chain is broken") == true)
    }

    @Test func aFieldOfTheWrongTypeIsReportedNotCrashedOn() throws {
        let fixture = try TemporaryStore()
        try fixture.open().append([event()], to: "s", expecting: .any)
        try tamper(fixture.path, "UPDATE events SET stream_version = x'00ff' WHERE position = 1")
        let failure = try fixture.open().verifyChain().failure
        #expect(failure?.position == 1)
    }
}

/// Changes the store behind dangjian's back: drops the append-only triggers first.
func tamper(_ path: String, _ sql: String) throws {
    let db = try DatabaseQueue(path: path)
    try db.write { db in
        try db.execute(sql: "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete")
        try db.execute(sql: sql)
    }
}
