import Foundation
import GRDB
import Testing

/// A store its user may not write: reading commands work, writes fail with one clear line,
/// and the file is left exactly as it was.
@Suite(.enabled(if: UnprivilegedUser.canRun, "needs a non-root user, or setpriv to become one"))
struct ReadOnlyStoreTests {
    static let readCommands: [[String]] = [
        ["events"], ["verify"], ["report", "summary", "--period", "2026"], ["warnings"], ["member", "show", "m01"],
    ]
    static let writeCommands: [[String]] = [
        ["org", "add", "s2", "--name", "新街道", "--kind", "street", "--parent", "d1"],
        ["member", "erase-personal", "m01", "--reason", "本人申请"],
        ["member", "show", "m01", "--show-personal"],
    ]

    /// Makes the fixture's store read-only the way `protect` says, then checks every command.
    func check(_ protect: (SecurityFixture) throws -> Void) throws {
        let fixture = try SecurityFixture()
        try UnprivilegedUser.own(fixture.directory.url)
        try protect(fixture)
        defer { chmod(fixture.directory.url.path, 0o700); chmod(fixture.store, 0o600) }
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.store))
        for command in Self.readCommands {
            let result = try UnprivilegedUser.run(command, environment: fixture.environment)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        for command in Self.writeCommands {
            let result = try UnprivilegedUser.run(command, environment: fixture.environment)
            #expect(result.status == 1, "\(command): \(result.status)")
            #expect(result.stderr == "dangjian: \(fixture.store) is read-only (the file, its folder or its -wal/-shm files are not writable): reading commands work; to record, make them writable\n")
            #expect(!result.stdout.contains(SecurityFixture.idCard), "shown although the viewing could not be recorded")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.store)) == before)
    }

    @Test func aReadOnlyFile() throws {
        try check { #expect(chmod($0.store, 0o400) == 0) }
    }

    @Test func aReadOnlyFolder() throws {
        try check { #expect(chmod($0.directory.url.path, 0o500) == 0) }
    }

    @Test func aStoreMadeWritableAgainTakesWrites() throws {
        let fixture = try SecurityFixture()
        try UnprivilegedUser.own(fixture.directory.url)
        chmod(fixture.store, 0o400)
        #expect(try UnprivilegedUser.run(["events"], environment: fixture.environment).status == 0)
        chmod(fixture.store, 0o600)
        let write = try UnprivilegedUser.run(["org", "add", "s2", "--name", "新街道", "--kind", "street", "--parent", "d1"], environment: fixture.environment)
        #expect(write.status == 0, "\(write.stderr)")
    }

    @Test func anOlderStoreIsUpgradedOnlyWhenWritable() throws {
        let fixture = try SecurityFixture(member: false)
        try DatabaseQueue(path: fixture.store).write { db in
            try db.execute(sql: "DROP TABLE personal_keys")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'personal-keys-v1'")
        }
        try UnprivilegedUser.own(fixture.directory.url)
        chmod(fixture.store, 0o400)
        let refused = try UnprivilegedUser.run(["events"], environment: fixture.environment)
        #expect(refused.status == 1 && refused.stderr.contains("was written by an older dangjian and is read-only"), "\(refused.stderr)")
        chmod(fixture.store, 0o600)
        #expect(try UnprivilegedUser.run(["events"], environment: fixture.environment).status == 0)
        let upgraded = try DatabaseQueue(path: fixture.store).read { try $0.tableExists("personal_keys") }
        #expect(upgraded)
    }

    @Test func anUnreadableStoreSaysSo() throws {
        let fixture = try SecurityFixture()
        try UnprivilegedUser.own(fixture.directory.url)
        chmod(fixture.store, 0o200)
        defer { chmod(fixture.store, 0o600) }
        let result = try UnprivilegedUser.run(["events"], environment: fixture.environment)
        #expect(result.status == 1 && result.stderr.hasPrefix("dangjian: cannot open \(fixture.store)"), "\(result.stderr)")
    }
}
