import Foundation
import GRDB
import Testing

/// A damaged store: every command says what is wrong, with which file and how to fix it, on
/// one line of stderr, and exits non-zero; none crashes, none repairs.
@Suite struct DamagedStoreCommandTests {
    /// Commands that read and commands that write.
    static let commands: [[String]] = [
        ["events"], ["verify"], ["member", "list"], ["member", "show", "m01"], ["report", "summary", "--period", "2026"],
        ["warnings"], ["org", "add", "s2", "--name", "新街道", "--kind", "street", "--parent", "d1"],
    ]

    /// Runs every command on the fixture's store and checks the failure; the file stays as it was.
    static func expectEveryCommandFails(_ fixture: SecurityFixture, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.store))
        for command in commands {
            let result = try fixture.run(command)
            let lines = result.stderr.split(separator: "\n")
            #expect([1, 3].contains(result.status), "\(command): status \(result.status)", sourceLocation: sourceLocation)
            #expect(lines.count == 1 && result.stderr.contains(fixture.store) || result.stderr.contains("verification failed"),
                    "\(command): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(words) || result.stderr.contains("verification failed"),
                    "\(command): \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.store)) == before, "the store was changed", sourceLocation: sourceLocation)
    }

    /// The store's bytes with the WAL folded in, so damage to the file is damage to the store.
    static func checkpointed(_ fixture: SecurityFixture) throws -> Data {
        try DatabaseQueue(path: fixture.store).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return try Data(contentsOf: URL(fileURLWithPath: fixture.store))
    }

    @Test func aTruncatedStore() throws {
        let fixture = try SecurityFixture()
        let bytes = try Self.checkpointed(fixture)
        try bytes.prefix(bytes.count * 2 / 3).write(to: URL(fileURLWithPath: fixture.store))
        try Self.expectEveryCommandFails(fixture, saying: "is damaged")
        #expect(try fixture.run(["verify"]).stderr.contains("restore it from a `dangjian backup` copy or an audit archive"))
    }

    @Test func aStoreWithOverwrittenPages() throws {
        let fixture = try SecurityFixture()
        var bytes = try Self.checkpointed(fixture)
        // Page 2 onwards: the schema's pages and the tables' roots.
        bytes.replaceSubrange(4096..<12288, with: Data(repeating: 0x5A, count: 8192))
        try bytes.write(to: URL(fileURLWithPath: fixture.store))
        try Self.expectEveryCommandFails(fixture, saying: "is damaged")
    }

    @Test func aStoreWithAGarbledHeader() throws {
        let fixture = try SecurityFixture()
        var bytes = try Self.checkpointed(fixture)
        bytes.replaceSubrange(0..<16, with: Data(repeating: 0x21, count: 16))
        try bytes.write(to: URL(fileURLWithPath: fixture.store))
        try Self.expectEveryCommandFails(fixture, saying: "is not a dangjian store")
    }

    @Test func anEventAlteredToAWrongType() throws {
        let fixture = try SecurityFixture()
        try DatabaseQueue(path: fixture.store).write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            try db.execute(sql: "UPDATE events SET stream_version = 'zwei', payload = x'ff' WHERE type = 'member.added'")
        }
        // Commands that never read the altered record may well succeed; none crashes.
        for command in Self.commands {
            let result = try fixture.run(command)
            #expect([0, 1, 3].contains(result.status), "\(command) crashed: \(result.status) \(result.stderr)")
            #expect(result.status == 0 || result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
        }
        #expect(try fixture.run(["events"]).stderr.contains("has a field of the wrong type"))
        #expect(try fixture.run(["member", "show", "m01"]).stderr.contains("has a field of the wrong type"))
        let verify = try fixture.run(["verify"])
        #expect(verify.status == 3 && verify.stderr.contains("wrong type"))
    }

    @Test func aStoreOfANewerDangjian() throws {
        let fixture = try SecurityFixture()
        try DatabaseQueue(path: fixture.store).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('zz-from-the-future')")
        }
        try Self.expectEveryCommandFails(fixture, saying: "was written by a newer dangjian")
    }
}
