import EventStore
import Foundation
import GRDB
import Testing

@Suite struct StoreFileTests {
    @Test func aMissingStoreIsNotCreatedUnlessAsked() throws {
        let fixture = try TemporaryStore()
        #expect(throws: EventStoreError.storeNotFound(path: fixture.path)) { try EventStore(path: fixture.path) }
        #expect(!FileManager.default.fileExists(atPath: fixture.path))
    }

    @Test func aNewStoreIsOwnerOnly() throws {
        let fixture = try TemporaryStore()
        _ = try fixture.open()
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aNewStoreAppearsWholeAndLeavesNothingBehind() throws {
        let fixture = try TemporaryStore()
        _ = try fixture.open()
        let folder = (fixture.path as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".creating-") }
        #expect(leftovers.isEmpty)
        // Made under another name and renamed: the file is a complete store from the start.
        #expect(try EventStore(path: fixture.path).head() == nil)
    }

    @Test func anEmptyFileLeftByAKilledCreationIsReplacedWhenCreating() throws {
        let fixture = try TemporaryStore()
        #expect(FileManager.default.createFile(atPath: fixture.path, contents: nil))
        let error = #expect(throws: EventStoreError.self) { try EventStore(path: fixture.path) }
        #expect(error?.message.en.contains("the file is empty") == true)
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.path)[.size] as? UInt64 == 0, "refusing left it as it was")
        let store = try EventStore(path: fixture.path, create: true)
        try store.append([event()], to: "s", expecting: .any)
        #expect(try store.head()?.position == 1)
    }

    @Test func creatingNeverReplacesAFileWithContent() throws {
        let fixture = try TemporaryStore()
        try "minutes of the meeting\n".write(toFile: fixture.path, atomically: true, encoding: .utf8)
        #expect(throws: EventStoreError.self) { try EventStore(path: fixture.path, create: true) }
        #expect(try String(contentsOfFile: fixture.path, encoding: .utf8) == "minutes of the meeting\n")
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let fixture = try TemporaryStore()
        try DatabaseQueue(path: fixture.path).write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        let error = #expect(throws: EventStoreError.self) { try EventStore(path: fixture.path) }
        #expect(error?.message.en.contains("is not a dangjian store") == true)
    }

    @Test func aTextFileIsRefused() throws {
        let fixture = try TemporaryStore()
        try "minutes of the meeting\n".write(toFile: fixture.path, atomically: true, encoding: .utf8)
        let error = #expect(throws: EventStoreError.self) { try EventStore(path: fixture.path) }
        #expect(error?.message.en.contains("is not a dangjian store") == true)
    }

    @Test func aStoreFromANewerVersionIsRefusedUntouched() throws {
        let fixture = try TemporaryStore()
        try fixture.open().append([event()], to: "s", expecting: .any)
        try DatabaseQueue(path: fixture.path).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('event-store-v9')")
        }
        #expect(throws: EventStoreError.newerFormat(path: fixture.path, found: "event-store-v9")) {
            try EventStore(path: fixture.path)
        }
    }

    @Test func readingAStoreLeavesItsFileByteForByteUnchanged() throws {
        let fixture = try TemporaryStore()
        do {
            let store = try fixture.open()
            try store.append([event("一"), event("二")], to: "s", expecting: .any)
        }
        // The last connection has closed: the log is checkpointed into the main file.
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        do {
            let store = try EventStore(path: fixture.path)
            _ = try store.readAll()
            _ = try store.verifyChain()
            _ = try store.head()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == before)
    }
}
