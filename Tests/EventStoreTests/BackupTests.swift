import EventStore
import Foundation
import Testing

@Suite struct BackupTests {
    @Test func aBackupIsAnOwnerOnlyStoreWithTheSameChainAndSecrets() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([StreamWrite(streamID: "s", expectedVersion: .any, events: [event("一"), event("二")])], secrets: [.store(id: "k", key: [1, 2, 3])])
        let copyPath = fixture.directory.appendingPathComponent("copy.sqlite").path
        try store.backup(to: copyPath)
        let mode = try FileManager.default.attributesOfItem(atPath: copyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let copy = try EventStore(path: copyPath)
        let report = try copy.verifyChain()
        let head = try store.head()
        #expect(report.failure == nil && report.head == head)
        #expect(try copy.secret(id: "k") == [1, 2, 3])
    }

    @Test func anExistingFileIsReplacedOnlyWhenAsked() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([event()], to: "s", expecting: .any)
        let copyPath = fixture.directory.appendingPathComponent("copy.sqlite").path
        try "keep me".write(toFile: copyPath, atomically: true, encoding: .utf8)
        #expect(throws: EventStoreError.backupExists(path: copyPath)) { try store.backup(to: copyPath) }
        #expect(try String(contentsOfFile: copyPath, encoding: .utf8) == "keep me")
        try store.backup(to: copyPath, replacing: true)
        let head = try store.head()
        #expect(try EventStore(path: copyPath).head() == head)
    }
}
