import Foundation
import GRDB
import Testing

/// What dangjian creates is its owner's alone: files 0600, folders 0700.
@Suite struct FileModeTests {
    @Test func theStoreAndTheFilesSQLiteKeepsBesideItAreOwnerOnly() throws {
        let fixture = try SecurityFixture()
        #expect(try SecurityFixture.mode(of: fixture.store) == 0o600)
        // Hold a connection open, so the -wal and -shm files outlive the command that writes.
        let reader = try DatabaseQueue(path: fixture.store)
        try reader.read { _ = try Int.fetchOne($0, sql: "SELECT count(*) FROM events") }
        try fixture.ok(["org", "add", "s2", "--name", "新街道", "--kind", "street", "--parent", "d1"])
        for suffix in ["-wal", "-shm"] {
            #expect(try SecurityFixture.mode(of: fixture.store + suffix) == 0o600, "\(suffix)")
        }
        try reader.close()
    }

    @Test func signingKeysGoInAnOwnerOnlyFolder() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("keys/new")
        let result = try Dangjian.run(["keys", "generate", "--out", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SecurityFixture.mode(of: folder) == 0o700)
        #expect(try SecurityFixture.mode(of: folder + "/archive-signing-key.pem") == 0o600)
    }

    @Test func archivesAndBackupsAreOwnerOnly() throws {
        let fixture = try SecurityFixture()
        let export = try fixture.run(["archive", "export", "--from", "1", "--to", "3", "--out", fixture.directory.path("")])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try SecurityFixture.mode(of: export.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == 0o600)
        try fixture.ok(["backup", "--out", fixture.directory.path("copy.sqlite")])
        #expect(try SecurityFixture.mode(of: fixture.directory.path("copy.sqlite")) == 0o600)
    }
}
